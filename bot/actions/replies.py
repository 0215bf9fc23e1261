"""Builds what the resident reads from a town's knowledge, in the conversation's language.

Pure functions: no Rasa types here. Knowledge-file texts come from the file (bot/kb/schema.py,
`in_language`); the few connecting phrases ("Which town are you in?") from the domain
(bot/phrases.py). Each reply is one message with its payload, so it reaches the resident
whole on every channel.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from bot import follow_ups
from bot.kb import hours
from bot.kb.schema import Answer, Situation, Town, Unit
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
        town_name=town.name_in(language),
        phone=phone.number,
        label=phone.in_language("label", language),
    )
    return Reply(text, payload(town, "contact_info", phone.sources, language))


def situation_for(answer: Answer, text: str) -> Situation | None:
    """The situation of `answer` the resident's words name (most words matched; the first in
    the file on a tie), or None: then the answer's general text is the reply."""
    best, best_count = None, 0
    for situation in answer.situations.values():
        count = sum(follow_ups.has_phrase(text, [w]) for ws in situation.words.values() for w in ws)
        if count > best_count:
            best, best_count = situation, count
    return best


def service_reply(town: Town, topic: str, language: str, text: str = "") -> Reply:
    """The knowledge-file answer for a service intent (the situation the resident's `text`
    describes, if the answer has one for it): one message and its payload. A `disabled` answer
    gives the department's line instead."""
    answer = town.answers[topic]
    if answer.disabled:
        line = main_line(town, language)
        return Reply(
            f"{phrase('utter_answer_withdrawn', language)} {line.text}",
            payload(town, topic, town.main_phone.sources, language),
        )
    said = situation_for(answer, text) or answer
    body = f"{said.in_language('text', language)}\n{said.in_language('next_step', language)}"
    return Reply(body, payload(town, topic, said.sources, language))


def notice_replies(town: Town, topic: str, language: str, now: dt.datetime) -> list[Reply]:
    """Dated notices in force on `topic`, each its own message, shown before the answer."""
    return [
        Reply(
            notice.in_language("text", language),
            {**payload(town, topic, notice.sources, language), "notice": notice.id},
        )
        for notice in town.notices_in_force(topic, now)
    ]


def open_status(town: Town, unit: Unit, language: str, now: dt.datetime) -> str:
    """ "It's open now, until 4:30 PM." / "It's closed now; it opens Monday at 8:00 AM.", with a
    holiday today said plainly; empty when the unit has no structured hours."""
    state = hours.status(unit, now, town.timezone, town.state)
    if state is None:
        return ""
    if state.open_now and state.until:
        text = phrase("utter_open_now", language, until=hours.clock(state.until, language))
    elif state.until:
        same_day = state.until.date() == now.astimezone(state.until.tzinfo).date()
        text = phrase(
            "utter_closed_now_opens_today" if same_day else "utter_closed_now_opens",
            language,
            day=hours.weekday(state.until, language),
            time=hours.clock(state.until, language),
        )
    else:
        text = phrase("utter_closed_now", language)
    if state.holiday:
        holiday = hours.holiday_name(state.holiday, language)
        text = f"{phrase('utter_holiday_today', language, holiday=holiday)} {text}"
    return text


def unit_reply(
    town: Town, division: str, topic: str, language: str, now: dt.datetime | None = None
) -> Reply:
    """A unit's contact details (topic contact_info) or hours (office_hours), never invented."""
    unit = town.units.get(division)
    if unit is None:
        text = phrase(
            "utter_unit_unknown",
            language,
            unit=division.replace("_", " "),
            town_name=town.name_in(language),
            phone=town.main_phone.number,
        )
        return Reply(text, payload(town, topic, town.main_phone.sources, language))
    name = unit.in_language("name", language)
    sources = unit.sources or town.main_phone.sources
    if topic == "office_hours" and not unit.hours:
        # one "I don't have" and one number: the unit's note would say the same again
        text = phrase(
            "utter_unit_no_hours",
            language,
            unit=name,
            phone=unit.phone or town.main_phone.number,
        )
        return Reply(text, payload(town, topic, sources, language))
    if topic == "office_hours":
        text = f"{name}: {unit.in_language('hours', language)}."
        if now is not None and unit.open:
            text += f" {open_status(town, unit, language, now)}"
    else:
        details = []
        if unit.phone:
            details.append(f"{phrase('utter_phone_word', language)} {unit.phone}")
        if unit.address:
            details.append(unit.address)
        text = f"{name}: {'; '.join(details)}." if details else f"{name}."
    if unit.note:
        text += f" {unit.in_language('note', language)}"
    if not unit.phone and town.main_phone.number not in text:
        text += f" {town.name_in(language)}: {town.main_phone.number}."
    return Reply(text, payload(town, topic, sources, language))


def topic_reply(
    town: Town,
    topic: str,
    division: str | None,
    language: str,
    text: str = "",
    now: dt.datetime | None = None,
) -> Reply:
    """The answer to `topic` for `town`: a unit's details when one was named, else the file's
    (the situation `text` describes)."""
    if topic in UNIT_TOPICS and division:
        return unit_reply(town, division, topic, language, now)
    return service_reply(town, topic, language, text)


@dataclass(frozen=True)
class Context:
    """What the conversation last answered: the follow-up's antecedent."""

    topic: str | None = None
    division: str | None = None


def unit_of(town: Town, context: Context) -> str | None:
    """The unit the last answer was about: the one named, else the answer's `unit`."""
    if context.division:
        return context.division
    answer = town.answers.get(context.topic or "")
    return answer.unit if answer else None


def in_context(
    town: Town, topic: str, division: str | None, text: str, language: str, context: Context
) -> tuple[str, str | None]:
    """The topic and unit a service question is really about, given the last answer.

    "and their hours?" after animal control is Animal Control's hours, not the department's;
    "how much does it cost?" after the accident report is the accident report's fee, even when
    the classifier heard a price question about something else.
    """
    if not context.topic or context.topic not in town.answers:
        return topic, division
    if not follow_ups.refers_back(text, language):
        return topic, division
    last = town.answers[context.topic]
    heard = town.answers.get(topic)
    if (
        topic != context.topic
        and situation_for(last, text) is not None
        and (heard is None or situation_for(heard, text) is None)
    ):
        return context.topic, context.division
    if topic in UNIT_TOPICS and not division:
        return topic, unit_of(town, context)
    return topic, division


def follow_up_reply(
    town: Town, text: str, language: str, context: Context, now: dt.datetime | None = None
) -> Reply | None:
    """A reply to a short message the classifier could not place, read as a follow-up to the
    last answer; None when it isn't one (then the resident gets the fallback)."""
    last = town.answers.get(context.topic or "")
    if last is None:
        return None
    if situation_for(last, text):
        return service_reply(town, context.topic or "", language, text)
    kind = follow_ups.asks_for(text)
    unit = unit_of(town, context)
    if kind == "hours" and unit:
        return unit_reply(town, unit, "office_hours", language, now)
    if kind in ("phone", "where") and unit:
        return unit_reply(town, unit, "contact_info", language, now)
    if kind in ("phone", "where") or follow_ups.refers_back(text, language):
        # nothing more specific in the file: say so once, and where to ask
        step = last.in_language("next_step", language)
        said = step if kind else f"{phrase('utter_no_more_detail', language)} {step}"
        return Reply(said, payload(town, context.topic or "", last.sources, language))
    return None


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
    return Reply(phrase("utter_town_set", language, town_name=town.name_in(language)))
