class SendFailure(Exception):
    """A message the provider did not take; `permanent` failures are never retried."""

    def __init__(self, reason: str, *, permanent: bool):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class SmsBackend:
    """Sends one text message to an E.164 number; `reference` is the outbox key."""

    def send(self, *, to: str, body: str, reference: str) -> str:
        raise NotImplementedError
