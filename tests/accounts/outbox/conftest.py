import asyncio

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import _free_port, _Inbox


class ScriptedInbox(_Inbox):
    """An inbox whose DATA answers follow a script ("451 ...", "550 ...") before accepting."""

    def __init__(self):
        super().__init__()
        self.script: list[str] = []
        self.answered: list[str] = []
        self.port = 0
        # Set to an asyncio.Event to keep the first RCPT unanswered (a sender killed mid-send).
        self.hold_first_rcpt = None
        self.rcpt_seen = 0
        self.sessions: set = set()  # the SMTP connections messages came over

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.rcpt_seen += 1
        if self.hold_first_rcpt is not None and self.rcpt_seen == 1:
            await asyncio.sleep(5)
            return "451 4.4.2 Too slow"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.sessions.add(session.peer)
        if self.script:
            answer = self.script.pop(0)
            self.answered.append(answer)
            return answer
        self.answered.append("250")
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def scripted_smtp(settings):
    """A real SMTP server (aiosmtpd) that answers the next DATA commands from `.script`."""
    inbox = ScriptedInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    inbox.port = controller.port
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = False, "", ""
    yield inbox
    controller.stop()
