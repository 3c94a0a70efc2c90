"""Checks and clean-up for every uploaded image: it must decode, within a pixel limit, and
is stored without its metadata (EXIF, GPS) under a random name.

The size is read from the header before anything is decoded, so a small file that would
expand to gigabytes of pixels is refused without the memory being spent.
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps
from wagtail.utils.file import hash_filelike

# 40 megapixels: a modern phone photo is 12-50 MP; Pillow's own bomb limit is about 89 MP.
MAX_PIXELS = 40_000_000

UNREADABLE = "This file is not a photo we can read. Choose a JPEG, PNG or WebP photo."
TOO_MANY_PIXELS = (
    "This photo is too large ({width} by {height} pixels): it can be at most 40 megapixels. "
    "Try a smaller copy."
)

TOO_MANY_PIXELS_UNKNOWN = (
    "This photo is too large: it can be at most 40 megapixels. Try a smaller copy."
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
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(TOO_MANY_PIXELS_UNKNOWN, code="too_many_pixels") from error
    except (OSError, SyntaxError, ValueError, Warning) as error:
        raise ValidationError(UNREADABLE, code="unreadable") from error
    finally:
        file.seek(0)


# Pillow format -> what to save it as; GIFs (animation) are stored as sent.
_RESAVE = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "MPO": "jpg"}


def image_without_metadata(file) -> tuple[ContentFile, int, int] | None:
    """A copy of the image with no EXIF, GPS, XMP or comments, turned upright first (the EXIF
    orientation would otherwise be lost with the rest), under a random name.

    Returns (file, width, height), or None for a format that is stored as sent (GIF).
    """
    file.seek(0)
    with Image.open(file) as original:
        extension = _RESAVE.get(original.format)
        if extension is None:
            file.seek(0)
            return None
        icc_profile = original.info.get("icc_profile")
        image = ImageOps.exif_transpose(original)
    image.info = {}  # nothing of the original travels but the pixels and the colour profile
    buffer = io.BytesIO()
    options = {"quality": 90} if extension in ("jpg", "webp") else {}
    if icc_profile:
        options["icc_profile"] = icc_profile
    pillow_format = "JPEG" if extension == "jpg" else extension.upper()
    image.save(buffer, pillow_format, **options)
    file.seek(0)
    return ContentFile(buffer.getvalue(), name=random_name(extension)), *image.size


def random_name(extension: str) -> str:
    """A stored file's name: random, so the uploader's own file name is never published."""
    return f"{uuid.uuid4().hex}.{extension}"


def wagtail_image_clean(sender, instance, **kwargs) -> None:
    """pre_save of Wagtail's image model: a newly uploaded file (admin or a champion's story)
    is stored without its metadata and under a random name; renditions are made from it."""
    upload = instance.file
    if not upload or getattr(upload, "_committed", True):
        return
    cleaned = image_without_metadata(upload)
    if cleaned is None:
        upload.name = random_name(upload.name.rsplit(".", 1)[-1].lower()[:5] or "img")
        return
    content, width, height = cleaned
    instance.file = content
    instance.width, instance.height = width, height
    instance.file_size = content.size
    instance.file_hash = hash_filelike(content)
    content.seek(0)
