"""The reviewed danger lexicons behind urgent triage: English, Spanish and Portuguese.

Why a lexicon beside a trained classifier: a missed emergency is the one mistake this assistant
must not make, and a classifier's confidence is not a guarantee. Every language's lexicon is run on
every message (a resident mixes languages, and a language detector can be wrong on six words), on
the whole message and on each of its clauses (bot/nlu/clauses.py); the most urgent reading wins.
"""

from __future__ import annotations

from bot.nlu.clauses import clauses
from bot.nlu.lexicon import en, es, pt
from bot.nlu.lexicon.base import Verdict, assess_with

LEXICONS = (en.LEXICON, es.LEXICON, pt.LEXICON)
normalise = en.normalise  # English normalisation, for tests and tools
# Context that describes the situation itself (it happened before, nobody is hurt, they left):
# seen anywhere in the message, it keeps a clause without present-time words from being urgent.
SITUATION_CONTEXT = frozenset({"past", "negation", "gone"})


def _assess_text(text: str) -> Verdict:
    return assess_with(LEXICONS, text)


def assess(text: str) -> Verdict:
    """Judge one message: urgent (which kind), routine despite alarming words, or nothing."""
    whole = _assess_text(text)
    for clause in clauses(text):
        part = _assess_text(clause)
        if part.rank >= whole.rank or part.verdict not in (
            "emergency",
            "crisis",
            "domestic_violence",
        ):
            continue
        if "present" in part.context or not SITUATION_CONTEXT & set(whole.context):
            part.context = sorted(set(part.context) | {"clause"})
            whole = part
    return whole


__all__ = ["LEXICONS", "Verdict", "assess", "normalise"]
