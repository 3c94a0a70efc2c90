import pytest
from django.test import Client


class CommittingClient(Client):
    """A test client whose every request ends as a real one does: its transaction commits, so
    what it left for after the commit (the outbox's delivery task) runs before the response
    is looked at. pytest-django keeps each test in one transaction that never commits."""

    def __init__(self, capture, **defaults):
        super().__init__(**defaults)
        self._capture = capture

    def request(self, **request):
        with self._capture(execute=True):
            return super().request(**request)


@pytest.fixture
def client(django_capture_on_commit_callbacks):
    return CommittingClient(django_capture_on_commit_callbacks)
