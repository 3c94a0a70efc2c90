"""Writes for accounts: sign-ups past their retention period, and the outbox."""
