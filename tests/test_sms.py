"""The SMS channel with sanic's test client and real Twilio signatures (twilio's RequestValidator).

A small stand-in answers for Rasa here, so that each test controls what the assistant says; the
end-to-end test in test_e2e.py sends signed webhooks to the real Rasa and action servers.
"""

from __future__ import annotations

import itertools
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sanic import Sanic
from twilio.request_validator import RequestValidator

from bot.actions.replies import service_reply
from bot.kb.intents import ANSWERED_INTENTS
from bot.kb.loader import towns
from bot.languages import SUPPORTED
from bot.phrases import phrase
from connectors import sms as sms_module
from connectors.sms import SmsInput
from connectors.sms_store import SmsStore
from connectors.sms_text import gsm_friendly, is_gsm7, segments
from connectors.turns import Turn

SLOW_DOWN_EN = phrase("utter_sms_slow_down", "en")

TOKEN = "test-token-for-signatures-only"
URL = "https://bot.example.gov/webhooks/sms/webhook"
NUMBERS = {"+18605550100": "west-hartford", "+12035550100": "danbury"}
RESIDENT = "+18605551234"
_app_ids = itertools.count()
_sids = itertools.count()


class StandIn:
    """Answers like the assistant would, and records what reached it."""

    def __init__(self) -> None:
        self.received: list = []
        self.next_text: str | None = None
        self.crash = False  # the turn raises, as a crashing action server or a bug would

    async def __call__(self, message) -> None:
        self.received.append(message)
        if self.crash:
            raise RuntimeError("the turn crashed")
        out, text = message.output_channel, message.text
        if text == "which town":
            buttons = [
                {"title": t.town, "payload": f'/set_town{{"department":"{t.id}"}}'}
                for t in towns().values()
            ]
            await out.send_text_with_buttons(message.sender_id, "Which town are you in?", buttons)
        elif self.next_text is not None:
            await out.send_text_message(message.sender_id, self.next_text)
        else:
            await out.send_text_message(
                message.sender_id, f"echo {message.metadata['department']}: {text}"
            )


class Clock:
    """Time the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


class Client:
    def __init__(self, tmp: Path, token: str | None = TOKEN, **limits) -> None:
        self.bot = StandIn()
        self.store_path = tmp / "sms.sqlite3"
        self.clock = Clock()
        self.store = SmsStore(self.store_path, clock=self.clock)
        self.channel = SmsInput(token, URL, NUMBERS, store=self.store, clock=self.clock, **limits)
        self.app = Sanic(f"sms_test_{next(_app_ids)}")
        self.app.blueprint(self.channel.blueprint(self.bot), url_prefix="/webhooks/sms")

    def post(
        self,
        body: str | None = "hello",
        *,
        to: str = "+18605550100",
        sign_with=TOKEN,
        headers=None,
        **fields,
    ):
        params = {"From": RESIDENT, "To": to, "MessageSid": f"SM{next(_sids):032d}", **fields}
        if body is not None:
            params["Body"] = body
        params = {k: v for k, v in params.items() if v is not None}
        signature = RequestValidator(sign_with).compute_signature(URL, params)
        _, reply = self.app.test_client.post(
            "/webhooks/sms/webhook",
            data=params,
            headers={"X-Twilio-Signature": signature, **(headers or {})},
        )
        return reply


def message_text(reply) -> str | None:
    """The text of the TwiML reply's one <Message>, or None for an empty <Response/>."""
    assert reply.status == 200, reply.text
    root = ET.fromstring(reply.body)
    assert root.tag == "Response"
    messages = root.findall("Message")
    assert len(messages) <= 1
    return messages[0].text if messages else None


@pytest.fixture
def sms(tmp_path: Path) -> Client:
    return Client(tmp_path)


# --- signatures ---------------------------------------------------------------------------------
def test_signed_message_is_answered_with_twiml(sms: Client) -> None:
    assert message_text(sms.post("hello")) == "echo west-hartford: hello"


def test_missing_signature_is_refused_and_reaches_nobody(sms: Client) -> None:
    _, reply = sms.app.test_client.post(
        "/webhooks/sms/webhook", data={"From": RESIDENT, "To": "+18605550100", "Body": "hi"}
    )
    assert reply.status == 403 and sms.bot.received == []


def test_forged_signature_is_refused(sms: Client) -> None:
    assert sms.post("hi", sign_with="someone-elses-token").status == 403
    assert sms.bot.received == []


def test_signature_over_other_parameters_is_refused(sms: Client) -> None:
    params = {"From": RESIDENT, "To": "+18605550100", "Body": "hi", "MessageSid": "SM1"}
    signature = RequestValidator(TOKEN).compute_signature(URL, params)
    _, reply = sms.app.test_client.post(
        "/webhooks/sms/webhook",
        data={**params, "Body": "changed in transit"},
        headers={"X-Twilio-Signature": signature},
    )
    assert reply.status == 403 and sms.bot.received == []


def test_no_auth_token_configured_refuses_everything(tmp_path: Path) -> None:
    client = Client(tmp_path, token=None)
    assert client.post("hi").status == 503 and client.bot.received == []


# --- towns, conversations, retries ---------------------------------------------------------------
def test_town_comes_from_the_number_texted(sms: Client) -> None:
    assert message_text(sms.post("hi", to="+12035550100")) == "echo danbury: hi"
    assert message_text(sms.post("hi", to="+18605550100")) == "echo west-hartford: hi"
    (conversation,) = {m.sender_id for m in sms.bot.received}
    assert conversation.startswith("sms-") and RESIDENT[2:] not in conversation  # no number kept


def test_unknown_number_gets_a_polite_reply(sms: Client) -> None:
    text = message_text(sms.post("hi", to="+19995550100"))
    assert "isn't set up" in text and "911" in text and sms.bot.received == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("hola, necesito una copia del reporte de mi accidente", "no está configurado"),
        ("oi, preciso de uma cópia do boletim de ocorrência", "não está configurado"),
    ],
)
def test_unknown_number_answers_in_the_language_written(
    sms: Client, body: str, expected: str
) -> None:
    text = message_text(sms.post(body, to="+19995550100"))
    assert expected in text and "911" in text and sms.bot.received == []


def test_a_retried_message_is_answered_once(sms: Client) -> None:
    first = sms.post("hello", MessageSid="SMretry0000")
    second = sms.post("hello", MessageSid="SMretry0000")
    assert first.body == second.body and len(sms.bot.received) == 1


def test_a_retry_after_a_crash_mid_turn_is_answered(sms: Client) -> None:
    sms.bot.crash = True
    first = message_text(sms.post("hello", MessageSid="SMcrash0000"))
    assert "911" in first  # the apology, not a 500; and it is not kept as the answer
    sms.bot.crash = False
    retry = message_text(sms.post("hello", MessageSid="SMcrash0000"))
    assert retry == "echo west-hartford: hello" and len(sms.bot.received) == 2
    assert message_text(sms.post("hello", MessageSid="SMcrash0000")) == retry  # then once
    assert len(sms.bot.received) == 2


def test_an_exception_outside_the_turn_releases_the_claim(sms: Client, monkeypatch) -> None:
    async def broken(*args, **kwargs):
        raise RuntimeError("bug")

    real = sms_module.run_turn
    monkeypatch.setattr(sms_module, "run_turn", broken)
    reply = sms.post("hello", MessageSid="SMbroken000")
    assert reply.status == 200 and "911" in message_text(reply)
    monkeypatch.setattr(sms_module, "run_turn", real)
    assert message_text(sms.post("hello", MessageSid="SMbroken000")) == "echo west-hartford: hello"


def test_an_expired_in_progress_mark_is_answered(sms: Client) -> None:
    sid = "SMstale0000"
    assert sms.store.claim(sid) is None  # a process claimed it, then died before answering
    assert message_text(sms.post("hello", MessageSid=sid)) is None  # still fresh: in progress
    sms.clock.now += 31  # past the 30 s claim
    assert message_text(sms.post("hello", MessageSid=sid)) == "echo west-hartford: hello"
    sms.clock.now += 3600  # an answered sid never expires
    assert message_text(sms.post("hello", MessageSid=sid)) == "echo west-hartford: hello"
    assert len(sms.bot.received) == 1


def test_an_in_progress_mark_survives_a_restart_until_it_expires(tmp_path: Path) -> None:
    first = Client(tmp_path)
    assert first.store.claim("SMrestart00") is None
    restarted = Client(tmp_path)
    restarted.clock.now = first.clock.now + 29
    assert message_text(restarted.post("hi", MessageSid="SMrestart00")) is None
    restarted.clock.now += 2
    assert message_text(restarted.post("hi", MessageSid="SMrestart00")) == "echo west-hartford: hi"


# --- keywords -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "stop", ["STOP", "stop", "Unsubscribe", "cancel", "END", "quit", "STOPALL"]
)
def test_stop_confirms_then_nothing_until_start(sms: Client, stop: str) -> None:
    confirmation = message_text(sms.post(stop))
    assert "unsubscribed" in confirmation and "START" in confirmation
    assert message_text(sms.post("where is the station")) is None
    assert sms.bot.received == []
    assert "subscribed again" in message_text(sms.post("start"))
    assert message_text(sms.post("where is the station")).startswith("echo")


def test_opt_out_survives_a_restart(tmp_path: Path) -> None:
    Client(tmp_path).post("STOP")
    restarted = Client(tmp_path)
    assert message_text(restarted.post("hello")) is None and restarted.bot.received == []


@pytest.mark.parametrize(
    ("stop", "expected"),
    [("BAJA", "Canceló la suscripción"), ("Sair", "Você cancelou"), ("parar", "unsubscribed")],
)
def test_spanish_and_portuguese_stop_words_opt_out_in_their_language(
    sms: Client, stop: str, expected: str
) -> None:
    assert expected in message_text(sms.post(stop))
    assert message_text(sms.post("donde esta la estacion")) is None and sms.bot.received == []


def test_comenzar_after_baja_subscribes_again_in_spanish(sms: Client) -> None:
    sms.post("baja")
    assert "suscrito de nuevo" in message_text(sms.post("Comenzar"))
    assert message_text(sms.post("donde esta la estacion")).startswith("echo")


def test_start_while_subscribed_says_what_the_service_is(sms: Client) -> None:
    text = message_text(sms.post("START"))
    assert "Reply STOP to opt out" in text and sms.bot.received == []


def test_hola_to_a_number_not_set_up_is_answered_in_spanish(sms: Client) -> None:
    assert "no está configurado" in message_text(sms.post("hola", to="+19995550100"))


def test_yes_is_an_ordinary_answer_when_not_opted_out(sms: Client) -> None:
    assert message_text(sms.post("yes")) == "echo west-hartford: yes"


@pytest.mark.parametrize(
    ("to", "number"), [("+18605550100", "860-523-5203"), ("+12035550100", "203-797-4614")]
)
@pytest.mark.parametrize("word", ["HELP", "info"])
def test_help_names_the_line_rates_and_stop(sms: Client, word: str, to: str, number: str) -> None:
    text = message_text(sms.post(word, to=to))
    for expected in (number, "Msg&data rates may apply", "Reply STOP to opt out", "911"):
        assert expected in text
    assert sms.bot.received == []


# --- content --------------------------------------------------------------------------------------
def test_photo_gets_a_note_and_its_text_is_still_answered(sms: Client) -> None:
    text = message_text(sms.post("is this car abandoned?", NumMedia="1"))
    assert "echo west-hartford: is this car abandoned?" in text and "can't receive photos" in text


def test_photo_without_text_gets_the_note(sms: Client) -> None:
    text = message_text(sms.post("", NumMedia="2"))
    assert "can't receive photos" in text and "860-523-5203" in text and sms.bot.received == []


def test_buttons_become_a_numbered_list_and_a_number_picks_one(sms: Client) -> None:
    text = message_text(sms.post("which town"))
    assert text == "Which town are you in?\nReply 1 for Danbury, 2 for West Hartford."
    assert "set_town" not in text  # payloads never leak
    sms.post("2")
    assert sms.bot.received[-1].text == '/set_town{"department":"west-hartford"}'


def test_a_number_without_choices_is_ordinary_text(sms: Client) -> None:
    assert message_text(sms.post("3")) == "echo west-hartford: 3"


def test_markdown_is_written_out(sms: Client) -> None:
    sms.bot.next_text = "See **this** [page](https://www.westhartfordct.gov/faqs) now."
    assert message_text(sms.post("x")) == "See this page (https://www.westhartfordct.gov/faqs) now."


def test_a_long_answer_is_cut_at_a_sentence_with_the_number(sms: Client) -> None:
    sms.bot.next_text = " ".join(f"This is sentence number {i} of the answer." for i in range(40))
    text = message_text(sms.post("x"))
    assert len(text) <= 600
    assert text.endswith("More: call 860-523-5203.")
    assert text.split("\n")[0].endswith("answer.")


@pytest.mark.parametrize("language", SUPPORTED)
@pytest.mark.parametrize("town_id", sorted(towns()))
def test_every_knowledge_answer_fits_one_sms(sms: Client, town_id: str, language: str) -> None:
    """Every answer in every language goes out whole, in at most 9 segments (600 characters
    of UCS-2); English stays in the SMS alphabet, so it costs at most 4."""
    to = next(n for n, t in NUMBERS.items() if t == town_id)
    for i, topic in enumerate(ANSWERED_INTENTS):
        answer = service_reply(towns()[town_id], topic, language).text
        sms.bot.next_text = answer
        text = message_text(sms.post("q", to=to, From=f"+1860555{i:04d}"))  # under the limit
        assert len(text) <= 600 and text == gsm_friendly(answer), topic
        assert segments(text) <= (4 if language == "en" else 9), topic
        if language == "en":
            assert is_gsm7(text), topic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),  # 153 per segment once concatenated
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("{" * 80, 1),  # extension characters count twice: 160 septets
        ("{" * 81, 2),
        ("ñ¿¡é" * 40, 1),  # Spanish letters that are in the SMS alphabet
        ("á" * 70, 1),  # one character outside it: UCS-2, 70 a segment
        ("á" * 71, 2),  # 67 per segment once concatenated
        ("ã" * 134, 2),
        ("ã" * 135, 3),
        ("é" * 600, 4),
        ("ó" * 600, 9),
    ],
)
def test_segments_are_counted_as_carriers_bill_them(text: str, expected: int) -> None:
    assert segments(text) == expected


def test_typographic_characters_do_not_make_english_ucs2() -> None:
    text = "Mon–Fri 8–4 — it’s “open”…"
    assert not is_gsm7(text) and is_gsm7(gsm_friendly(text))
    assert gsm_friendly(text) == 'Mon-Fri 8-4 - it\'s "open"...'


def test_twiml_is_valid_xml_with_escaped_text(sms: Client) -> None:
    sms.bot.next_text = "<script>alert('x')</script> & <b>bold</b>"
    reply = sms.post("x")
    assert b"<script>" not in reply.body
    assert message_text(reply) == "<script>alert('x')</script> & <b>bold</b>"


# --- bad input ------------------------------------------------------------------------------------
def test_missing_body_is_answered_politely(sms: Client) -> None:
    assert message_text(sms.post(None)) == "echo west-hartford:"
    assert sms.bot.received[-1].text == ""


def test_missing_from_is_a_400(sms: Client) -> None:
    assert sms.post("hi", From=None).status == 400


def test_huge_body_is_a_413(sms: Client) -> None:
    assert sms.post("x" * 70_000).status == 413


def test_non_utf8_body_is_not_a_500(sms: Client) -> None:
    _, reply = sms.app.test_client.post(
        "/webhooks/sms/webhook",
        content=b"From=%2B1860&To=%2B1860&Body=\xff\xfe\xfa",
        headers={"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "x"},
    )
    assert 400 <= reply.status < 500


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("NumMedia", "abc"),
        ("NumMedia", "1.5"),
        ("NumMedia", "-1"),
        ("NumMedia", "11"),
        ("NumMedia", "1e3"),
        ("NumMedia", ""),
        ("NumMedia", " 1"),
        ("NumMedia", "\u0661"),  # an Arabic-Indic digit: int() takes it, Twilio never sends it
        ("From", "8605551234"),
        ("From", "+08605551234"),
        ("From", "+1860"),
        ("From", "+1860555123456789"),
        ("From", "+18605551234\n"),
        ("From", "+1 860 555 1234"),
        ("From", "+\u0661\u0668\u0666\u0660\u0665\u0665\u0665\u0661\u0662"),
        ("From", "<script>"),
        ("To", "+1860555010x"),
        ("To", ""),
        ("MessageSid", "SM1"),
        ("MessageSid", "SM" + "0" * 63),
        ("MessageSid", "SM-0000000000"),
        ("MessageSid", "SM00000000000\n"),
        ("MessageSid", ""),
        ("SmsSid", "../../etc/passwd"),
        ("Body", "x" * 1601),
    ],
)
def test_a_signed_request_with_a_bad_field_is_a_400(sms: Client, field: str, value: str) -> None:
    reply = sms.post(**({"body": value} if field == "Body" else {field: value}))
    assert reply.status == 400, reply.text
    assert field in json.loads(reply.body)["error"] or "required" in reply.text
    assert sms.bot.received == []


def test_good_fields_at_their_limits_are_answered(sms: Client) -> None:
    assert message_text(sms.post("x" * 1600, NumMedia="0")).startswith("echo")
    assert "can't receive photos" in message_text(sms.post("hi", NumMedia="10"))
    sid = "MM" + "0123456789abcdef" * 2  # Twilio's own form
    assert message_text(sms.post("hi", MessageSid=sid, SmsSid=sid)).startswith("echo")
    assert message_text(sms.post("hi", MessageSid=None, SmsSid="SM" + "a" * 32)).startswith("echo")
    assert message_text(sms.post("hi", From="+447911123456")) == "echo west-hartford: hi"


def test_sms_numbers_must_be_e164(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"E\.164"):
        SmsInput(TOKEN, URL, {"860-555-0100": "west-hartford"}, store=SmsStore(tmp_path / "s"))


# --- flood limit ----------------------------------------------------------------------------------
OTHER = "+12035559876"


def fake_urgent(real, calls: list):
    """run_turn as with a Rasa agent that finds "fire" urgent; the ordinary turn is the real one."""

    async def run_turn(agent, on_new_message, text, sender, channel, metadata, *args, **kwargs):
        if not kwargs.get("urgent_only"):
            return await real(agent, on_new_message, text, sender, channel, metadata, *args)
        calls.append(text)
        if "fire" not in text:
            return None
        return Turn(
            [{"recipient_id": sender, "text": "Call 911 now. **Text 911** if you can't talk."}],
            "emergency",
        )

    return run_turn


def test_a_flood_gets_the_slow_down_text_once_then_nothing(sms: Client, monkeypatch) -> None:
    calls: list = []
    monkeypatch.setattr(sms_module, "run_turn", fake_urgent(sms_module.run_turn, calls))
    for i in range(6):  # the burst
        assert message_text(sms.post(f"q{i}")) == f"echo west-hartford: q{i}"
    assert message_text(sms.post("q6")) == SLOW_DOWN_EN
    for i in range(7, 20):
        assert message_text(sms.post(f"q{i}")) is None  # no outbound text for the rest
    assert len(sms.bot.received) == 6 and len(calls) == 14  # each was still checked for urgency
    # past the limit, an urgent text still gets its urgent reply (and not the slow-down text)
    assert (
        message_text(sms.post("my house is on fire")) == "Call 911 now. Text 911 if you can't talk."
    )
    assert calls[-1] == "my house is on fire"
    # another number is not limited, and keywords never are
    assert message_text(sms.post("hi", From=OTHER)) == "echo west-hartford: hi"
    assert "Msg&data rates" in message_text(sms.post("HELP"))
    assert "unsubscribed" in message_text(sms.post("STOP"))
    assert "subscribed again" in message_text(sms.post("START"))
    # a minute on, the burst is back, and the slow-down text may come once again
    sms.clock.now += 60
    for i in range(6):
        assert message_text(sms.post(f"later{i}")) == f"echo west-hartford: later{i}"
    assert message_text(sms.post("too many")) == SLOW_DOWN_EN
    assert message_text(sms.post("and more")) is None
    sms.clock.now += 5  # then one text every 60 / 12 = 5 s
    assert message_text(sms.post("steady")) == "echo west-hartford: steady"
    assert message_text(sms.post("too fast")) is None


def test_a_retried_message_does_not_count_against_the_limit(sms: Client) -> None:
    for _ in range(10):
        assert (
            message_text(sms.post("hello", MessageSid="SMsame00000")) == "echo west-hartford: hello"
        )
    assert message_text(sms.post("new")) == "echo west-hartford: new"


def test_without_an_agent_a_limited_text_gets_the_slow_down_text(tmp_path: Path) -> None:
    client = Client(tmp_path, burst=1, per_minute=1)
    assert message_text(client.post("one")) == "echo west-hartford: one"
    assert message_text(client.post("my house is on fire")) == SLOW_DOWN_EN  # no NLU: not urgent


@pytest.mark.parametrize("language", ["es", "pt"])
def test_the_slow_down_text_is_in_the_numbers_last_language(
    monkeypatch, tmp_path: Path, language: str
) -> None:
    async def stored(agent, sender):  # the number's conversation, as the tracker store has it
        return language

    monkeypatch.setattr(sms_module, "stored_language", stored)
    client = Client(tmp_path, burst=1, per_minute=1)
    assert message_text(client.post("one")) == "echo west-hartford: one"
    slowed = message_text(client.post("two"))
    assert slowed == gsm_friendly(phrase("utter_sms_slow_down", language)) != SLOW_DOWN_EN
    assert "911" in slowed


def test_limits_come_from_the_credentials(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("SMS_NUMBERS", "+18605550100=west-hartford")
    channel = SmsInput.from_credentials({"per_minute": 3, "burst": 2})
    assert channel.per_sender.burst == 2 and channel.per_sender.rate == 3 / 60
    assert SmsInput.from_credentials(None).per_sender.burst == 6
