"""Image upload fields and the Wagtail admin's image form, with `accounts.images.image_check`
(kept apart from accounts.images, which model modules import before Wagtail's forms can load).
"""

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .images import image_check


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, after `image_check`: Wagtail reads the size through Willow, which
    fails with a server error on a file that only starts like a JPEG; this refuses it (and any
    decompression bomb) with a message first."""

    def to_python(self, data):
        if data and hasattr(data, "read"):
            image_check(data)
        return super().to_python(data)


class CheckedImageForm(BaseImageForm):
    """The Wagtail admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE) with the checked field."""

    file = CheckedImageField(label="File")
