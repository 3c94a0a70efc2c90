import pytest


@pytest.fixture
def media(settings, tmp_path):
    """Public and private storage on local disk in this test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return tmp_path
