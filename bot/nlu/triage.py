"""UrgentTriage: the last word on the intent, placed after the classifier and FallbackClassifier.

- It forces `emergency`, `crisis` or `domestic_violence` when the danger lexicon
  (bot/nlu/lexicon.py) sees one and the classifier missed it.
- It keeps urgent intents that the FallbackClassifier would have discarded (safety first: an
  urgent intent is accepted at a lower confidence than a routine one).
- It demotes a classifier's `emergency` when the message is clearly about the past, a record, or
  "not an emergency".
- It turns unreadable input (empty, emoji only, a language we don't speak) into `nlu_fallback`,
  whose reply starts with 911.
- Danger anywhere wins: the clauses InputGuard split off a message were classified on their own; a
  clause that is urgent makes the message urgent, and the routine question beside it is kept in
  `triage.also` so the reply can answer it after the urgent guidance.

Its verdict is in every /model/parse result under `triage`.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    METADATA,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.kb.intents import ANSWERED_INTENTS, DANGER_INTENTS
from bot.languages import Detection, fold, requested, shown_language, word_language
from bot.nlu.component import ConfiguredComponent
from bot.nlu.input_guard import CLAUSE_OF, GUARD_KEY, LANGUAGE_KEY
from bot.nlu.lexicon import AUDIENCE_SETTLES, LEXICONS, WEAPON_WORDS, assess
from bot.nlu.lexicon.base import DEMOTED_BY, FINAL_CONTEXT, joking

logger = logging.getLogger(__name__)

TRIAGE_KEY = "triage"
FALLBACK = "nlu_fallback"
# Contexts strong enough to overrule a classifier that said `emergency`, when the lexicon sees its
# alarming words but nothing happening now ("is it legal to own a machete", "the report from the
# stabbing last month"). Without any lexicon match, the classifier's `emergency` stands unless the
# writer says it is not one, or an alarming word is part of a routine phrase ("shooting range").
# The urgent intents' probabilities together make a message urgent only from this much: below it
# the classifier has no idea, and "tell me something funny" must not get 911 (development sets).
COMBINED_MASS = 0.25
DEMOTING_CONTEXT = frozenset(
    {"past", "records", "negation", "permit", "informational", "gone", "audience", "safe"}
)
# Written for others (a flyer, a school paper, a talk for a class): the classifier's urgent guess
# from the subject's words is not a report of danger, unless the lexicon sees danger it keeps.
# "safe" ("that was years ago, I'm safe now") answers only the classifier's domestic_violence: a
# crisis said beside "I'm fine now" stays a crisis.
AUDIENCE_DEMOTES = frozenset({"emergency", "crisis", "domestic_violence"})
SAFE_DEMOTES = frozenset({"domestic_violence"})
CRISIS_KINDS = frozenset({"crisis", "crisis_self"})
# a weapon named beside a warning sign, with no threat to anyone else
CRISIS_OR_WEAPON = frozenset(
    {p.name for lexicon in LEXICONS for p in lexicon.patterns if p.category == "crisis"}
    | WEAPON_WORDS
)
# the patterns that only name domestic violence as a subject
TOPIC_ONLY = frozenset(
    p.name for lexicon in LEXICONS for p in lexicon.patterns if p.kind == "abuse_topic"
)
# the kinds of match that only name domestic violence or where to get help with it: what the
# lexicon lets a message written for others settle (lexicon.AUDIENCE_SETTLES), less the crisis
# words, which in a clause of their own tell of the writer ("also i keep thinking about ending
# my life")
TOPIC_KINDS = AUDIENCE_SETTLES - {"crisis"}
# contexts that describe the whole message, and so each clause of it
WHOLE_MESSAGE_CONTEXT = frozenset({"safe"})
# What laughter can undo: the classifier's guess alone, or a threat or crime word ("mi jefe me va
# a matar si llego tarde jaja"); never self-harm, abuse, fire or a medical emergency.
# "send help lol" is a joke; "help!!" alone is not
JOKED_AWAY_KINDS = frozenset({"violence", "crime", "plea"})


def decide(
    text: str,
    intent: dict[str, Any],
    ranking: list[dict[str, Any]],
    flags: list[str],
    urgent_threshold: float,
    fallback_threshold: float = 0.3,
) -> tuple[str, str, dict[str, Any]]:
    """(intent name, what triage did, the lexicon's verdict) for one message."""
    verdict = assess(text)
    current = intent.get(INTENT_NAME_KEY) or FALLBACK
    context = set(verdict.context)
    # "right now" counts, unless the writer also says it is over or no one is hurt ("it's fine
    # now", "ya se fueron", "agora não é emergência")
    now = "present" in context and not FINAL_CONTEXT & context
    if (
        joking(text)
        and not now
        and (
            verdict.verdict in ("none", "routine")
            or (verdict.urgent_kinds and set(verdict.urgent_kinds) <= JOKED_AWAY_KINDS)
        )
    ):
        best = next(
            (r for r in ranking if r.get(INTENT_NAME_KEY) not in (*DANGER_INTENTS, FALLBACK)),
            None,
        )
        if best and best["confidence"] >= fallback_threshold:
            return best[INTENT_NAME_KEY], "joking", verdict.as_dict()
        # nothing routine is likely: ask again (the fallback's reply still starts with 911)
        return (FALLBACK if current in DANGER_INTENTS else current), "joking", verdict.as_dict()
    if (
        verdict.verdict == "emergency"
        and set(verdict.urgent_kinds) & CRISIS_KINDS
        and set(verdict.urgent_kinds) <= CRISIS_KINDS | {"violence"}
        and set(verdict.matches) <= CRISIS_OR_WEAPON
        and not now
    ):
        # the weapon is the means ("loaded my pistol and left it by the bed in case tonight gets
        # bad"), not a threat to anyone else: 988 first (its reply gives 911 for danger now)
        return "crisis", "refined" if current != "crisis" else "kept", verdict.as_dict()
    if verdict.verdict == "emergency":
        violence_only = set(verdict.urgent_kinds) <= {"violence", "abuse", "crime"}
        if current == "domestic_violence" and violence_only and not now:
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
        and verdict.urgent_kinds
        and set(verdict.urgent_kinds) <= CRISIS_KINDS
    ):
        # thoughts of suicide or self-harm with no danger-now words: 988 is the first call
        return "crisis", "refined", verdict.as_dict()
    if verdict.verdict in ("crisis", "domestic_violence"):
        if current in DANGER_INTENTS:
            return current, "kept", verdict.as_dict()
        return verdict.verdict, "forced", verdict.as_dict()
    if "other_language" in flags and current in DANGER_INTENTS:
        # a language we don't speak, but the classifier heard danger: 911 works in any language
        return current, "kept", verdict.as_dict()
    if {"empty", "no_words", "other_language"} & set(flags):
        return FALLBACK, "unreadable", verdict.as_dict()
    tempered = not now and (
        (verdict.verdict == "routine" and DEMOTING_CONTEXT & context)
        or (verdict.verdict == "none" and ({"permit"} | FINAL_CONTEXT) & context)
    )
    # "my english is bad, posso escrever em portugues?", "hablan español?": a request for a
    # language and no alarming word; the classifier's urgent guess came from a short message in
    # that language, not from danger
    asks_language = verdict.verdict == "none" and not now and requested(text) is not None
    # the lexicon sees nothing alarming and the message is a how-to or about a film: the
    # classifier's split guess (combined) or one below the fallback bar (restored) is not enough
    unsure_tempered = (
        (verdict.verdict == "none" and not now and bool({"informational", "audience"} & context))
        or (
            verdict.verdict in ("none", "routine")
            and not now
            and bool({"audience", "safe"} & context)
        )
        or asks_language
    )
    # a split guess about something told in the past with no alarming word ("the ambulance came
    # for my neighbor last month, how is he doing"): the urgent intents' mass is not a report
    split_tempered = verdict.verdict == "none" and not now and "past" in context
    urgent = [r for r in ranking if r.get(INTENT_NAME_KEY) in DANGER_INTENTS]
    routine = [
        r["confidence"]
        for r in ranking
        if r.get(INTENT_NAME_KEY) not in (*DANGER_INTENTS, FALLBACK)
    ]
    mass = sum(r["confidence"] for r in urgent)
    if (
        current not in DANGER_INTENTS
        and urgent
        and not tempered
        and not unsure_tempered
        and not split_tempered
        and mass >= max(urgent_threshold, COMBINED_MASS)
        and mass > max(routine, default=0.0)
    ):
        # the classifier split its belief between emergency, crisis and abuse ("my son's tongue
        # swelled up and he can't breathe well": emergency 0.21, crisis 0.19): together they are
        # its likeliest reading, and every one of their replies leads with the number to call
        return urgent[0][INTENT_NAME_KEY], "combined", verdict.as_dict()
    if current == FALLBACK and not tempered and not unsure_tempered:
        # one urgent intent likely enough on its own, although below the fallback threshold; as
        # for the combined rule, not when the message is about a permit, a record or the past
        best = next((r for r in ranking if r.get(INTENT_NAME_KEY) != FALLBACK), None)
        if (
            best
            and best[INTENT_NAME_KEY] in DANGER_INTENTS
            and best["confidence"] >= urgent_threshold
        ):
            return best[INTENT_NAME_KEY], "restored", verdict.as_dict()
    written_for_others = (
        verdict.verdict in ("none", "routine")
        and not now
        and (
            (current in AUDIENCE_DEMOTES and "audience" in context)
            or (current in SAFE_DEMOTES and "safe" in context)
            # the lexicon saw only the subject named ("recursos de violencia domestica pa mi
            # tarea") and a routine context: the classifier's domestic_violence came from it
            or (
                current == "domestic_violence"
                and verdict.verdict == "routine"
                and set(verdict.matches) <= TOPIC_ONLY
                and {"informational", "audience", "records", "permit"} & context
            )
            # no alarming word at all, and "no one was hurt" / "they left" / "false alarm"
            or (verdict.verdict == "none" and FINAL_CONTEXT & context)
            # alarming words the lexicon itself read as over ("my mom wandered off earlier but
            # the neighbor found her and she's home safe"): not "not an emergency", which can sit
            # beside abuse the writer still lives with
            or (verdict.verdict == "routine" and (FINAL_CONTEXT - {"negation"}) & context)
            or asks_language
        )
    )
    if (
        written_for_others
        or (
            current == "emergency"
            and not now
            and (
                (verdict.verdict == "routine" and DEMOTING_CONTEXT & context)
                # no danger word at all, and a permit or "not an emergency". Not the past alone:
                # "my daughter has been missing since this afternoon" (the classifier's catch)
                or (verdict.verdict == "none" and {"negation", "permit"} & context)
            )
        )
        or (
            # the lexicon read its alarming words as routine ("a training on active shooters"), and
            # the classifier's crisis came from those words, not from anything about the writer
            current == "crisis"
            and verdict.verdict == "routine"
            and not now
            and DEMOTING_CONTEXT & context
        )
    ):
        kept_out = (
            (*DANGER_INTENTS, FALLBACK) if written_for_others else ("emergency", "crisis", FALLBACK)
        )
        best = next((r for r in ranking if r.get(INTENT_NAME_KEY) not in kept_out), None)
        if best and best["confidence"] >= fallback_threshold:
            return best[INTENT_NAME_KEY], "demoted", verdict.as_dict()
        # not an emergency, and nothing else is likely enough: ask again (the reply starts with 911)
        return FALLBACK, "demoted", verdict.as_dict()
    return current, "kept", verdict.as_dict()


# Intents whose few words show the language they are written in ("hola", "oi", "ayuda", "ajuda");
# never a courtesy ("sí", "obrigado"), which must not flip the conversation's language.
SHOWS_LANGUAGE_BY_A_WORD = frozenset({"greet", *DANGER_INTENTS})
# A message that only asks for a language ("en español", "English please", "posso falar em
# português?") is greeted in it: the greeting says what the assistant does, in the new language.
# Only: every word of it is the language or one of these; "o 911 atende em português?" or "tem
# formulário em português?" is a question, and "tem alguém aí que fala português?" the handoff one.
REQUEST_WORDS = frozenset(
    "english ingles spanish espanol castellano portuguese portugues in en em please pls plz "
    "por favor porfa pf pfv can could i we you u do may puedo podemos podria posso "
    "poderia pode hablar habla hablas hablan hablamos falar fala falas falam falamos speak talk "
    "write escribir escrever escribo escrevo usted ustedes voce vc vcs ok okay si sim yes hola "
    "oi ola hi hello the mejor melhor better prefer prefiero prefiro me mi language idioma "
    "lingua now ahora agora".split()
)


def only_asks_for_a_language(text: str) -> bool:
    """True when the message is a request for a language and nothing else."""
    words = re.findall(r"[a-z']+", fold(text))
    return bool(words) and requested(text) is not None and set(words) <= REQUEST_WORDS


# A clause's classifier verdict alone makes the message urgent only when the classifier gives the
# urgent intents together this much and the clause has this many words (a lone "please" or
# "help me with" is not a plea). Chosen on the development sets (tests/urgent/*.yml).
CLAUSE_MASS = 0.45
CLAUSE_MIN_WORDS = 4
# A second question in the same message ("how do I get a police report? and where do I pay a
# parking ticket?") is answered too when its clause asks something and the classifier is this sure
# of it; below, one answer is better than a wrong second one.
SECOND_QUESTION_CONFIDENCE = 0.6
_ASKS = re.compile(
    r"\?\s*$|^(?:(?:and|also|y|e|tambien|tambem)\s+)?(?:how|where|when|what|who|which|can|could|do|does|"
    r"is|are|como|donde|cuando|que|quien|cual|puedo|hay|onde|quando|qual|quem|posso|tem)\b",
    re.IGNORECASE,
)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class UrgentTriage(ConfiguredComponent):
    """Danger lexicon + tense/negation context, applied after the classifier (see module doc)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"urgent_threshold": 0.25, "fallback_threshold": 0.3}

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self._urgent_threshold = float(config["urgent_threshold"])
        self._fallback_threshold = float(config["fallback_threshold"])

    def _decide(self, message: Message, flags: list[str]) -> tuple[str, str, dict[str, Any]]:
        return decide(
            message.get(TEXT) or "",
            message.get(INTENT) or {},
            list(message.get(INTENT_RANKING_KEY) or []),
            flags,
            self._urgent_threshold,
            self._fallback_threshold,
        )

    def process(self, messages: list[Message]) -> list[Message]:
        whole = [m for m in messages if m.get(CLAUSE_OF) is None]
        for index, message in enumerate(whole):
            try:
                self._triage(index, message, messages)
            except Exception:  # a lexicon bug must not turn a message into a 500
                # the classifier's verdict stands (its urgent intents still get their replies)
                logger.exception("urgent triage failed; keeping the classifier's intent")
                message.set(TRIAGE_KEY, {"verdict": "none", "action": "error"}, add_to_output=True)
        return whole

    def _triage(self, index: int, message: Message, messages: list[Message]) -> None:
        """Decide one whole message, with its clauses (see the module docstring)."""
        intent = message.get(INTENT) or {}
        ranking = list(message.get(INTENT_RANKING_KEY) or [])
        flags = (message.get(GUARD_KEY) or {}).get("flags", [])
        name, action, verdict = self._decide(message, flags)
        also = None
        parts = [m for m in messages if m.get(CLAUSE_OF) == index]
        if name not in DANGER_INTENTS and parts:
            whole = set(verdict.get("context") or [])
            laughing = joking(message.get(TEXT) or "")
            for clause in parts:
                urgent = self._urgent_clause(clause, whole, laughing)
                if urgent:
                    also = name if name in ANSWERED_INTENTS else None
                    name, action, verdict = urgent
                    ranking = [{INTENT_NAME_KEY: name, "confidence": 1.0}, *ranking]
                    break
        if name in DANGER_INTENTS and also is None:
            also = self._routine_clause(parts)
        elif name in ANSWERED_INTENTS:
            also = self._second_question(parts, name)
        if name not in DANGER_INTENTS and only_asks_for_a_language(message.get(TEXT) or ""):
            name, action = "greet", "language"
        if name != intent.get(INTENT_NAME_KEY):
            confidence = (
                1.0
                if action
                in ("forced", "unreadable", "refined", "clause", "language")  # not a guess
                else next((r["confidence"] for r in ranking if r.get(INTENT_NAME_KEY) == name), 1.0)
            )
            chosen = {INTENT_NAME_KEY: name, "confidence": confidence}
            ranking = [chosen] + [r for r in ranking if r.get(INTENT_NAME_KEY) != name]
            message.set(INTENT, chosen, add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        message.set(
            TRIAGE_KEY,
            {
                **verdict,
                "action": action,
                "classifier": intent.get(INTENT_NAME_KEY),
                "also": also,
            },
            add_to_output=True,
        )
        self._set_language(message, name, verdict)

    @staticmethod
    def _set_language(message: Message, intent: str, verdict: dict[str, Any]) -> None:
        """The `language` entity (it fills the conversation's slot) when this message shows one:
        the language it is written in or asks for, else the channel's hint, else the language of
        the danger words it used ("socorro!!" is too short for the detector)."""
        detected = message.get(LANGUAGE_KEY) or {}
        written = detected.get("code")
        hint = (message.get(METADATA) or {}).get("language")
        # a conversation with no language yet (no page, no earlier message) takes it from one
        # word of any message ("perro", "gracias"): nothing is flipped
        if written is None and (intent in SHOWS_LANGUAGE_BY_A_WORD or hint is None):
            written = word_language(message.get(TEXT) or "")
        code = shown_language(
            Detection(written, float(detected.get("confidence") or 0.0)),
            hint=hint,
            danger_words=verdict.get("lexicon") if intent in DANGER_INTENTS else None,
        )
        if code is not None:
            entity = {
                "entity": "language",
                "value": code,
                "start": 0,
                "end": 0,
                "extractor": "UrgentTriage",
            }
            message.set(ENTITIES, [*(message.get(ENTITIES) or []), entity], add_to_output=True)

    def _routine_clause(self, parts: list[Message]) -> str | None:
        """The service question asked beside the danger ("how do I get a police report? also my ex
        is outside with a bat"), when a clause is one the classifier is sure of."""
        for clause in parts:
            name, _action, _verdict = self._decide(clause, [])
            confidence = (clause.get(INTENT) or {}).get("confidence") or 0.0
            if name in ANSWERED_INTENTS and confidence >= self._fallback_threshold:
                return name
        return None

    def _second_question(self, parts: list[Message], first: str) -> str | None:
        """Another service question asked in the same message, answered after the first."""
        for clause in parts:
            text = fold(clause.get(TEXT) or "")
            name, _action, _verdict = self._decide(clause, [])
            confidence = (clause.get(INTENT) or {}).get("confidence") or 0.0
            if (
                name in ANSWERED_INTENTS
                and name != first
                and confidence >= SECOND_QUESTION_CONFIDENCE
                and _ASKS.search(text)
            ):
                return name
        return None

    def _urgent_clause(
        self, clause: Message, whole: set[str], laughing: bool = False
    ) -> tuple[str, str, dict[str, Any]] | None:
        """The clause's urgent verdict, if it has one strong enough to speak for the message.

        What the whole message says about itself holds for its clauses: "there was a fight
        outside, they left, all good" is over, and "my ex hit me, that was years ago, I'm safe
        now" is behind the writer. A school project does not: "I'm doing a project on policing.
        also I took 20 pills" is two things."""
        name, _action, verdict = self._decide(clause, [])
        if name not in DANGER_INTENTS:
            return None
        kinds = verdict.get("urgent_kinds") or []
        if (
            laughing
            and name != "crisis"
            and "present" not in whole
            and set(kinds) <= JOKED_AWAY_KINDS
        ):
            # "robbery or burglary lol, me and my husband are arguing about it"; never a
            # crisis ("nem sei pq to escrevendo kkk mas hoje separei os comprimidos")
            return None
        settling = whole & (WHOLE_MESSAGE_CONTEXT | FINAL_CONTEXT)
        if (
            settling
            and ("present" not in whole or whole & FINAL_CONTEXT)
            and all(settling & set(DEMOTED_BY[kind]) for kind in kinds)
        ):
            return None
        by_lexicon = verdict["verdict"] in DANGER_INTENTS
        if by_lexicon and "audience" in whole and kinds and set(kinds) <= TOPIC_KINDS:
            # a message written for others settles a clause that only names domestic violence
            # or its help ("tienen programas para victimas de violencia domestica? es para una
            # charla en la iglesia"); never a clause that tells of a crisis ("do you need
            # volunteers? also i keep thinking about ending my life")
            return None
        if not by_lexicon and "audience" in whole:
            # written for others ("what's the DV line's number? I want to post it at church"):
            # the classifier's guess on one fragment is the subject, not an event; an event the
            # lexicon sees still counts ("im doing a project on policing. also i took 20 pills")
            return None
        ranking = clause.get(INTENT_RANKING_KEY) or []
        mass = sum(r["confidence"] for r in ranking if r.get(INTENT_NAME_KEY) in DANGER_INTENTS)
        words = len((clause.get(TEXT) or "").split())
        if by_lexicon or (mass >= CLAUSE_MASS and words >= CLAUSE_MIN_WORDS):
            return name, "clause", {**verdict, "clause": clause.get(TEXT)}
        return None
