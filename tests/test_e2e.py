"""End to end: the real action server and Rasa server on localhost, spoken to over REST.

The servers start once for this module (about a minute: TensorFlow and the model load). The
last tests stop the action server to prove urgent replies do not depend on it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import requests

from benchmarks.servers import API_TOKEN, REST_HEADERS, Servers
from tests.conftest import MODEL

pytestmark = [pytest.mark.e2e, pytest.mark.model]


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Servers]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train`")
    running = Servers(tmp_path_factory.mktemp("servers"))
    yield running
    running.close()


def _texts(reply: requests.Response) -> list[str]:
    assert reply.status_code == 200, reply.text
    return [m["text"] for m in reply.json() if m.get("text")]


def _custom(reply: requests.Response) -> dict:
    return next(m["custom"] for m in reply.json() if m.get("custom"))


def test_west_hartford_answer_with_sources(servers: Servers) -> None:
    reply = servers.say("how do I get a copy of a police report?", "west-hartford")
    assert any("860-523-5203" in t for t in _texts(reply))
    payload = _custom(reply)
    assert payload["topic"] == "police_report" and payload["department"] == "west-hartford"
    assert payload["urgency"] == "routine" and payload["sources"][0].startswith("https://")


def test_two_questions_in_one_message_get_both_answers(servers: Servers) -> None:
    reply = servers.say(
        "how can i get a copy of a police report? and where do i pay a parking ticket?", "danbury"
    )
    topics = [m["custom"]["topic"] for m in reply.json() if m.get("custom")]
    assert topics == ["police_report", "parking_ticket"]
    assert any("(203) 748-6423" in t for t in _texts(reply))  # the parking authority's line


def test_danbury_answer(servers: Servers) -> None:
    reply = servers.say("where is the police station", "danbury")
    assert any("375 Main Street" in t for t in _texts(reply))
    assert _custom(reply)["department"] == "danbury"


def test_town_question_then_button(servers: Servers) -> None:
    sender = uuid.uuid4().hex
    first = servers.say("how do I pay a parking ticket", sender=sender)
    assert first.json()[0]["text"] == "Which town are you in?"
    button = next(b for b in first.json()[0]["buttons"] if "danbury" in b["payload"])
    second = servers.say(button["payload"], sender=sender)
    assert any("(203) 748-6423" in t for t in _texts(second))
    # the town is remembered for the next question
    third = servers.say("where is the police station?", sender=sender)
    assert any("375 Main Street" in t for t in _texts(third))


@pytest.mark.parametrize("answer", ["1", "option 1", "opción 1", "la primera", "the first one"])
def test_town_question_then_its_number_typed(servers: Servers, answer: str) -> None:
    """A REST app that lists the buttons as numbers: the resident types "1" for the first."""
    sender = uuid.uuid4().hex
    first = servers.say("how do I pay a parking ticket", sender=sender)
    titles = [b["title"] for b in first.json()[0]["buttons"]]
    second = servers.say(answer, sender=sender)
    assert titles[0] == "Danbury"  # as SMS numbers them: the order they are shown
    assert any("(203) 748-6423" in t for t in _texts(second)), _texts(second)
    assert not any("didn't understand" in t for t in _texts(second))


def test_town_named_in_words(servers: Servers) -> None:
    sender = uuid.uuid4().hex
    servers.say("I live in West Hartford", sender=sender)
    reply = servers.say("can I park on the street overnight", sender=sender)
    assert any("860-523-5203" in t for t in _texts(reply))


def test_model_parse_shows_the_verdict(servers: Servers) -> None:
    result = requests.post(
        f"{servers.base}/model/parse", json={"text": "my house is on fire"}, timeout=30
    ).json()
    assert result["intent"]["name"] == "emergency" and result["triage"]["verdict"] == "emergency"


@pytest.mark.parametrize(
    ("message", "first_words"),
    [
        ("someone is breaking into my house right now", "Call 911 now"),
        ("I want to kill myself", "Call or text 988 now"),
        ("my boyfriend hits me when he drinks", "If you're in danger now, call 911"),
    ],
)
def test_urgent_reply_comes_first(servers: Servers, message: str, first_words: str) -> None:
    assert _texts(servers.say(message, "danbury"))[0].startswith(first_words)


def test_routine_question_with_an_alarming_word_is_answered(servers: Servers) -> None:
    reply = servers.say(
        "I need the report from when my house was broken into last month", "west-hartford"
    )
    texts = _texts(reply)
    assert "911 now" not in texts[0] and _custom(reply)["topic"] == "police_report"


BAD_INPUT = {
    "empty": "",
    "huge": "where is the police station " * 800,  # about 22,000 characters
    "binary": bytes(range(256)).decode("latin-1"),
    "emoji only": "😀🎉👍🔥",
    "script": "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "another language": "¿Dónde está la estación de policía?",
    "control characters": "\x00\x01\x02\x1b[31m",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
def test_bad_input_gets_a_polite_reply(servers: Servers, name: str) -> None:
    reply = servers.say(BAD_INPUT[name], "west-hartford")
    texts = _texts(reply)
    assert texts, f"{name}: no reply"
    joined = " ".join(texts)
    assert "<script" not in joined and "onerror" not in joined  # nothing a resident sent is echoed


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("not json", 400),
        ("[1, 2, 3]", 400),
        ('"just a string"', 400),
        ('{"message": "hi"}', 400),
        ('{"sender": "x", "message": 42}', 400),
        ('{"sender": "x", "message": "' + "a" * 100_001 + '"}', 413),
    ],
)
def test_malformed_requests_get_a_clear_4xx(servers: Servers, body: str, status: int) -> None:
    reply = requests.post(
        f"{servers.base}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json", **REST_HEADERS},
        timeout=30,
    )
    assert reply.status_code == status and "error" in reply.json()


def test_sms_answers_for_the_town_of_the_number_texted(servers: Servers) -> None:
    west_hartford = servers.text("how do I pay a parking ticket?", to="+18605550100")
    danbury = servers.text("how do I pay a parking ticket?", to="+12035550100")
    assert "(860) 561-7475" in west_hartford and len(west_hartford) <= 600
    assert "(203) 748-6423" in danbury and len(danbury) <= 600


def test_sms_emergency_says_to_call_or_text_911(servers: Servers) -> None:
    text = servers.text("someone is breaking into my house", to="+12035550100")
    assert text.startswith("Call 911 now") and "text 911" in text


# --- in the resident's language, over REST and SMS ------------------------------------------------
SPANISH_AND_PORTUGUESE = [
    ("es", "danbury", "hola, donde queda la estacion de policia?", "station_location"),
    (
        "pt",
        "west-hartford",
        "meu carro foi rebocado, como faço pra pegar de volta",
        "towed_vehicle",
    ),
]


@pytest.mark.parametrize(("language", "town_id", "message", "topic"), SPANISH_AND_PORTUGUESE)
def test_rest_answers_in_the_residents_language(
    servers: Servers, language: str, town_id: str, message: str, topic: str
) -> None:
    from bot.kb.loader import towns

    reply = servers.say(message, town_id)
    answer = towns()[town_id].answers[topic]
    (sent,) = reply.json()  # one message, text and payload together
    assert sent["text"].startswith(answer.in_language("text", language))
    assert sent["custom"]["topic"] == topic and sent["custom"]["language"] == language
    assert sent["custom"]["sources"] == towns()[town_id].source_urls(answer.sources)


@pytest.mark.parametrize(("language", "town_id", "message", "topic"), SPANISH_AND_PORTUGUESE)
def test_sms_answers_in_the_residents_language_and_keeps_it(
    servers: Servers, language: str, town_id: str, message: str, topic: str
) -> None:
    """A signed webhook; the answer in the language, then HELP in the number's last language."""
    from bot.kb.loader import towns
    from connectors.sms_text import gsm_friendly

    to = {"danbury": "+12035550100", "west-hartford": "+18605550100"}[town_id]
    number = "+1860555" + str(uuid.uuid4().int)[:4]
    text = servers.text(message, to=to, sender=number)
    answer = towns()[town_id].answers[topic]
    assert text.startswith(gsm_friendly(answer.in_language("text", language)[:80]))
    help_text = servers.text("HELP", to=to, sender=number)
    assert ("Responda STOP" in help_text) and ("911" in help_text)
    assert ("No lo atiende una persona" in help_text) == (language == "es")


def test_sms_unsigned_request_is_refused(servers: Servers) -> None:
    reply = requests.post(servers.sms_url, data={"From": "+1", "To": "+18605550100"}, timeout=30)
    assert reply.status_code == 403


def test_a_restart_keeps_the_conversation(servers: Servers) -> None:
    """Conversations are in SQLite ($DATA_DIR): the town chosen before a restart is still known."""
    sender = uuid.uuid4().hex
    servers.say('/set_town{"department":"danbury"}', sender=sender)
    servers.restart_rasa()
    reply = servers.say("where is the police station?", sender=sender)
    assert any("375 Main Street" in t for t in _texts(reply))
    tracker = requests.get(
        f"{servers.base}/conversations/rest-{sender}/tracker",
        headers={"Authorization": f"Bearer {API_TOKEN}"},
        timeout=30,
    ).json()
    user_texts = [e.get("text") for e in tracker["events"] if e["event"] == "user"]
    assert user_texts == ['/set_town{"department":"danbury"}', "where is the police station?"]


# --- a conversation, not single turns (issue: follow-ups, situations, hours) ----------------
def _conversation(servers: Servers, town_id: str, *messages: str) -> list[list[str]]:
    sender = uuid.uuid4().hex
    return [_texts(servers.say(m, town_id, sender)) for m in messages]


def test_follow_ups_keep_their_context_over_rest(servers: Servers) -> None:
    """The residents' own follow-ups, as a resident types them, after an answer."""
    from bot.kb.loader import towns

    danbury, west_hartford = towns()["danbury"], towns()["west-hartford"]
    asked = _conversation(
        servers,
        "danbury",
        "how do I get an accident report",
        "how much does it cost?",
        "what about West Hartford?",
    )
    cost = danbury.answers["accident_report"].situations["cost"]
    assert asked[1][0].startswith(cost.text[:60])
    assert asked[2][0].startswith(west_hartford.answers["accident_report"].text[:60])

    asked = _conversation(
        servers, "west-hartford", "what does animal control do", "and their hours?"
    )
    unit = west_hartford.units["animal_control"]
    assert unit.name in asked[1][0] and unit.phone in asked[1][0]
    assert "Please call before you go" in asked[1][0]


def test_a_correction_and_a_situation(servers: Servers) -> None:
    asked = _conversation(
        servers,
        "west-hartford",
        "how do I get a police report",
        "no, I meant the accident report",
        "I texted 911 by mistake",
    )
    assert "crash" in asked[1][0]
    assert "mistake" in asked[2][0].lower() and "no emergency" in asked[2][0]


def test_a_lone_number_with_no_choice_pending_is_not_the_911_explainer(servers: Servers) -> None:
    (reply,) = _conversation(servers, "west-hartford", "1")
    from bot.kb.loader import towns

    about_911 = towns()["west-hartford"].answers["about_911"].text
    assert not any(about_911[:40] in text for text in reply)
    # "not understood" or "outside what I can help with": both end or start with 911 for danger
    assert "If anyone is in danger, call 911" in reply[0]


@pytest.mark.parametrize(
    ("town_id", "question"),
    [
        ("danbury", "is the parking authority open now?"),
        ("west-hartford", "is the parking office open now?"),
    ],
)
def test_open_now_is_answered_from_the_hours(servers: Servers, town_id: str, question: str) -> None:
    """Whatever the hour of the test run, the reply says open or closed now, not only the hours."""
    (reply,) = _conversation(servers, town_id, question)
    assert "It's open now, until" in reply[0] or "It's closed now" in reply[0], reply


def test_sms_help_names_the_town_the_resident_switched_to(servers: Servers) -> None:
    number = "+1203555" + str(uuid.uuid4().int)[:4]
    servers.text("I'm actually in West Hartford", "+12035550100", number)
    help_text = servers.text("HELP", "+12035550100", number)
    assert "860-523-5203" in help_text and "203-797-4614" not in help_text


def test_open_now_by_sms(servers: Servers) -> None:
    number = "+1860555" + str(uuid.uuid4().int)[:4]
    text = servers.text("is the parking office open now?", "+18605550100", number)
    assert "It's open now, until" in text or "It's closed now" in text


def test_follow_up_by_sms_in_spanish(servers: Servers) -> None:
    from bot.kb.loader import towns

    number = "+1203555" + str(uuid.uuid4().int)[:4]
    servers.text("como saco una copia del reporte de un accidente", "+12035550100", number)
    text = servers.text("y cuanto cuesta?", "+12035550100", number)
    cost = towns()["danbury"].answers["accident_report"].situations["cost"]
    assert text.startswith(cost.in_language("text", "es")[:40])


# --- keep these last: they stop the action server ---------------------------------------------
@pytest.mark.parametrize(
    ("message", "first_words"),
    [
        ("there's a man with a gun outside my house", "Call 911 now"),
        ("my dad collapsed and isn't breathing", "Call 911 now"),
        ("I've been thinking about ending my life", "Call or text 988 now"),
        ("my husband hits me and I'm scared to go home", "If you're in danger now, call 911"),
    ],
)
def test_urgent_reply_with_the_action_server_down(
    servers: Servers, message: str, first_words: str
) -> None:
    servers.stop_actions()
    assert _texts(servers.say(message, "west-hartford"))[0].startswith(first_words)


def test_service_question_with_the_action_server_down_is_not_a_500(servers: Servers) -> None:
    servers.stop_actions()
    reply = servers.say("where is the police station", "west-hartford")
    assert reply.status_code == 200
