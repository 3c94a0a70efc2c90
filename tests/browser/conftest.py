"""Browser tests: Debian's Chromium driven by Playwright, against a live test server."""

import os
import shutil

import pytest
from django.contrib.contenttypes.models import ContentType

from tests.factories.champions import protective_factors

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip(
            f"No Chromium at {CHROMIUM}: install it with `apt-get install chromium` "
            "(or set CHROMIUM_PATH) to run the browser tests."
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django must allow ORM calls alongside it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(autouse=True)
def _reference_rows(transactional_db):
    """A live server's test flushes the database after it: put back the rows migrations made.

    Under Playwright's event loop the serialized rollback does not restore the migrations'
    rows, and the flush re-creates content types under new ids: forget the cached ones."""
    ContentType.objects.clear_cache()
    protective_factors()
