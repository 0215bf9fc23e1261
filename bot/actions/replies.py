"""Builds what the resident reads from a town's knowledge. Pure functions: no Rasa types here."""

from __future__ import annotations

from typing import Any

from bot.kb.schema import Town


def payload(town: Town, topic: str, source_ids: list[str]) -> dict[str, Any]:
    """The contract's custom payload; the widget shows the sources as links."""
    return {
        "topic": topic,
        "department": town.id,
        "urgency": "routine",
        "sources": town.source_urls(source_ids),
    }


def main_line(town: Town) -> str:
    phone = town.main_phone
    return f"{town.name}: {phone.number} ({phone.label}). Emergency: 911."


def service_reply(town: Town, topic: str) -> tuple[str, dict[str, Any]]:
    """The knowledge-file answer for a service intent: one message and its payload."""
    answer = town.answers[topic]
    return f"{answer.text}\n{answer.next_step}", payload(town, topic, answer.sources)


def unit_reply(town: Town, division: str, topic: str) -> tuple[str, dict[str, Any]]:
    """A unit's contact details (topic contact_info) or hours (office_hours), never invented."""
    unit = town.units.get(division)
    if unit is None:
        name = division.replace("_", " ")
        text = (
            f"I don't have a direct contact for {name} at the {town.name}. "
            f"Call {town.main_phone.number} and ask for {name}."
        )
        return text, payload(town, topic, town.main_phone.sources)
    if topic == "office_hours":
        if unit.hours:
            text = f"{unit.name}: {unit.hours}."
        else:
            text = f"I don't have current hours for the {unit.name}. Please call before you go."
    else:
        parts = [unit.name]
        if unit.phone:
            parts.append(f"phone {unit.phone}")
        if unit.address:
            parts.append(unit.address)
        text = ": ".join(parts[:1]) + (": " + "; ".join(parts[1:]) if parts[1:] else "") + "."
    if unit.note:
        text += f" {unit.note}"
    if not unit.phone:
        text += f" {town.name}: {town.main_phone.number}."
    return text, payload(town, topic, unit.sources or town.main_phone.sources)


def town_buttons(towns: dict[str, Town]) -> list[dict[str, str]]:
    return [
        {"title": town.town, "payload": f'/set_town{{"department":"{town.id}"}}'}
        for town in towns.values()
    ]
