"""End to end: residents' personal details are never stored nor logged (issue #17, section 1).

Both real servers run with every log at DEBUG (Rasa: LOG_LEVEL and LOG_LEVEL_LIBRARIES; the
action server: restarted with --debug on its port), the most they ever write. Real conversations
with synthetic details go through REST (and one through SMS); the replies must be the ones a
resident gets without redaction (the NLU reads the original text). Then every file of the data
directory (the SQLite database, its WAL, the SMS store: raw bytes, and every column of every
table) and every log file is searched for the details: none may be found.

The SMS sender's own number (From) is not searched: the SMS channel keys its conversations and
opt-outs by it (connectors/sms.py, connectors/sms_store.py); only what the resident typed is.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from benchmarks.servers import API_TOKEN, ROOT, Servers, wait_until_up
from tests.conftest import MODEL

pytestmark = [pytest.mark.e2e, pytest.mark.model]

NAME = "Zelda Quintanilla"
NAME_PT = "Graça Vasconcelos"
PHONE = "(860) 555-0177"
PHONE_SMS = "203.555.0139"
EMAIL = "zelda.q@example.com"
ADDRESS = "4417 Quassapaug Ridge Rd"
ADDRESS_PT = "rua Wintergreen, 318"
DOB = "07/19/1963"
# every form in which a detail could be written down: as typed, digits only, JSON-escaped
NEEDLES = [
    "Zelda",
    "Quintanilla",
    "Graça",
    "Gra\\u00e7a",
    "Vasconcelos",
    "555-0177",
    "5550177",
    "555.0139",
    "5550139",
    "zelda.q",
    "Quassapaug",
    "4417",
    "Wintergreen",
    "07/19/1963",
    "7/19/1963",
]


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Servers]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train`")
    tmp = tmp_path_factory.mktemp("redaction")
    running = Servers(tmp, extra_env={"LOG_LEVEL": "DEBUG", "LOG_LEVEL_LIBRARIES": "DEBUG"})
    # the action server again, with --debug (rasa_sdk reads no LOG_LEVEL), on the same port
    running.stop_actions()
    running.actions = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot.action_server",
            "--debug",
            "--interface",
            "127.0.0.1",
            "--port",
            str(running.action_port),
        ],
        cwd=ROOT,
        env=running.env,
        stdout=(tmp / "actions-debug.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    wait_until_up(f"http://127.0.0.1:{running.action_port}/health", running.actions, 120)
    yield running
    running.close()


def _messages(reply: requests.Response) -> list[dict]:
    assert reply.status_code == 200, reply.text
    return reply.json()


def _texts(reply: requests.Response) -> list[str]:
    return [m["text"] for m in _messages(reply) if m.get("text")]


def _custom(reply: requests.Response) -> dict:
    return next(m["custom"] for m in _messages(reply) if m.get("custom"))


def _conversations(servers: Servers) -> None:
    """Real conversations with synthetic details; each reply checked as a resident gets it."""
    records = (
        f"hi my name is {NAME} and my number is {PHONE}, how do i get a copy of a police report?"
    )
    parse = requests.post(f"{servers.base}/model/parse", json={"text": records}, timeout=30)
    assert parse.json()["text"] == records  # the NLU reads the original words
    reply = servers.say(records, "west-hartford")
    assert _custom(reply)["topic"] == "police_report"
    assert any("860-523-5203" in t for t in _texts(reply))
    plain = servers.say("how do i get a copy of a police report?", "west-hartford")
    assert _texts(reply) == _texts(plain)  # the details change nothing a resident gets

    # two turns: the town question, then the button; the stored (redacted) first turn still
    # leads to the answer
    sender = uuid.uuid4().hex
    first = servers.say(
        f"i live at {ADDRESS}, email {EMAIL}, can i park on the street overnight?", sender=sender
    )
    assert _messages(first)[0]["text"] == "Which town are you in?"
    button = next(b for b in _messages(first)[0]["buttons"] if "west-hartford" in b["payload"])
    second = servers.say(button["payload"], sender=sender)
    assert _custom(second)["topic"] == "overnight_parking"

    # urgent, with a date of birth: 911 first, as always
    urgent = servers.say(
        f"my dob is {DOB} and someone is breaking into my house right now", "danbury"
    )
    assert _texts(urgent)[0].startswith("Call 911 now")
    assert _custom(urgent)["urgency"] == "emergency"

    # Portuguese, an address written the Brazilian way, an accented name
    pt = servers.say(
        f"oi meu nome é {NAME_PT}, moro na {ADDRESS_PT}, como consigo o boletim de ocorrência?",
        "danbury",
    )
    assert _custom(pt)["topic"] == "police_report"

    # a mixed message: danger in one clause, the details in another
    mixed = servers.say(
        f"this is {NAME}, call me at {PHONE}. also my ex is outside my door right now with a knife",
        "danbury",
    )
    assert _texts(mixed)[0].startswith("Call 911 now")

    # SMS: what the resident typed (the sender's number is the channel's key, not searched)
    answer = servers.text(
        f"my number is {PHONE_SMS}, where do i pay a parking ticket", to="+12035550100"
    )
    assert answer and "911" not in answer[:20]

    # the stored copy, as Rasa's API returns it, is redacted (REST conversations are rest-<id>)
    tracker = requests.get(
        f"{servers.base}/conversations/rest-{sender}/tracker",
        params={"token": API_TOKEN},
        timeout=30,
    ).json()
    user_texts = [e["text"] for e in tracker["events"] if e["event"] == "user"]
    assert user_texts[0] == (
        "i live at [ADDRESS], email [EMAIL], can i park on the street overnight?"
    )


def _found(haystack: bytes) -> list[str]:
    """The needles in `haystack`; a number counts only on its own, not inside a longer one (the
    house number 4417 inside a timestamp such as 1764594417.2 is no leak)."""
    lowered = haystack.lower()
    return [
        n
        for n in NEEDLES
        if re.search(rb"(?<![0-9])" + re.escape(n.lower().encode()) + rb"(?![0-9])", lowered)
    ]


def _database_values(path: Path) -> str:
    """Every value of every column of every table, as text."""
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return "\n".join(
            json.dumps(row, default=str, ensure_ascii=False)
            for table in tables
            for row in db.execute(f'SELECT * FROM "{table}"')
        )


def test_no_synthetic_detail_is_stored_or_logged(servers: Servers) -> None:
    _conversations(servers)
    servers.close()  # everything flushed: the database, its WAL, the logs

    data = Path(servers.env["DATA_DIR"])
    files = [p for p in data.rglob("*") if p.is_file()]
    databases = [p for p in files if p.name.endswith(".sqlite3")]
    assert {p.name for p in databases} >= {"conversations.sqlite3", "sms.sqlite3"}
    for path in files:
        assert not _found(path.read_bytes()), (path, _found(path.read_bytes()))
    for path in databases:
        values = _database_values(path)
        assert not _found(values.encode()), (path, _found(values.encode()))
    conversations = _database_values(data / "conversations.sqlite3")
    for placeholder in ("[NAME]", "[PHONE]", "[ADDRESS]", "[EMAIL]", "[DOB]"):
        assert placeholder in conversations  # the messages were stored, redacted

    logs = sorted(servers.logs.glob("*.log"))
    assert {p.name for p in logs} >= {"actions.log", "actions-debug.log"}
    assert any(p.name.startswith("rasa-") for p in logs)
    for path in logs:
        assert not _found(path.read_bytes()), (path, _found(path.read_bytes()))
    rasa_log = b"".join(p.read_bytes() for p in logs if p.name.startswith("rasa-"))
    assert b"[PHONE]" in rasa_log  # the text did reach the DEBUG log, redacted
