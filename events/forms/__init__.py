"""Forms of the events app, by sub-domain."""
