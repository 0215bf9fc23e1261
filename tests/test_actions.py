"""Custom actions with real rasa_sdk Trackers and CollectingDispatcher: every intent, both towns."""

from __future__ import annotations

import pytest

from bot.actions import (
    ActionAlsoAnswer,
    ActionAnswer,
    ActionContact,
    ActionDidYouMean,
    ActionSetTown,
)
from bot.kb.intents import ANSWERED_INTENTS
from bot.kb.loader import towns
from bot.phrases import phrase
from tests.conftest import make_tracker, run_action

ASK_TOWN = phrase("utter_ask_town", "en")

TOWNS = towns()
MAIN = {"west-hartford": "860-523-5203", "danbury": "203-797-4614"}


def _texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def _payload(messages: list[dict]) -> dict:
    return next(m["custom"] for m in messages if m.get("custom"))


@pytest.mark.parametrize("town_id", sorted(TOWNS))
@pytest.mark.parametrize("topic", ANSWERED_INTENTS)
def test_answer_for_every_intent_and_town(town_id: str, topic: str) -> None:
    tracker = make_tracker(topic, metadata={"department": town_id})
    messages, events = run_action(ActionAnswer(), tracker)
    answer = TOWNS[town_id].answers[topic]
    assert _texts(messages) == f"{answer.text}\n{answer.next_step}"
    payload = _payload(messages)
    assert payload["topic"] == topic and payload["department"] == town_id
    assert payload["urgency"] == "routine" and payload["language"] == "en"
    assert payload["sources"] and all(url.startswith("http") for url in payload["sources"])
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots == {"last_topic": topic, "last_division": None}  # the channel's town not stored


@pytest.mark.parametrize("topic", ANSWERED_INTENTS)
def test_no_town_known_asks_with_one_button_per_town(topic: str, monkeypatch) -> None:
    monkeypatch.delenv("DEFAULT_DEPARTMENT", raising=False)
    messages, events = run_action(ActionAnswer(), make_tracker(topic))
    assert messages[0]["text"] == ASK_TOWN
    payloads = {b["payload"] for b in messages[0]["buttons"]}
    assert payloads == {f'/set_town{{"department":"{t}"}}' for t in TOWNS}
    assert any(e.get("name") == "pending_topic" and e.get("value") == topic for e in events)


def test_the_town_the_resident_named_wins_over_the_channel() -> None:
    """An SMS to Danbury's number (metadata), then "I'm actually in West Hartford" (the slot):
    West Hartford's answers from then on."""
    tracker = make_tracker(
        "station_location",
        metadata={"department": "danbury"},
        slots={"department": "west-hartford"},
    )
    assert "103 Raymond Road" in _texts(run_action(ActionAnswer(), tracker)[0])


def test_naming_a_town_after_an_answer_answers_the_same_question_there() -> None:
    """ "what about Danbury?" after West Hartford's parking-ticket answer."""
    tracker = make_tracker(
        "set_town",
        metadata={"department": "west-hartford"},
        slots={"department": "danbury", "last_topic": "parking_ticket"},
        entities=[{"entity": "department", "value": "danbury"}],
    )
    messages, _ = run_action(ActionSetTown(), tracker)
    assert "(203) 748-6423" in _texts(messages)
    assert _payload(messages)["department"] == "danbury"


def test_slot_is_used_when_metadata_has_no_town() -> None:
    tracker = make_tracker("station_location", slots={"department": "west-hartford"})
    assert "103 Raymond Road" in _texts(run_action(ActionAnswer(), tracker)[0])


def test_unknown_town_in_metadata_is_ignored(monkeypatch) -> None:
    monkeypatch.delenv("DEFAULT_DEPARTMENT", raising=False)
    messages, _ = run_action(
        ActionAnswer(), make_tracker("station_location", metadata={"department": "gotham"})
    )
    assert messages[0]["text"] == ASK_TOWN


def test_deployment_default_town(monkeypatch) -> None:
    monkeypatch.setenv("DEFAULT_DEPARTMENT", "danbury")
    messages, _ = run_action(ActionAnswer(), make_tracker("station_location"))
    assert "375 Main Street" in _texts(messages)


def test_town_from_the_first_message_metadata_of_the_session(monkeypatch) -> None:
    """Rasa's built-in session start keeps the first message's metadata in this slot."""
    monkeypatch.delenv("DEFAULT_DEPARTMENT", raising=False)
    tracker = make_tracker(
        "station_location", slots={"session_started_metadata": {"department": "danbury"}}
    )
    assert "375 Main Street" in _texts(run_action(ActionAnswer(), tracker)[0])


def test_choosing_a_town_answers_the_pending_question() -> None:
    tracker = make_tracker(
        "set_town",
        slots={"pending_topic": "parking_ticket", "department": "danbury"},
        entities=[{"entity": "department", "value": "danbury"}],
    )
    messages, events = run_action(ActionSetTown(), tracker)
    assert "(203) 748-6423" in _texts(messages)
    assert _payload(messages)["topic"] == "parking_ticket"
    assert any(e.get("name") == "pending_topic" and e.get("value") is None for e in events)


def test_choosing_a_town_without_a_question_confirms() -> None:
    tracker = make_tracker(
        "set_town", entities=[{"entity": "department", "value": "west-hartford"}]
    )
    messages, _ = run_action(ActionSetTown(), tracker)
    assert "West Hartford Police Department" in messages[0]["text"]


def test_a_town_we_do_not_serve_gets_the_list_and_buttons(monkeypatch) -> None:
    monkeypatch.delenv("DEFAULT_DEPARTMENT", raising=False)
    messages, events = run_action(
        ActionSetTown(), make_tracker("set_town", text="I live in Hartford")
    )
    assert "Danbury and West Hartford" in messages[0]["text"] and "911" in messages[0]["text"]
    assert len(messages[0]["buttons"]) == len(TOWNS) and events == []


@pytest.mark.parametrize(
    ("town_id", "division", "expected"),
    [
        ("west-hartford", "animal_control", "860-523-2018"),
        ("west-hartford", "parking", "(860) 561-7475"),
        ("west-hartford", "records", "860-523-5203"),  # no direct line: the main line, said so
        ("danbury", "parking", "(203) 748-6423"),
        ("danbury", "tips", "203-790-8477"),
        ("danbury", "animal_control", "203-797-4614"),  # unit unknown in Danbury: main line
    ],
)
def test_contact_by_unit(town_id: str, division: str, expected: str) -> None:
    tracker = make_tracker(
        "contact_info",
        metadata={"department": town_id},
        entities=[{"entity": "division", "value": division}],
    )
    messages, _ = run_action(ActionAnswer(), tracker)
    assert expected in _texts(messages)
    assert _payload(messages)["department"] == town_id


def test_unit_hours_are_given_only_when_known() -> None:
    known = make_tracker(
        "office_hours",
        metadata={"department": "west-hartford"},
        entities=[{"entity": "division", "value": "parking"}],
    )
    unknown = make_tracker(
        "office_hours",
        metadata={"department": "west-hartford"},
        entities=[{"entity": "division", "value": "records"}],
    )
    assert "Thu 8:30–7:00" in _texts(run_action(ActionAnswer(), known)[0])
    text = _texts(run_action(ActionAnswer(), unknown)[0])
    assert "don't have current hours" in text and "860-523-5203" in text


def test_contact_without_a_unit_gives_the_department_summary() -> None:
    tracker = make_tracker("contact_info", metadata={"department": "danbury"})
    text = _texts(run_action(ActionAnswer(), tracker)[0])
    assert "203-797-4614" in text and "911" in text


@pytest.mark.parametrize("intent", ["human_handoff", "nlu_fallback"])
def test_handoff_and_fallback_end_with_the_main_line(intent: str) -> None:
    for town_id, number in MAIN.items():
        tracker = make_tracker(intent, metadata={"department": town_id})
        assert number in _texts(run_action(ActionContact(), tracker)[0])


def test_fallback_without_a_town_adds_nothing(monkeypatch) -> None:
    monkeypatch.delenv("DEFAULT_DEPARTMENT", raising=False)
    messages, events = run_action(ActionContact(), make_tracker("nlu_fallback"))
    assert messages == [] and events == []


def test_the_town_question_remembers_the_unit_asked_about(monkeypatch) -> None:
    """'parking office hours' with no town, then West Hartford: the parking office's hours."""
    monkeypatch.delenv("DEFAULT_DEPARTMENT", raising=False)
    asked = make_tracker("office_hours", entities=[{"entity": "division", "value": "parking"}])
    messages, events = run_action(ActionAnswer(), asked)
    assert messages[0]["text"] == ASK_TOWN
    pending = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert pending == {"pending_topic": "office_hours", "pending_division": "parking"}
    chosen = make_tracker(
        "set_town",
        slots=pending,
        entities=[{"entity": "department", "value": "west-hartford"}],
    )
    messages, _ = run_action(ActionSetTown(), chosen)
    assert "Tue 7:30–4:30" in _texts(messages)


def test_the_routine_question_beside_an_urgent_one_is_answered_after_it() -> None:
    tracker = make_tracker(
        "emergency",
        metadata={"department": "west-hartford"},
    )
    tracker.latest_message["triage"] = {"also": "police_report"}
    messages, _ = run_action(ActionAlsoAnswer(), tracker)
    assert "860-523-5203" in _texts(messages) and _payload(messages)["topic"] == "police_report"


def test_nothing_is_added_after_an_urgent_reply_without_a_routine_question() -> None:
    tracker = make_tracker("emergency", metadata={"department": "danbury"})
    tracker.latest_message["triage"] = {"also": None}
    assert run_action(ActionAlsoAnswer(), tracker)[0] == []


def test_a_second_question_in_the_same_message_is_answered_after_the_first() -> None:
    tracker = make_tracker("police_report", metadata={"department": "danbury"})
    tracker.latest_message["triage"] = {"also": "parking_ticket"}
    messages, _ = run_action(ActionAnswer(), tracker)
    topics = [m.get("custom", {}).get("topic") for m in messages if m.get("custom")]
    assert topics[-2:] == ["police_report", "parking_ticket"]


def test_the_same_question_twice_is_answered_once() -> None:
    tracker = make_tracker("police_report", metadata={"department": "danbury"})
    tracker.latest_message["triage"] = {"also": "police_report"}
    messages, _ = run_action(ActionAnswer(), tracker)
    topics = [m.get("custom", {}).get("topic") for m in messages if m.get("custom")]
    assert topics.count("police_report") == 1


def test_an_unexpected_intent_gets_the_department_line_not_silence() -> None:
    tracker = make_tracker("greet", metadata={"department": "danbury"})
    messages, _ = run_action(ActionAnswer(), tracker)
    assert MAIN["danbury"] in _texts(messages)


# --- every reply in the conversation's language ---------------------------------------------
@pytest.mark.parametrize("language", ["es", "pt"])
@pytest.mark.parametrize("town_id", sorted(TOWNS))
@pytest.mark.parametrize("topic", ANSWERED_INTENTS)
def test_answers_in_the_conversation_language(language: str, town_id: str, topic: str) -> None:
    tracker = make_tracker(topic, metadata={"department": town_id}, slots={"language": language})
    messages, _ = run_action(ActionAnswer(), tracker)
    answer = TOWNS[town_id].answers[topic]
    translated = getattr(answer, language)
    assert _texts(messages) == f"{translated['text']}\n{translated['next_step']}"
    assert _texts(messages) != f"{answer.text}\n{answer.next_step}"
    assert _payload(messages)["language"] == language
    assert _payload(messages)["sources"] == TOWNS[town_id].source_urls(answer.sources)


@pytest.mark.parametrize(
    ("language", "expected"), [("es", "¿En qué ciudad está?"), ("pt", "Em qual cidade você está?")]
)
def test_the_town_question_in_the_conversation_language(
    language: str, expected: str, monkeypatch
) -> None:
    monkeypatch.delenv("DEFAULT_DEPARTMENT", raising=False)
    tracker = make_tracker("police_report", slots={"language": language})
    messages, _ = run_action(ActionAnswer(), tracker)
    assert messages[0]["text"] == expected and len(messages[0]["buttons"]) == len(TOWNS)


@pytest.mark.parametrize("language", ["es", "pt"])
def test_unit_details_and_the_main_line_in_the_conversation_language(language: str) -> None:
    unit = make_tracker(
        "office_hours",
        metadata={"department": "west-hartford"},
        slots={"language": language},
        entities=[{"entity": "division", "value": "records"}],
    )
    text = _texts(run_action(ActionAnswer(), unit)[0])
    assert "don't have" not in text and "860-523-5203" in text
    line = make_tracker(
        "human_handoff", metadata={"department": "danbury"}, slots={"language": language}
    )
    text = _texts(run_action(ActionContact(), line)[0])
    assert "203-797-4614" in text and ("Emergencias" in text or "Emergências" in text)
    label = TOWNS["danbury"].main_phone.in_language("label", language)
    assert label in text and label != TOWNS["danbury"].main_phone.label


# --- "Did you mean...?" after a message not understood ---------------------------------------
def _unsure(ranking: list[tuple[str, float]], language: str = "en"):
    tracker = make_tracker(
        "nlu_fallback", metadata={"department": "danbury"}, slots={"language": language}
    )
    tracker.latest_message["intent_ranking"] = [
        {"name": name, "confidence": confidence} for name, confidence in ranking
    ]
    return tracker


def test_not_understood_offers_the_likeliest_topics_and_something_else() -> None:
    tracker = _unsure(
        [
            ("nlu_fallback", 0.3),
            ("accident_report", 0.24),
            ("greet", 0.2),
            ("police_report", 0.19),
            ("emergency", 0.1),
            ("parking_ticket", 0.09),
            ("towed_vehicle", 0.05),
        ]
    )
    (message,), _ = run_action(ActionDidYouMean(), tracker)
    assert message["text"] == "Did you mean one of these?"
    assert [b["payload"] for b in message["buttons"]] == [
        "/accident_report",
        "/police_report",
        "/parking_ticket",
        "/human_handoff",
    ]  # never an urgent or conversation intent; at most three; the line last
    assert message["buttons"][0]["title"] == "A crash report"
    assert message["buttons"][-1]["title"] == "Something else"


@pytest.mark.parametrize(
    ("language", "question", "other"),
    [
        ("es", "¿Quiso preguntar por alguno de estos temas?", "Otra cosa"),
        ("pt", "Você quis perguntar sobre um destes assuntos?", "Outra coisa"),
    ],
)
def test_did_you_mean_in_the_conversation_language(
    language: str, question: str, other: str
) -> None:
    tracker = _unsure([("nlu_fallback", 0.3), ("towed_vehicle", 0.2)], language)
    (message,), _ = run_action(ActionDidYouMean(), tracker)
    assert message["text"] == question and message["buttons"][-1]["title"] == other
    assert message["buttons"][0]["title"] == phrase("utter_topic_towed_vehicle", language)


def test_nothing_likely_gives_the_department_line() -> None:
    tracker = _unsure([("nlu_fallback", 0.3), ("greet", 0.2), ("police_report", 0.05)])
    messages, _ = run_action(ActionDidYouMean(), tracker)
    assert MAIN["danbury"] in _texts(messages) and not messages[0].get("buttons")


def test_every_question_type_has_a_button_title_in_every_language() -> None:
    from bot.languages import SUPPORTED
    from bot.phrases import responses

    for topic in ANSWERED_INTENTS:
        assert set(responses()[f"utter_topic_{topic}"]) == set(SUPPORTED), topic
