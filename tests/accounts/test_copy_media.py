"""Uploads kept on local disk are copied into the buckets under the same names."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.object_storage import unsigned_get

FILES = {
    "media": {
        "original_images/amira.png": b"original photo",
        "images/amira.2e16d0ba.fill-400x250.png": b"rendition",
        "documents/annual-report.pdf": b"%PDF-1.7 report",
    },
    "private": {"receipts/2026/03/0a1b2c.png": b"receipt"},
}


@pytest.fixture
def local_files(tmp_path, settings):
    for folder, files in FILES.items():
        for name, content in files.items():
            path = tmp_path / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return tmp_path


def copy(**options) -> str:
    out = StringIO()
    call_command("copy_media_to_storage", stdout=out, **options)
    return out.getvalue()


def test_local_uploads_are_copied_to_their_buckets_with_the_right_access(s3, local_files):
    assert copy() == (
        f"default: copied 3, already there 0 (from {local_files / 'media'})\n"
        f"private: copied 1, already there 0 (from {local_files / 'private'})\n"
    )
    assert sorted(s3.keys(s3.bucket)) == sorted(FILES["media"])
    assert s3.keys(s3.private_bucket) == list(FILES["private"])
    readable = {
        name: unsigned_get(s3.public_url(bucket, name))[0] == 200
        for bucket, files in ((s3.bucket, FILES["media"]), (s3.private_bucket, FILES["private"]))
        for name in files
    }
    assert readable == {
        "original_images/amira.png": False,
        "images/amira.2e16d0ba.fill-400x250.png": True,
        "documents/annual-report.pdf": False,
        "receipts/2026/03/0a1b2c.png": False,
    }
    body = s3.client.get_object(Bucket=s3.private_bucket, Key="receipts/2026/03/0a1b2c.png")
    assert body["Body"].read() == b"receipt"


def test_copying_again_copies_only_what_changed(s3, local_files):
    copy()
    (local_files / "private/receipts/2026/03/0a1b2c.png").write_bytes(b"a longer receipt")
    assert copy().splitlines() == [
        f"default: copied 0, already there 3 (from {local_files / 'media'})",
        f"private: copied 1, already there 0 (from {local_files / 'private'})",
    ]
    body = s3.client.get_object(Bucket=s3.private_bucket, Key="receipts/2026/03/0a1b2c.png")
    assert body["Body"].read() == b"a longer receipt"


def test_a_dry_run_copies_nothing(s3, local_files):
    assert "default: would copy 3" in copy(dry_run=True)
    assert s3.keys(s3.bucket) == []
