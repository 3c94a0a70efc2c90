from django.dispatch import Signal

# Sent after a champion withdraws a consent; the public site unpublishes what depends on it.
consent_withdrawn = Signal()  # kwargs: champion, kind
