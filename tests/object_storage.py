"""A real S3 API on loopback (moto's server mode) for the tests, and the storages pointed at it.

- `.ci/run` starts `moto_server` and runs the upload and download tests with AWS_S3_ENDPOINT_URL
  and the bucket names set: the session fixture below creates the buckets there.
- Run locally with only the bucket names set (`make test-s3`), it starts moto in this process
  instead and points the storages at it, so no test ever reaches a real bucket.
- `s3` gives any test the same storages for its own duration, whatever the session uses.
"""

import os
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass

import boto3
import pytest
from django.conf import settings
from django.test import override_settings
from moto.server import ThreadedMotoServer

from config.storages import object_storages

CREDENTIALS = {"access_key": "testing", "secret_key": "testing", "region_name": "eu-west-2"}


@dataclass
class ObjectStorage:
    """Where the test buckets are, and a client to look inside them."""

    endpoint_url: str
    bucket: str
    private_bucket: str

    @property
    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=CREDENTIALS["access_key"],
            aws_secret_access_key=CREDENTIALS["secret_key"],
            region_name=CREDENTIALS["region_name"],
        )

    def storages(self) -> dict:
        """The STORAGES setting with "default" and "private" in these buckets."""
        return {
            **settings.STORAGES,
            **object_storages(
                bucket=self.bucket,
                private_bucket=self.private_bucket,
                endpoint_url=self.endpoint_url,
                **CREDENTIALS,
            ),
        }

    def create_buckets(self) -> None:
        existing = {b["Name"] for b in self.client.list_buckets().get("Buckets", [])}
        for name in {self.bucket, self.private_bucket} - existing:
            self.client.create_bucket(
                Bucket=name,
                CreateBucketConfiguration={"LocationConstraint": CREDENTIALS["region_name"]},
            )

    def public_url(self, bucket: str, key: str) -> str:
        """The object's plain bucket URL, without any signature."""
        return f"{self.endpoint_url}/{bucket}/{key}"

    def keys(self, bucket: str) -> list[str]:
        contents = self.client.list_objects_v2(Bucket=bucket).get("Contents", [])
        return [item["Key"] for item in contents]


def unsigned_get(url: str) -> tuple[int, bytes]:
    """GET a URL as anyone on the internet would: no credentials, no signature."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def start_moto() -> tuple[ThreadedMotoServer, str]:
    """A moto S3 server on a free loopback port, in a thread of this process."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    return server, f"http://{host}:{port}"


@pytest.fixture(scope="session")
def _moto_endpoint():
    """The endpoint of the S3 server the tests use: the one CI started, or one of our own."""
    configured = settings.STORAGES["default"].get("OPTIONS", {}).get("endpoint_url")
    if configured:
        yield configured
        return
    server, endpoint = start_moto()
    yield endpoint
    server.stop()


@pytest.fixture(scope="session", autouse=True)
def _session_object_storage(request):
    """With AWS_STORAGE_BUCKET_NAME set, the whole run uses buckets on a local S3 server."""
    if not settings.AWS_STORAGE_BUCKET_NAME:
        yield
        return
    storage = ObjectStorage(
        endpoint_url=request.getfixturevalue("_moto_endpoint"),
        bucket=settings.AWS_STORAGE_BUCKET_NAME,
        private_bucket=os.environ["AWS_PRIVATE_STORAGE_BUCKET_NAME"],
    )
    storage.create_buckets()
    with override_settings(STORAGES=storage.storages()):
        yield


@pytest.fixture
def s3(_moto_endpoint):
    """Public media and private files in two new, empty buckets on the local S3 server."""
    suffix = uuid.uuid4().hex[:12]
    storage = ObjectStorage(
        endpoint_url=_moto_endpoint,
        bucket=f"pc-test-media-{suffix}",
        private_bucket=f"pc-test-private-{suffix}",
    )
    storage.create_buckets()
    with override_settings(STORAGES=storage.storages()):
        yield storage
