"""The SMS channel with sanic's test client and real Twilio signatures (twilio's RequestValidator).

A small stand-in answers for Rasa here, so that each test controls what the assistant says; the
end-to-end test in test_e2e.py sends signed webhooks to the real Rasa and action servers.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sanic import Sanic
from twilio.request_validator import RequestValidator

from bot.actions.replies import service_reply
from bot.kb.intents import ANSWERED_INTENTS
from bot.kb.loader import towns
from connectors.sms import SmsInput
from connectors.sms_store import SmsStore

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

    async def __call__(self, message) -> None:
        self.received.append(message)
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


class Client:
    def __init__(self, tmp: Path, token: str | None = TOKEN) -> None:
        self.bot = StandIn()
        self.store_path = tmp / "sms.sqlite3"
        channel = SmsInput(token, URL, NUMBERS, store=SmsStore(self.store_path))
        self.app = Sanic(f"sms_test_{next(_app_ids)}")
        self.app.blueprint(channel.blueprint(self.bot), url_prefix="/webhooks/sms")

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
    assert {m.sender_id for m in sms.bot.received} == {RESIDENT}


def test_unknown_number_gets_a_polite_reply(sms: Client) -> None:
    text = message_text(sms.post("hi", to="+19995550100"))
    assert "isn't set up" in text and "911" in text and sms.bot.received == []


def test_a_retried_message_is_answered_once(sms: Client) -> None:
    first = sms.post("hello", MessageSid="SMretry")
    second = sms.post("hello", MessageSid="SMretry")
    assert first.body == second.body and len(sms.bot.received) == 1


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


@pytest.mark.parametrize("town_id", sorted(towns()))
def test_every_knowledge_answer_fits_one_sms(sms: Client, town_id: str) -> None:
    to = next(n for n, t in NUMBERS.items() if t == town_id)
    for topic in ANSWERED_INTENTS:
        answer, _ = service_reply(towns()[town_id], topic)
        sms.bot.next_text = answer
        text = message_text(sms.post("q", to=to))
        assert len(text) <= 600 and text == answer, topic


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
