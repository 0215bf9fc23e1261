"""connectors/turns.py: what a resident's message becomes before the assistant reads it."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.turns import clean_text, offered_choice


@pytest.mark.parametrize(
    "text",
    ['/set_town{"department":"danbury"}', "/police_report", "/towed_vehicle", "/human_handoff"],
)
def test_a_button_we_offer_is_taken_as_pressed(text: str) -> None:
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("/emergency", "emergency"),  # never offered: read as words, like any message
        ('/police_report{"division": "records"}', 'police_report{"division": "records"}'),
        ('/contact_info{"division": "<img src=x>"}', 'contact_info{"division": "<img src=x>"}'),
        ("//greet", "greet"),
    ],
)
def test_any_other_shortcut_is_read_as_words(text: str, read_as: str) -> None:
    assert clean_text(text) == read_as


def _offered(*buttons: str) -> DialogueStateTracker:
    """A conversation whose last reply offered these buttons (titles = payloads)."""
    return DialogueStateTracker.from_events(
        "t",
        [
            UserUttered("how do i pay a ticket"),
            BotUttered(
                "Which town are you in?", {"buttons": [{"title": b, "payload": b} for b in buttons]}
            ),
        ],
    )


DANBURY, WEST_HARTFORD = (
    '/set_town{"department":"danbury"}',
    '/set_town{"department":"west-hartford"}',
)


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("1", DANBURY),
        ("#2", WEST_HARTFORD),
        ("option 2", WEST_HARTFORD),
        ("opción dos", WEST_HARTFORD),
        ("la segunda", WEST_HARTFORD),
        ("a primeira", DANBURY),
        ("the first one", DANBURY),
    ],
)
def test_a_number_or_an_ordinal_picks_an_offered_button(text: str, chosen: str) -> None:
    assert offered_choice(_offered(DANBURY, WEST_HARTFORD), text) == chosen


@pytest.mark.parametrize("text", ["3", "911", "segunda feira", "1 more question", "hola"])
def test_anything_else_is_not_a_choice(text: str) -> None:
    assert offered_choice(_offered(DANBURY, WEST_HARTFORD), text) is None


def test_a_number_after_a_reply_without_buttons_is_not_a_choice() -> None:
    tracker = DialogueStateTracker.from_events(
        "t", [UserUttered("hi"), BotUttered("Hello", {}), UserUttered("2"), BotUttered("ok", {})]
    )
    assert offered_choice(tracker, "1") is None
