"""A conversation, not single turns: follow-ups, situations, dated notices, "is it open now?" and
pulled answers, through the real actions and the real knowledge files, with a frozen clock."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot import clock, follow_ups
from bot.actions import ActionAnswer, ActionFollowUp
from bot.actions.replies import Context, in_context, situation_for, unit_reply
from bot.kb import hours
from bot.kb.loader import towns
from bot.kb.schema import Notice, Unit
from bot.languages import SUPPORTED
from bot.phrases import phrase
from connectors.webchat import widget_config
from tests.conftest import make_tracker, run_action

NY = ZoneInfo("America/New_York")
TOWNS = towns()


def _texts(messages: list[dict]) -> list[str]:
    return [m.get("text") or "" for m in messages]


def at(*args: int) -> dt.datetime:
    """A moment in Connecticut's local time."""
    return dt.datetime(*args, tzinfo=NY)


@pytest.fixture
def frozen(monkeypatch):
    """Freeze bot.clock at a given local moment: frozen(at(2026, 12, 1, 10, 0))."""

    def freeze(moment: dt.datetime) -> None:
        monkeypatch.setattr(clock, "now", lambda: moment)

    return freeze


@pytest.fixture
def with_town(monkeypatch):
    """Serve a changed copy of a town (a notice added, an answer pulled) to the actions."""

    def serve(town) -> None:
        served = {**TOWNS, town.id: town}
        monkeypatch.setattr("bot.actions.town.towns", lambda: served)

    return serve


# --- "is it open now?" ------------------------------------------------------------------------
PARKING = Unit(
    name="Parking office",
    hours="Mon & Wed 8:30–4:30, Tue 7:30–4:30, Thu 8:30–7:00, Fri closed",
    open={
        "mon": ["08:30-16:30"],
        "tue": ["07:30-16:30"],
        "wed": ["08:30-16:30"],
        "thu": ["08:30-19:00"],
    },
    sources=["pd-2022"],
    es={"name": "Oficina", "hours": "h"},
    pt={"name": "Escritório", "hours": "h"},
)


@pytest.mark.parametrize(
    ("moment", "open_now", "until"),
    [
        (at(2026, 12, 1, 10, 0), True, at(2026, 12, 1, 16, 30)),  # Tuesday morning
        (at(2026, 12, 1, 7, 0), False, at(2026, 12, 1, 7, 30)),  # before opening
        (at(2026, 12, 1, 16, 30), False, at(2026, 12, 2, 8, 30)),  # the minute it closes
        (at(2026, 12, 4, 12, 0), False, at(2026, 12, 7, 8, 30)),  # Friday: closed all day
        (at(2026, 12, 3, 18, 59), True, at(2026, 12, 3, 19, 0)),  # Thursday's late hours
        (at(2026, 3, 8, 12, 0), False, at(2026, 3, 9, 8, 30)),  # Sunday of the DST change
    ],
)
def test_open_status_in_the_towns_time(moment, open_now: bool, until) -> None:
    state = hours.status(PARKING, moment, "America/New_York", "CT")
    assert state is not None and state.open_now is open_now and state.until == until


def test_the_same_moment_in_utc_is_read_in_connecticut_time() -> None:
    # 14:00 UTC on a Tuesday in December is 9:00 in West Hartford: open
    utc = dt.datetime(2026, 12, 1, 14, 0, tzinfo=dt.timezone.utc)
    assert hours.status(PARKING, utc, "America/New_York", "CT").open_now
    # 22:00 UTC is 17:00 there: closed
    late = dt.datetime(2026, 12, 1, 22, 0, tzinfo=dt.timezone.utc)
    assert not hours.status(PARKING, late, "America/New_York", "CT").open_now


def test_a_holiday_is_named_and_the_resident_told_to_call_first() -> None:
    """Thanksgiving is a Thursday: the file doesn't say the office closes, so it may be open."""
    state = hours.status(PARKING, at(2026, 11, 26, 10, 0), "America/New_York", "CT")
    assert state.holiday == "Thanksgiving Day"
    closed = PARKING.copy(update={"holidays": "closed"})
    state = hours.status(closed, at(2026, 11, 26, 10, 0), "America/New_York", "CT")
    assert not state.open_now and state.holiday is None
    assert state.until == at(2026, 11, 30, 8, 30)  # Friday closed anyway, then Monday


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("en", "Thanksgiving Day"),
        ("es", "Día de Acción de Gracias (Thanksgiving Day)"),
        ("pt", "Natal (feriado transferido) (Christmas Day)"),
    ],
)
def test_a_holiday_is_named_in_the_residents_language(language: str, name: str) -> None:
    english = "Christmas Day (observed)" if language == "pt" else "Thanksgiving Day"
    assert hours.holiday_name(english, language) == name


def test_a_unit_without_structured_hours_has_no_status() -> None:
    assert (
        hours.status(PARKING.copy(update={"open": None}), at(2026, 12, 1, 10, 0), "UTC", "CT")
        is None
    )


@pytest.mark.parametrize("language", SUPPORTED)
def test_open_now_is_said_in_each_language(language: str) -> None:
    town = TOWNS["danbury"].copy(update={"units": {**TOWNS["danbury"].units, "parking": PARKING}})
    reply = unit_reply(town, "parking", "office_hours", language, at(2026, 12, 1, 10, 0))
    until = hours.clock(at(2026, 12, 1, 16, 30), language)
    assert phrase("utter_open_now", language, until=until) in reply.text
    friday = unit_reply(town, "parking", "office_hours", language, at(2026, 12, 4, 12, 0))
    monday = hours.weekday(at(2026, 12, 7, 8, 30), language)
    assert monday in friday.text and hours.clock(at(2026, 12, 7, 8, 30), language) in friday.text


def test_unknown_hours_are_said_once_with_one_number() -> None:
    """Danbury's Records hours are a GAP: one "I don't have", one number, no repetition."""
    town = TOWNS["danbury"]
    reply = unit_reply(town, "records", "office_hours", "en", at(2026, 12, 1, 10, 0))
    assert reply.text.count("I don't have") == 1
    assert reply.text.count("203-797-4614") == 1


# --- dated notices ----------------------------------------------------------------------------
def _notice(**changes) -> Notice:
    fields = {
        "id": "snow-emergency",
        "text": "Snow emergency in effect: no parking on city streets.",
        "es": {"text": "Emergencia por nieve: no se estacione en las calles."},
        "pt": {"text": "Emergência de neve: não estacione nas ruas."},
        "starts": dt.datetime(2026, 12, 1, 6, 0),  # local time (no zone written)
        "ends": dt.datetime(2026, 12, 2, 18, 0),
        "topics": ["overnight_parking", "towed_vehicle"],
    }
    fields.update(changes)
    return Notice(**fields)


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (at(2026, 12, 1, 5, 59), False),
        (at(2026, 12, 1, 6, 0), True),
        (at(2026, 12, 2, 17, 59), True),
        (at(2026, 12, 2, 18, 0), False),  # ends by itself: nobody has to remove it
    ],
)
def test_a_notice_shows_first_while_in_force(frozen, with_town, moment, shown: bool) -> None:
    town = TOWNS["danbury"].copy(update={"notices": [_notice()]})
    with_town(town)
    frozen(moment)
    messages, _ = run_action(
        ActionAnswer(), make_tracker("overnight_parking", metadata={"department": "danbury"})
    )
    texts = _texts(messages)
    assert (texts[0] == _notice().text) is shown
    assert texts[-1].startswith(town.answers["overnight_parking"].text[:40])
    if shown:
        assert messages[0]["custom"]["notice"] == "snow-emergency"


def test_a_notice_is_only_on_its_topics_and_in_the_residents_language(frozen, with_town) -> None:
    with_town(TOWNS["danbury"].copy(update={"notices": [_notice()]}))
    frozen(at(2026, 12, 1, 12, 0))
    messages, _ = run_action(
        ActionAnswer(), make_tracker("police_report", metadata={"department": "danbury"})
    )
    assert all("Snow emergency" not in t for t in _texts(messages))
    messages, _ = run_action(
        ActionAnswer(),
        make_tracker("towed_vehicle", metadata={"department": "danbury"}, slots={"language": "pt"}),
    )
    assert _texts(messages)[0] == "Emergência de neve: não estacione nas ruas."


def test_the_widget_opening_notice_lists_notices_in_force(frozen) -> None:
    town = TOWNS["danbury"].copy(
        update={"notices": [_notice(), _notice(id="hidden", widget=False)]}
    )
    frozen(at(2026, 12, 1, 12, 0))
    shown = widget_config(town)["notices"]
    assert [n["id"] for n in shown] == ["snow-emergency"]
    assert shown[0]["texts"]["es"].startswith("Emergencia por nieve")
    frozen(at(2026, 12, 3, 12, 0))
    assert widget_config(town)["notices"] == []


def test_a_notice_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="ends"):
        _notice(ends=dt.datetime(2026, 11, 30, 0, 0))
    with pytest.raises(ValueError, match="answered intent"):
        _notice(topics=["weather"])


# --- a pulled answer --------------------------------------------------------------------------
def test_a_disabled_answer_gives_the_line_at_once(with_town) -> None:
    town = TOWNS["west-hartford"]
    answers = {
        **town.answers,
        "private_duty": town.answers["private_duty"].copy(update={"disabled": True}),
    }
    with_town(town.copy(update={"answers": answers}))
    messages, _ = run_action(
        ActionAnswer(), make_tracker("private_duty", metadata={"department": "west-hartford"})
    )
    (text,) = _texts(messages)
    assert text.startswith(phrase("utter_answer_withdrawn", "en")) and "860-523-5203" in text
    assert town.answers["private_duty"].text not in text
    assert messages[0]["custom"]["topic"] == "private_duty"


# --- follow-ups -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("and their hours?", "en", True),
        ("how much does it cost?", "en", True),
        ("who do I call?", "en", True),
        ("what about Danbury?", "en", True),
        ("y cuanto cuesta eso?", "es", True),
        ("e o horário deles?", "pt", True),
        ("how do I get a copy of a police report", "en", False),
        ("i need the hours of the records division at the police station please", "en", False),
    ],
)
def test_what_counts_as_a_follow_up(text: str, language: str, expected: bool) -> None:
    assert follow_ups.refers_back(text, language) is expected


def _follow_up(
    text: str, topic: str, town: str = "west-hartford", intent: str = "nlu_fallback", **slots
):
    tracker = make_tracker(
        intent, text=text, metadata={"department": town}, slots={"last_topic": topic, **slots}
    )
    return _texts(run_action(ActionFollowUp(), tracker)[0])


def test_their_hours_after_animal_control_are_animal_controls(frozen) -> None:
    frozen(at(2026, 12, 1, 10, 0))
    town = TOWNS["west-hartford"]
    unit = town.answers["animal_control"].unit
    assert unit == "animal_control"
    topic, division = in_context(
        town, "office_hours", None, "and their hours?", "en", Context("animal_control")
    )
    assert (topic, division) == ("office_hours", "animal_control")
    (text,) = _follow_up("and their hours?", "animal_control")
    assert town.units["animal_control"].name in text


def test_a_follow_up_with_nothing_more_in_the_file_says_so_once() -> None:
    town = TOWNS["west-hartford"]
    (text,) = _follow_up("is it free?", "community_programs")
    assert text.startswith(phrase("utter_no_more_detail", "en"))
    assert town.answers["community_programs"].next_step in text


def test_an_unrelated_short_message_after_an_answer_is_still_out_of_scope() -> None:
    texts = _follow_up("what's the weather like", "police_report", intent="out_of_scope")
    assert texts == [phrase("utter_out_of_scope", "en")]


def test_an_unplaced_message_after_an_answer_still_gets_911_first() -> None:
    texts = _follow_up("qwerty zxcv", "police_report")
    assert texts[0] == phrase("utter_fallback", "en") and texts[0].startswith(
        "If anyone is in danger"
    )


@pytest.mark.parametrize("town_id", sorted(TOWNS))
def test_every_situation_is_chosen_by_its_own_words(town_id: str) -> None:
    """Each situation a town wrote answers when the resident uses its first word, in every
    language, and the answer's general text is the reply when no situation is named."""
    town = TOWNS[town_id]
    for topic, answer in town.answers.items():
        for name, situation in answer.situations.items():
            for language in SUPPORTED:
                word = situation.words[language][0]
                chosen = situation_for(answer, f"question about {word}")
                assert chosen is situation, f"{town_id} {topic}.{name}: '{word}' chose another"
        assert situation_for(answer, "") is None
