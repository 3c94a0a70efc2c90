"""Removing a person's identifiers (name, e-mail address, phone number) from stored text.

Erasure uses it on what other people wrote about the person (an outbox message to staff, a
reason typed into the admin) and on audit-log data, where the rest must stay readable.
"""

import json
import re
from collections.abc import Iterable

REMOVED = "(removed)"


class Redactor:
    """Replaces each identifier (case-insensitive, 3 characters or more) with REMOVED."""

    def __init__(self, identifiers: Iterable[str]):
        words = sorted({i.strip() for i in identifiers if i and len(i.strip()) >= 3}, key=len)
        self.identifiers = words[::-1]  # longest first: "Jo Bloggs" before "Jo"
        pattern = "|".join(re.escape(word) for word in self.identifiers)
        self._pattern = re.compile(pattern, re.IGNORECASE) if pattern else None

    def found_in(self, text: str) -> bool:
        return bool(self._pattern and text and self._pattern.search(text))

    def text(self, text: str) -> str:
        return self._pattern.sub(REMOVED, text) if self._pattern and text else text

    def data(self, data):
        """The same JSON-able data with identifiers removed from every string in it."""
        if not self._pattern or data in (None, "", {}, []):
            return data
        return json.loads(self.text(json.dumps(data, ensure_ascii=False)))
