"""The named storages for S3-compatible object storage, built from plain values.

Settings call `object_storages()` when AWS_STORAGE_BUCKET_NAME is set; the tests call it to
point the same storages at a local S3 server (moto). The backends are in accounts/storage.py.
https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
"""

from botocore.config import Config

# Short timeouts: a health check or an upload should fail in seconds, not hang on a dead endpoint.
CLIENT_CONFIG = Config(
    connect_timeout=2, read_timeout=20, retries={"max_attempts": 2, "mode": "standard"}
)


def object_storages(
    *,
    bucket: str,
    private_bucket: str,
    endpoint_url: str | None = None,
    region_name: str | None = None,
    access_key: str | None = None,
    secret_key: str | None = None,
    custom_domain: str | None = None,
    public_acl: str | None = "public-read",
    addressing_style: str | None = None,
) -> dict:
    """STORAGES entries "default" (public media bucket) and "private" (private bucket)."""
    shared = {
        "endpoint_url": endpoint_url or None,
        "region_name": region_name or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "addressing_style": addressing_style or None,
        "client_config": CLIENT_CONFIG,
        # Two uploads called photo.jpg must not replace each other.
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "accounts.storage.PublicMediaStorage",
            "OPTIONS": {
                **shared,
                "bucket_name": bucket,
                "custom_domain": custom_domain or None,
                "querystring_auth": False,
                "public_acl": public_acl or None,
            },
        },
        "private": {
            "BACKEND": "accounts.storage.PrivateS3Storage",
            "OPTIONS": {**shared, "bucket_name": private_bucket, "default_acl": "private"},
        },
    }
