"""Splits a message into the clauses a resident strung together, so danger anywhere is seen.

"how do I get a police report? also my ex is outside my door right now with a bat" is two
messages in one: the routine question must not hide the danger (nor its "report" context make the
danger look like a records question). Triage and the classifier look at each clause as well as
the whole message; the most urgent reading wins (bot/nlu/triage.py).
"""

from __future__ import annotations

import re

MAX_CLAUSES = 4  # bounds the extra work on a long paste; the rest stays in the last clause
# "and" or a comma starts a new clause only before a new subject: "found a stray dog and someone
# is kicking in my door", "is records open friday, i keep thinking about overdosing".
_NEW_SUBJECT = (
    r"(?:i|i'm|im|i've|ive|my|he|he's|she|she's|they|they're|someone|somebody|some guy|"
    r"there's|theres|there|a man|a guy|a car|a kid|a child|our|we)\b"
)
_BOUNDARY = re.compile(
    r"(?<=[.?!])\s+|[\n;]+|\s+[-–—]+\s+"
    rf"|\s*,?\s+and\s+(?={_NEW_SUBJECT})|,\s+(?={_NEW_SUBJECT})"
    r"|\s*,?\s+\b(?:also|btw|by the way|oh and|and also|plus|but|anyway|"
    r"tambi[eé]n|tmbn?|adem[aá]s|pero|tamb[eé]m|tbm?|al[eé]m disso|mas)\b[,:]?\s+"
    # Spanish and Portuguese "and" before someone or something there now: "y hay un tipo…"
    r"|\s*,?\s+(?:y|e)\s+(?=(?:hay|tem|alguien|algu[eé]m|ahora|agora)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")


def clauses(text: str) -> list[str]:
    """The clauses of `text` with at least two words each; [] when it is a single clause."""
    parts = [p.strip(" ,.") for p in _BOUNDARY.split(text or "")]
    parts = [p for p in parts if len(_WORD.findall(p)) >= 2]
    if len(parts) < 2:
        return []
    if len(parts) > MAX_CLAUSES:
        parts = [*parts[: MAX_CLAUSES - 1], " ".join(parts[MAX_CLAUSES - 1 :])]
    return parts
