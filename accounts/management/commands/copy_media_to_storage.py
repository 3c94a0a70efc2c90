"""Copies the uploads kept on local disk into the configured storages, e.g. into S3 buckets.

Run it once after setting AWS_STORAGE_BUCKET_NAME (docs/deploy.md): files under MEDIA_ROOT go to
the "default" storage and files under PRIVATE_MEDIA_ROOT to the "private" one, each under the
same name, so the database needs no change. A file already there with the same size is left.
"""

from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Copy files under MEDIA_ROOT and PRIVATE_MEDIA_ROOT into the configured storages."

    def add_arguments(self, parser):
        parser.add_argument("--media-root", type=Path, help="Default: MEDIA_ROOT.")
        parser.add_argument("--private-root", type=Path, help="Default: PRIVATE_MEDIA_ROOT.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be copied; copy nothing."
        )

    def handle(self, *args, media_root, private_root, dry_run, **options):
        sources = {
            "default": media_root or Path(settings.MEDIA_ROOT),
            "private": private_root or Path(settings.PRIVATE_MEDIA_ROOT),
        }
        for alias, root in sources.items():
            copied, present = self._copy_tree(root, alias, dry_run=dry_run)
            verb = "would copy" if dry_run else "copied"
            self.stdout.write(f"{alias}: {verb} {copied}, already there {present} (from {root})")

    def _copy_tree(self, root: Path, alias: str, *, dry_run: bool) -> tuple[int, int]:
        storage = storages[alias]
        copied = present = 0
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        for path in files:
            name = path.relative_to(root).as_posix()
            if storage.exists(name):
                if storage.size(name) == path.stat().st_size:
                    present += 1
                    continue
                if not dry_run:
                    storage.delete(name)  # an older or partial copy: replace it
            copied += 1
            if dry_run:
                continue
            with path.open("rb") as content:
                saved = storage.save(name, File(content, name=path.name))
            if saved != name:
                raise CommandError(f"{alias}: {name} was stored as {saved}")
        return copied, present
