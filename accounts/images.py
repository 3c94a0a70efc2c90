"""Checks and clean-up for every uploaded image: it must decode, within a pixel limit.

The size is read from the header before anything is decoded, so a small file that would
expand to gigabytes of pixels is refused without the memory being spent.
"""

import warnings

from django.core.exceptions import ValidationError
from PIL import Image

# 40 megapixels: a modern phone photo is 12-50 MP; Pillow's own bomb limit is about 89 MP.
MAX_PIXELS = 40_000_000

UNREADABLE = "This file is not a photo we can read. Choose a JPEG, PNG or WebP photo."
TOO_MANY_PIXELS = (
    "This photo is too large ({width} by {height} pixels): it can be at most 40 megapixels. "
    "Try a smaller copy."
)


def image_check(file, *, max_pixels: int = MAX_PIXELS) -> None:
    """Raise ValidationError unless `file` is an image of at most `max_pixels` that decodes.

    The file is left at its start, for whatever reads it next.
    """
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise ValidationError(
                        TOO_MANY_PIXELS.format(width=width, height=height), code="too_many_pixels"
                    )
                image.load()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Warning) as error:
        raise ValidationError(UNREADABLE, code="unreadable") from error
    finally:
        file.seek(0)
