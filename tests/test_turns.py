"""connectors/turns.py: what a resident's message becomes before the assistant reads it."""

from __future__ import annotations

import pytest

from connectors.turns import clean_text


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
