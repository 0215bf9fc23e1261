"""Builds what the resident reads from a town's knowledge, in the conversation's language.

Pure functions: no Rasa types here. Knowledge-file texts come from the file (bot/kb/schema.py,
`in_language`); the few connecting phrases ("Which town are you in?") from the domain
(bot/actions/phrases.py). Each reply is one message with its payload, so it reaches the resident
whole on every channel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.kb.schema import Town
from bot.phrases import phrase

UNIT_TOPICS = ("contact_info", "office_hours")


@dataclass(frozen=True)
class Reply:
    """One bot message: its text, the contract's custom payload, and any buttons."""

    text: str
    custom: dict[str, Any] | None = None
    buttons: list[dict[str, str]] = field(default_factory=list)


def payload(town: Town, topic: str, source_ids: list[str], language: str) -> dict[str, Any]:
    """The contract's custom payload; the widget shows the sources as links."""
    return {
        "topic": topic,
        "department": town.id,
        "urgency": "routine",
        "sources": town.source_urls(source_ids),
        "language": language,
    }


def main_line(town: Town, language: str) -> Reply:
    """The department's listed line, said for what it is (its label), and 911."""
    phone = town.main_phone
    text = phrase(
        "utter_main_line",
        language,
        town_name=town.name,
        phone=phone.number,
        label=phone.in_language("label", language),
    )
    return Reply(text, payload(town, "contact_info", phone.sources, language))


def service_reply(town: Town, topic: str, language: str) -> Reply:
    """The knowledge-file answer for a service intent: one message and its payload."""
    answer = town.answers[topic]
    text = f"{answer.in_language('text', language)}\n{answer.in_language('next_step', language)}"
    return Reply(text, payload(town, topic, answer.sources, language))


def unit_reply(town: Town, division: str, topic: str, language: str) -> Reply:
    """A unit's contact details (topic contact_info) or hours (office_hours), never invented."""
    unit = town.units.get(division)
    if unit is None:
        text = phrase(
            "utter_unit_unknown",
            language,
            unit=division.replace("_", " "),
            town_name=town.name,
            phone=town.main_phone.number,
        )
        return Reply(text, payload(town, topic, town.main_phone.sources, language))
    name = unit.in_language("name", language)
    if topic == "office_hours":
        if unit.hours:
            text = f"{name}: {unit.in_language('hours', language)}."
        else:
            text = phrase("utter_unit_no_hours", language, unit=name)
    else:
        details = []
        if unit.phone:
            details.append(f"{phrase('utter_phone_word', language)} {unit.phone}")
        if unit.address:
            details.append(unit.address)
        text = f"{name}: {'; '.join(details)}." if details else f"{name}."
    if unit.note:
        text += f" {unit.in_language('note', language)}"
    if not unit.phone:
        text += f" {town.name}: {town.main_phone.number}."
    return Reply(text, payload(town, topic, unit.sources or town.main_phone.sources, language))


def topic_reply(town: Town, topic: str, division: str | None, language: str) -> Reply:
    """The answer to `topic` for `town`: a unit's details when one was named, else the file's."""
    if topic in UNIT_TOPICS and division:
        return unit_reply(town, division, topic, language)
    return service_reply(town, topic, language)


# "Did you mean...?": topics at least this likely are offered, at most MAX_CHOICES of them.
MIN_CHOICE_CONFIDENCE = 0.08
MAX_CHOICES = 3
SOMETHING_ELSE = "/human_handoff"


def topic_payload(topic: str) -> str:
    return f"/{topic}"


def likely_topics(ranking: list[dict[str, Any]], answered: tuple[str, ...]) -> list[str]:
    """The likeliest questions the knowledge files answer, from the classifier's ranking."""
    likely = [
        r["name"]
        for r in ranking
        if r.get("name") in answered and float(r.get("confidence") or 0) >= MIN_CHOICE_CONFIDENCE
    ]
    return likely[:MAX_CHOICES]


def did_you_mean_reply(topics: list[str], language: str) -> Reply:
    """ "Did you mean one of these?" with a button per topic and "Something else" (the line)."""
    buttons = [
        {"title": phrase(f"utter_topic_{topic}", language), "payload": topic_payload(topic)}
        for topic in topics
    ]
    buttons.append({"title": phrase("utter_something_else", language), "payload": SOMETHING_ELSE})
    return Reply(phrase("utter_did_you_mean", language), buttons=buttons)


def offered_payloads(towns: dict[str, Town], answered: tuple[str, ...]) -> set[str]:
    """Every button payload the assistant may offer: a resident's `/...` message is taken as a
    button press only if it is one of these (connectors/turns.py)."""
    return {
        *(b["payload"] for b in town_buttons(towns)),
        *(topic_payload(topic) for topic in answered),
        SOMETHING_ELSE,
    }


def town_buttons(towns: dict[str, Town]) -> list[dict[str, str]]:
    return [
        {"title": town.town, "payload": f'/set_town{{"department":"{town.id}"}}'}
        for town in towns.values()
    ]


def ask_town_reply(towns: dict[str, Town], language: str) -> Reply:
    return Reply(phrase("utter_ask_town", language), buttons=town_buttons(towns))


def town_unknown_reply(towns: dict[str, Town], language: str) -> Reply:
    names = f" {phrase('utter_and', language)} ".join(t.town for t in towns.values())
    return Reply(phrase("utter_town_unknown", language, towns=names), buttons=town_buttons(towns))


def town_set_reply(town: Town, language: str) -> Reply:
    return Reply(phrase("utter_town_set", language, town_name=town.name))
