"""Demo champions: wards, champions at every stage, training, checks and consents."""


def load(*, staff):
    """Called by cms.demo.load_all after the demo accounts exist."""
