"""UrgentTriage: the last word on the intent, placed after the classifier and FallbackClassifier.

- It forces `emergency`, `crisis` or `domestic_violence` when the danger lexicon
  (bot/nlu/lexicon.py) sees one and the classifier missed it.
- It keeps urgent intents that the FallbackClassifier would have discarded (safety first: an
  urgent intent is accepted at a lower confidence than a routine one).
- It demotes a classifier's `emergency` when the message is clearly about the past, a record, or
  "not an emergency".
- It turns unreadable input (empty, emoji only, another language) into `nlu_fallback`, whose reply
  starts with 911.

Its verdict is in every /model/parse result under `triage`.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.kb.intents import DANGER_INTENTS
from bot.nlu.component import ConfiguredComponent
from bot.nlu.input_guard import GUARD_KEY
from bot.nlu.lexicon import assess

TRIAGE_KEY = "triage"
FALLBACK = "nlu_fallback"
# Contexts strong enough to overrule a classifier that said `emergency`, when the lexicon sees its
# alarming words but nothing happening now ("is it legal to own a machete", "the report from the
# stabbing last month"). Without any lexicon match, the classifier's `emergency` stands unless the
# writer says it is not one, or an alarming word is part of a routine phrase ("shooting range").
DEMOTING_CONTEXT = frozenset({"past", "records", "negation", "permit", "informational", "gone"})


def decide(
    text: str,
    intent: dict[str, Any],
    ranking: list[dict[str, Any]],
    flags: list[str],
    urgent_threshold: float,
) -> tuple[str, str, dict[str, Any]]:
    """(intent name, what triage did, the lexicon's verdict) for one message."""
    verdict = assess(text)
    current = intent.get(INTENT_NAME_KEY) or FALLBACK
    if verdict.verdict == "emergency":
        violence_only = set(verdict.urgent_kinds) <= {"violence", "abuse", "crime"}
        if current == "domestic_violence" and violence_only and "present" not in verdict.context:
            # abuse or threats not described as happening now: both replies lead with 911, and
            # this one adds Safe Connect. A medical or fire emergency is never kept as abuse.
            return current, "kept", verdict.as_dict()
        return "emergency", "kept" if current == "emergency" else "forced", verdict.as_dict()
    if verdict.verdict == "domestic_violence" and current == "emergency":
        # abuse by a partner or family member, not described as happening now: the contract's
        # domestic_violence. Its reply also leads with 911, and adds Safe Connect.
        return "domestic_violence", "refined", verdict.as_dict()
    if (
        verdict.verdict == "crisis"
        and current == "emergency"
        and verdict.urgent_kinds == ["crisis"]
    ):
        # thoughts of suicide or self-harm with no danger-now words: 988 is the first call
        return "crisis", "refined", verdict.as_dict()
    if verdict.verdict in ("crisis", "domestic_violence"):
        if current in DANGER_INTENTS:
            return current, "kept", verdict.as_dict()
        return verdict.verdict, "forced", verdict.as_dict()
    if "not_english" in flags and current in DANGER_INTENTS:
        # another language, but the classifier heard danger: an urgent reply works in any language
        return current, "kept", verdict.as_dict()
    if {"empty", "no_words", "not_english"} & set(flags):
        return FALLBACK, "unreadable", verdict.as_dict()
    if current == FALLBACK:
        best = next((r for r in ranking if r.get(INTENT_NAME_KEY) != FALLBACK), None)
        if (
            best
            and best[INTENT_NAME_KEY] in DANGER_INTENTS
            and best["confidence"] >= urgent_threshold
        ):
            return best[INTENT_NAME_KEY], "restored", verdict.as_dict()
    if (
        current == "emergency"
        and "present" not in verdict.context
        and (
            (verdict.verdict == "routine" and DEMOTING_CONTEXT & set(verdict.context))
            or (verdict.verdict == "none" and {"negation", "permit"} & set(verdict.context))
        )
    ):
        best = next(
            (r for r in ranking if r.get(INTENT_NAME_KEY) not in ("emergency", "crisis", FALLBACK)),
            None,
        )
        if best:
            return best[INTENT_NAME_KEY], "demoted", verdict.as_dict()
    return current, "kept", verdict.as_dict()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class UrgentTriage(ConfiguredComponent):
    """Danger lexicon + tense/negation context, applied after the classifier (see module doc)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"urgent_threshold": 0.25}

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self._urgent_threshold = float(config["urgent_threshold"])

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            ranking = list(message.get(INTENT_RANKING_KEY) or [])
            flags = (message.get(GUARD_KEY) or {}).get("flags", [])
            name, action, verdict = decide(
                message.get(TEXT) or "", intent, ranking, flags, self._urgent_threshold
            )
            if name != intent.get(INTENT_NAME_KEY):
                confidence = (
                    1.0
                    if action in ("forced", "unreadable", "refined")  # the lexicon's call
                    else next(
                        (r["confidence"] for r in ranking if r.get(INTENT_NAME_KEY) == name), 1.0
                    )
                )
                chosen = {INTENT_NAME_KEY: name, "confidence": confidence}
                ranking = [chosen] + [r for r in ranking if r.get(INTENT_NAME_KEY) != name]
                message.set(INTENT, chosen, add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
            message.set(
                TRIAGE_KEY,
                {**verdict, "action": action, "classifier": intent.get(INTENT_NAME_KEY)},
                add_to_output=True,
            )
        return messages
