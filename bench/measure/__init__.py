"""The measurements, each against the generated programme on PostgreSQL and Redis.

public.py (cached pages under gunicorn and wrk), logged_in.py (response times and query
counts), export.py (the CSV export, measured in export_process.py), reminders.py (a real
Celery worker to an SMTP sink); database.py prepares the database, machine.py describes the
machine, targets.py says what each must reach and report.py prints the tables.
"""


def say(message: str) -> None:
    """Progress and results go to stdout as they come (the runner may be piped to a file)."""
    print(message, flush=True)
