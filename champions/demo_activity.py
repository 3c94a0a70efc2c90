"""Demo activity logs and expense claims."""


def load(*, staff):
    """Called by cms.demo.load_all after champions and events exist."""
