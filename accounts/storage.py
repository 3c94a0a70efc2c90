"""The site's two named storages and their backends: "default" (public media) and "private".

Model fields name the storage, never a backend: receipts use `private_storage`, Wagtail images and
documents the default one. Settings choose the backends (local disk, or S3-compatible buckets when
AWS_STORAGE_BUCKET_NAME is set; config/storages.py), so nothing else knows where files live.
Private files have no URL at all: views stream them after a permission check.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, cached_property, empty
from storages.backends.s3 import S3Storage

NO_URL = "Private files have no public URL; serve them through a view."
# Only Wagtail's renditions (the resized copies that pages show) are readable by anyone. Uploaded
# originals and documents stay private: pages never link an original, and Wagtail's view streams
# documents after its privacy checks (WAGTAILDOCS_SERVE_METHOD).
PUBLIC_PREFIXES = ("images/",)


@deconstructible
class PrivateFileSystemStorage(FileSystemStorage):
    """Private files on local disk under PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT; no URL."""

    @cached_property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    def url(self, name):
        raise ValueError(NO_URL)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


def named_storage(alias: str):
    """The configured storage of this name (what the S3 storages deconstruct to)."""
    return storages[alias]


class _ByName:
    """Deconstructs to its name in STORAGES rather than its options.

    Wagtail passes a deleted image's storage, deconstructed, to a background task; the options
    hold a botocore Config (not JSON) and the credentials, which must not travel in a task.
    """

    alias = ""

    def deconstruct(self):
        return ("accounts.storage.named_storage", (self.alias,), {})


class PrivateS3Storage(_ByName, S3Storage):
    """Private files in the private bucket: every object private, no URL; views stream them."""

    alias = "private"

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError(NO_URL)


class PublicMediaStorage(_ByName, S3Storage):
    """Public media in the public bucket: renditions readable by anyone, the rest private."""

    alias = "default"

    def get_default_settings(self):
        # "public-read", or None where the bucket policy grants read and refuses ACLs.
        return {**super().get_default_settings(), "public_acl": "public-read"}

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        key = name.removeprefix(self.location).lstrip("/") if self.location else name
        if key.startswith(PUBLIC_PREFIXES):
            if self.public_acl:
                params.setdefault("ACL", self.public_acl)
        else:
            params.setdefault("ACL", "private")
        return params


class _PrivateStorage(LazyObject):
    """storages["private"], looked up when first used and again after STORAGES changes."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = _PrivateStorage()


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting == "STORAGES":
        private_storage._wrapped = empty
