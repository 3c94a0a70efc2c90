from .outbox import OutboxMessage
from .user import COORDINATORS, VIEWERS, User, UserManager

__all__ = ["COORDINATORS", "VIEWERS", "OutboxMessage", "User", "UserManager"]
