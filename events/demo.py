"""Demo events, bookings, attendance and meeting records."""


def load(*, staff):
    """Called by cms.demo.load_all after champions exist."""
