"""Staff screens beside the Event viewset: the attendance register and cancelling an event."""
