"""Stores every Wagtail image again without its metadata (EXIF, GPS) and under a random name.

Images uploaded from now on are cleaned as they are saved (accounts.images); this command does
the same for those stored before. The old file and the image's renditions are deleted (Wagtail
makes the renditions again from the clean original). Run it once after deploying; a second run
finds nothing to do.
"""

from django.core.management.base import BaseCommand
from PIL import Image
from wagtail.images import get_image_model

from accounts.images import image_without_metadata


def _has_metadata(field_file) -> bool:
    with field_file.open("rb") as f, Image.open(f) as image:
        return bool(image.getexif()) or any(k in image.info for k in ("exif", "xmp", "comment"))


class Command(BaseCommand):
    help = "Store every Wagtail image again without EXIF/GPS metadata, under a random name."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count; change nothing.")

    def handle(self, *args, dry_run, **options):
        cleaned = unchanged = 0
        for image in get_image_model().objects.order_by("pk").iterator():
            try:
                needed = _has_metadata(image.file)
            except (OSError, ValueError):
                self.stderr.write(f"Image {image.pk}: file missing or unreadable, left as it is")
                continue
            if not needed:
                unchanged += 1
                continue
            cleaned += 1
            if not dry_run:
                self._clean(image)
        verb = "would clean" if dry_run else "cleaned"
        self.stdout.write(f"{verb} {cleaned}, already clean {unchanged}")

    def _clean(self, image) -> None:
        with image.file.open("rb") as f:
            result = image_without_metadata(f)
        if result is None:
            return
        content, width, height = result
        old_name, storage = image.file.name, image.file.storage
        image.file.save(content.name, content, save=False)
        image.width, image.height, image.file_size = width, height, content.size
        image.file_hash = ""
        image.save()
        image.get_file_hash()
        image.renditions.all().delete()
        storage.delete(old_name)
