"""The reviewed danger lexicons behind urgent triage: English, Spanish and Portuguese.

Why a lexicon beside a trained classifier: a missed emergency is the one mistake this assistant
must not make, and a classifier's confidence is not a guarantee. Every language's lexicon is run on
every message (a resident mixes languages, and a language detector can be wrong on six words), on
the whole message and on each of its clauses (bot/nlu/clauses.py); the most urgent reading wins.
"""

from __future__ import annotations

from bot.nlu.clauses import clauses
from bot.nlu.lexicon import en, es, pt
from bot.nlu.lexicon.base import DEMOTED_BY, FINAL_CONTEXT, Verdict, assess_with

LEXICONS = (en.LEXICON, es.LEXICON, pt.LEXICON)
normalise = en.normalise  # English normalisation, for tests and tools
# Context that describes the situation itself (it happened before, nobody is hurt, they left, it
# was a false alarm, the abuse is behind the writer): seen anywhere in
# the message, it keeps a clause without present-time words from being urgent, when it is a
# context that can make that clause's kind of danger routine (base.DEMOTED_BY).
SITUATION_CONTEXT = frozenset({"past", "negation", "gone", "resolved", "safe", "audience"})
# A message written for others ("making flyers for our church") settles a clause that only names
# the subject (suicide, the crisis line, domestic violence), not one that tells of an event: "im
# doing a school project on policing. also i took 20 pills" is two things.
AUDIENCE_SETTLES = frozenset({"crisis", "abuse_topic", "abuse_help"})
WEAPON_WORDS = frozenset({"weapon", "es-weapon", "pt-weapon"})  # a gun named, not used


def _assess_text(text: str) -> Verdict:
    return assess_with(LEXICONS, text)


def _settled(part: Verdict, whole: Verdict) -> bool:
    settling = set(SITUATION_CONTEXT & set(whole.context))
    topic_only = set(part.urgent_kinds) <= AUDIENCE_SETTLES or set(part.matches) <= WEAPON_WORDS
    if "audience" in settling and not topic_only:
        settling.discard("audience")
    if "present" in part.context:
        # "the smoke detector is beeping, but it's the battery": what settles the whole message
        # for good (FINAL_CONTEXT) settles its present-tense clause too, as in triage's clauses
        settling &= FINAL_CONTEXT
    if not settling:
        return False
    return all(settling & set(DEMOTED_BY[kind]) for kind in part.urgent_kinds)


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
        if not _settled(part, whole):
            part.context = sorted(set(part.context) | {"clause"})
            whole = part
    return whole


__all__ = ["LEXICONS", "Verdict", "assess", "normalise"]
