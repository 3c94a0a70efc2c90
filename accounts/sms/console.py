import sys
import uuid

from .base import SmsBackend


class ConsoleSmsBackend(SmsBackend):
    """Prints each text message to standard output (the default for `make run`)."""

    def send(self, *, to: str, body: str, reference: str) -> str:
        provider_id = f"console-{uuid.uuid4()}"
        sys.stdout.write(f"SMS to {to} ({reference}, {provider_id}):\n{body}\n{'-' * 40}\n")
        sys.stdout.flush()
        return provider_id
