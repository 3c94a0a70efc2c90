"""The fixed moments the champions tests freeze the clock at (see conftest.py's fixtures)."""

import datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
# Journey and training: noon on 15 June 2026, so that expiry boundaries are exact.
JOURNEY_TODAY = datetime.date(2026, 6, 15)
# Activity and expenses: Wednesday 18 March 2026 at noon (month from 1 March, quarter from 1 Jan).
ENTRY_NOW = datetime.datetime(2026, 3, 18, 12, 0, tzinfo=LONDON)
ENTRY_TODAY = ENTRY_NOW.date()
