"""The staff page (staff/): its numbers against conversations this test writes, its token rules,
what it does with residents' texts (escaped on the page, formulas neutralised in the CSVs), and
the page in headless Chromium with axe-core.

The conversations are written the way Rasa writes them: DialogueStateTrackers of real events
(UserUttered with its parse data and metadata, SlotSet, ActionExecuted, BotUttered,
SessionStarted, and the widget's ratings as SlotSet("rating") with the topic and town in its
metadata, as connectors/webchat.py writes them) saved through Rasa's own SQLTrackerStore into a
temporary SQLite file. Each
conversation also states the truth the page must find (its town, language, channel and how it
ended), which the events only imply: a town from the message's metadata, from the session's
metadata, or named after the "Which town?" question; a language from the message or the slot.
The real app then runs as `python -m staff` on a free port, as `make run` starts it.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
import requests

from benchmarks.servers import free_port
from tests.conftest import ROOT

TOKEN = "staff-test-token-0123456789abcdef"
ZONE_NAME = "America/New_York"
ZONE = ZoneInfo(ZONE_NAME)
START = dt.date(2025, 3, 3)  # a Monday; the period is START .. START + 6
END = START + dt.timedelta(days=6)
PERIOD = {"from": START.isoformat(), "to": END.isoformat()}
WH, DANBURY = "west-hartford", "danbury"
NAMES = {WH: "West Hartford", DANBURY: "Danbury", None: "No town"}
CHANNEL_NAMES = {"widget": "Web widget", "sms": "SMS", "rest": "REST", "other": "Other"}
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "pt": "Portuguese", "unknown": "Not shown"}
URGENT = ("emergency", "crisis", "domestic_violence")
UNANSWERED = ("nlu_fallback", "out_of_scope")
SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example","click")'
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "build/node/node_modules/axe-core/axe.min.js"
ARTIFACTS = ROOT / "tests/artifacts"


def at(day: int, hour: float) -> float:
    """Epoch seconds of `hour` o'clock on day `day` of the period, in the server's time zone."""
    midnight = dt.datetime.combine(START + dt.timedelta(days=day), dt.time(), tzinfo=ZONE)
    return (midnight + dt.timedelta(hours=hour)).timestamp()


# --- the conversations ----------------------------------------------------------------------------
@dataclass
class Truth:
    """One resident message as the page must count it."""

    conversation: str
    timestamp: float
    channel: str
    town: str | None
    language: str
    intent: str
    text: str

    @property
    def day(self) -> dt.date:
        return dt.datetime.fromtimestamp(self.timestamp, ZONE).date()


@dataclass(frozen=True)
class RatingTruth:
    """One thumbs up or down as the page must count it."""

    conversation: str
    timestamp: float
    town: str | None
    topic: str
    rating: str

    @property
    def day(self) -> dt.date:
        return dt.datetime.fromtimestamp(self.timestamp, ZONE).date()


@dataclass
class Conversation:
    """One sender's events, built as Rasa records them, and the truth about each message."""

    sender: str
    channel: str
    events: list[Any] = field(default_factory=list)
    truths: list[Truth] = field(default_factory=list)
    ratings: list[RatingTruth] = field(default_factory=list)
    outcomes: dict[str, str] = field(default_factory=dict)  # session → how it ended
    session: int = 0

    def start_session(self, ts: float, town: str | None = None, **carried: Any) -> Conversation:
        from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet

        self.session += 1
        self.events += [ActionExecuted("action_session_start", timestamp=ts)]
        self.events += [SessionStarted(timestamp=ts)]
        if town:
            self.events += [SlotSet("session_started_metadata", {"department": town}, ts)]
        self.events += [SlotSet(name, value, ts) for name, value in carried.items()]
        self.events += [ActionExecuted("action_listen", timestamp=ts)]
        return self

    def say(
        self,
        ts: float,
        text: str,
        intent: str,
        *,
        town: str | None,
        language: str,
        metadata: dict[str, str] | None = None,
        entities: list[dict[str, Any]] = (),
        slots: dict[str, Any] | None = None,
        action: str = "action_answer",
        reply: str = "An answer.",
        counted: bool = True,
    ) -> Conversation:
        from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

        self.events.append(
            UserUttered(
                text,
                intent={"name": intent, "confidence": 0.9},
                entities=list(entities),
                timestamp=ts,
                input_channel=self.channel,
                metadata=metadata or {},
            )
        )
        for name, value in (slots or {}).items():
            self.events.append(SlotSet(name, value, ts + 0.001))
        self.events.append(ActionExecuted(action, timestamp=ts + 0.002))
        self.events.append(BotUttered(reply, {"custom": {"topic": intent}}, timestamp=ts + 0.003))
        self.events.append(ActionExecuted("action_listen", timestamp=ts + 0.004))
        if counted:
            key = f"{self.sender}#{self.session}"
            self.truths.append(Truth(key, ts, self.channel, town, language, intent, text))
        return self

    def rate(
        self, ts: float, rating: str, topic: str, department: str | None, town: str | None
    ) -> Conversation:
        """The widget's rating of an answer, as POST /webhooks/webchat/rate stores it."""
        from rasa.shared.core.events import SlotSet

        metadata = {"topic": topic, "department": department, "language": "en"}
        self.events.append(SlotSet("rating", rating, ts, metadata=metadata))
        self.ratings.append(RatingTruth(self.sender, ts, town, topic, rating))
        return self

    def ends(self, outcome: str) -> Conversation:
        self.outcomes[f"{self.sender}#{self.session}"] = outcome
        return self


def language(code: str) -> list[dict[str, Any]]:
    return [{"entity": "language", "value": code, "start": 0, "end": 0}]


def conversations() -> list[Conversation]:
    meta_wh, meta_danbury = {"department": WH}, {"department": DANBURY}
    c = [
        Conversation("web-aaaaaaaa11", "widget")
        .say(
            at(0, 10),
            "How do I get a copy of a police report?",
            "police_report",
            town=WH,
            language="en",
            metadata=meta_wh,
            entities=language("en"),
            slots={"language": "en", "department": WH},
        )
        .rate(at(0, 10.01), "up", "police_report", WH, WH)
        .say(at(0, 10.02), "thanks!", "thank", town=WH, language="en", metadata=meta_wh)
        .ends("answer"),
        Conversation("web-bbbbbbbb22", "widget")
        .say(
            at(0, 11),
            "¿Dónde está la estación de policía?",
            "station_location",
            town=WH,
            language="es",
            metadata=meta_wh,
            entities=language("es"),
            slots={"language": "es"},
        )
        # a change of mind: one vote, the latest
        .rate(at(0, 11.01), "down", "station_location", WH, WH)
        .rate(at(0, 11.02), "up", "station_location", WH, WH)
        .say(at(0, 11.05), "ok", "affirm", town=WH, language="es", metadata=meta_wh)
        .ends("answer"),
        Conversation("+18605551234", "sms")
        .say(
            at(1, 9),
            "my house is on fire",
            "emergency",
            town=DANBURY,
            language="en",
            metadata=meta_danbury,
            entities=language("en"),
            slots={"language": "en"},
            action="utter_emergency",
        )
        .ends("urgent"),
        Conversation("rest-clerk-test", "rest")
        .say(
            at(1, 14),
            SCRIPT,
            "nlu_fallback",
            town=DANBURY,
            language="unknown",
            metadata=meta_danbury,
        )
        .say(
            at(1, 14.02),
            FORMULA,
            "nlu_fallback",
            town=DANBURY,
            language="unknown",
            metadata=meta_danbury,
        )
        .say(
            at(1, 14.04),
            "@SUM(1+1)",
            "out_of_scope",
            town=DANBURY,
            language="unknown",
            metadata=meta_danbury,
        )
        .ends("unanswered"),
        Conversation("web-cccccccc33", "widget")
        .say(
            at(2, 16),
            "Posso estacionar na rua à noite?",
            "overnight_parking",
            town=WH,
            language="pt",
            metadata=meta_wh,
            entities=language("pt"),
            slots={"language": "pt"},
        )
        .say(
            at(2, 16.1),
            "Quero falar com uma pessoa",
            "human_handoff",
            town=WH,
            language="pt",
            metadata=meta_wh,
            action="utter_human_handoff",
        )
        .rate(at(2, 16.05), "down", "overnight_parking", WH, WH)
        .ends("handoff"),
        # No town anywhere until the resident answers "Which town?": both messages are Danbury's.
        Conversation("sms-test-0001", "sms")
        .say(
            at(2, 18),
            "where is the police station",
            "station_location",
            town=DANBURY,
            language="en",
            entities=language("en"),
            slots={"language": "en", "pending_topic": "station_location"},
            reply="Which town are you in?",
        )
        .say(
            at(2, 18.02),
            "Danbury",
            "set_town",
            town=DANBURY,
            language="en",
            entities=[{"entity": "department", "value": DANBURY}],
            slots={"department": DANBURY, "pending_topic": None},
            action="action_set_town",
        )
        .ends("answer"),
    ]
    # Three residents ask the same thing three ways: one group of 3 (2 exact, 1 similar).
    potholes = [
        (at(3, 9), "can you fix the pothole on my street"),
        (at(3, 12), "can you fix the pot hole on my street?"),
        (at(4, 8), "Can you fix the pothole on my street!!"),
    ]
    for n, (ts, text) in enumerate(potholes):
        c.append(
            Conversation(f"web-pothole00{n}", "widget")
            .say(
                ts,
                text,
                "out_of_scope",
                town=WH,
                language="en",
                metadata=meta_wh,
                entities=language("en"),
                slots={"language": "en"},
                action="utter_out_of_scope",
            )
            .ends("unanswered")
        )
    c += [
        Conversation("rest-quiet-one", "rest")
        .say(at(4, 10), "hello", "greet", town=None, language="unknown", action="utter_greet")
        .ends("no_question"),
        # Two sessions: an urgent one, then a question hours later; the town from the session's
        # metadata, the language carried over into the new session.
        Conversation("web-eeeeeeee55", "widget")
        .start_session(at(5, 8), town=WH)
        .say(
            at(5, 8.01),
            "I want to end my life",
            "crisis",
            town=WH,
            language="en",
            entities=language("en"),
            slots={"language": "en"},
            action="utter_crisis",
        )
        .ends("urgent")
        .start_session(at(5, 20), town=WH, language="en")
        .say(
            at(5, 20.01), "how do I pay a parking ticket", "parking_ticket", town=WH, language="en"
        )
        .rate(at(5, 20.02), "up", "parking_ticket", WH, WH)
        .ends("answer"),
        Conversation("+12035550199", "sms")
        .say(
            at(6, 22),
            "mi novio me pega",
            "domestic_violence",
            town=DANBURY,
            language="es",
            metadata=meta_danbury,
            entities=language("es"),
            slots={"language": "es"},
            action="utter_domestic_violence",
        )
        .ends("urgent"),
        # Asked which town, never said: no town, not answered.
        Conversation("rest-nowhere-1", "rest")
        .say(
            at(6, 13),
            "how do I get a police report",
            "police_report",
            town=None,
            language="en",
            entities=language("en"),
            slots={"language": "en", "pending_topic": "police_report"},
            reply="Which town are you in?",
        )
        .ends("unanswered"),
        # Outside the period on both sides: not counted.
        Conversation("web-ffffffff66", "widget")
        .say(
            at(-1, 23.5),
            "before",
            "police_report",
            town=WH,
            language="en",
            metadata=meta_wh,
            counted=False,
        )
        .say(
            at(7, 0.5),
            "after",
            "police_report",
            town=WH,
            language="en",
            metadata=meta_wh,
            counted=False,
        )
        # Rated in the period although asked before it; a town nobody serves counts for no town.
        .rate(at(0, 1), "up", "police_report", WH, WH)
        .rate(at(0, 1.5), "up", "accident_report", "gotham", None),
        # Danbury: a rating in the period, and a later one after it that must not replace it.
        Conversation("web-hhhhhhhh88", "widget")
        .say(
            at(-2, 9),
            "how do I get a police report",
            "police_report",
            town=DANBURY,
            language="en",
            metadata=meta_danbury,
            counted=False,
        )
        .rate(at(3, 9), "down", "police_report", DANBURY, DANBURY)
        .rate(at(7, 9), "up", "police_report", DANBURY, DANBURY),
        # Began the evening before the period: its town and language come from then.
        Conversation("web-gggggggg77", "widget")
        .start_session(at(-1, 23.8), town=WH)
        .say(
            at(-1, 23.9),
            "how do I get a police report",
            "police_report",
            town=WH,
            language="en",
            metadata=meta_wh,
            entities=language("en"),
            slots={"language": "en"},
            counted=False,
        )
        .say(at(0, 0.1), "and an accident report?", "accident_report", town=WH, language="en")
        .ends("answer"),
        # A department nobody serves: no town.
        Conversation("rest-stranger-1", "rest")
        .say(
            at(6, 9),
            "hi",
            "greet",
            town=None,
            language="unknown",
            metadata={"department": "gotham"},
            action="utter_greet",
        )
        .ends("no_question"),
    ]
    return c


def today_conversation() -> Conversation:
    """A message a minute ago: the page's default period (the last 7 days) shows it alone."""
    return Conversation("web-today0000001", "widget").say(
        time.time() - 60,
        "where do I pay a parking ticket",
        "parking_ticket",
        town=WH,
        language="en",
        metadata={"department": WH},
    )


def write(path: Path, written: list[Conversation]) -> None:
    """Through Rasa's SQLTrackerStore, as the running assistant stores conversations."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.slots import AnySlot
    from rasa.shared.core.trackers import DialogueStateTracker

    store = SQLTrackerStore(dialect="sqlite", db=str(path))
    names = ("department", "language", "pending_topic", "session_started_metadata", "rating")
    slots = [AnySlot(name, mappings=[{"type": "custom"}]) for name in names]
    for conversation in written:
        tracker = DialogueStateTracker.from_events(
            conversation.sender, conversation.events, slots=slots
        )
        asyncio.run(store.save(tracker))
    store.engine.dispose()


# --- the oracle: what the page must show, from the truths -----------------------------------------
def truths(written: list[Conversation], town: str | None = "all") -> list[Truth]:
    found = [t for c in written for t in c.truths if START <= t.day <= END]
    return found if town == "all" else [t for t in found if t.town == town]


def expected_daily(found: list[Truth]) -> list[list[str]]:
    rows = []
    for n in range(7):
        day = START + dt.timedelta(days=n)
        on = [t for t in found if t.day == day]
        channels, languages = Counter(t.channel for t in on), Counter(t.language for t in on)
        rows.append(
            [
                day.isoformat(),
                len(on),
                len({t.conversation for t in on}),
                *(channels[c] for c in CHANNEL_NAMES),
                *(languages[code] for code in LANGUAGE_NAMES),
            ]
        )
    return [[str(cell) for cell in row] for row in rows]


def expected_ratings(written: list[Conversation], town: str | None = "all") -> list[list[str]]:
    """Per topic: helpful, not helpful, all; the latest rating of each conversation and topic in
    the period; most rated first, then by name; and the closing total."""
    latest: dict[tuple[str, str], RatingTruth] = {}
    for rating in sorted((r for c in written for r in c.ratings), key=lambda r: r.timestamp):
        if START <= rating.day <= END and (town == "all" or rating.town == town):
            latest[(rating.conversation, rating.topic)] = rating
    counts: dict[str, Counter[str]] = {}
    for rating in latest.values():
        counts.setdefault(rating.topic, Counter())[rating.rating] += 1
    ranked = sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    rows = [[topic, c["up"], c["down"], c["up"] + c["down"]] for topic, c in ranked]
    ups = sum(c["up"] for c in counts.values())
    rows.append(["All topics", ups, len(latest) - ups, len(latest)])
    return [[str(cell) for cell in row] for row in rows]


def expected_outcomes(written: list[Conversation], found: list[Truth]) -> dict[str, int]:
    keys = {t.conversation for t in found}
    ends = Counter(o for c in written for key, o in c.outcomes.items() if key in keys)
    return dict(ends)


# --- reading the page -----------------------------------------------------------------------------
class Tables(HTMLParser):
    """Each <table id=...>: its rows as cell texts; and the text of each element with an id."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.ids: dict[str, str] = {}
        self._table: str | None = None
        self._cell: list[str] | None = None
        self._open_id: tuple[str, list[str]] | None = None
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "table" and attributes.get("id"):
            self._table = str(attributes["id"])
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self.tables[self._table].append([])
        elif tag in ("td", "th") and self._table:
            self._cell = []
        elif tag == "caption":
            self._in_caption = True
        if tag == "dd" and attributes.get("id"):
            self._open_id = (str(attributes["id"]), [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._table = None
        elif tag in ("td", "th") and self._table and self._cell is not None:
            self.tables[self._table][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "caption":
            self._in_caption = False
        elif tag == "dd" and self._open_id:
            self.ids[self._open_id[0]] = "".join(self._open_id[1]).strip()
            self._open_id = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._in_caption:
            self._cell.append(data)
        if self._open_id:
            self._open_id[1].append(data)


def read_page(html: str) -> Tables:
    parser = Tables()
    parser.feed(html)
    return parser


def body_rows(parsed: Tables, name: str) -> list[list[str]]:
    """A table's rows without its header row."""
    return parsed.tables[f"table-{name}"][1:]


def read_csv(reply: requests.Response) -> list[list[str]]:
    assert reply.status_code == 200, reply.text
    assert reply.headers["Content-Type"].startswith("text/csv")
    assert reply.headers["Content-Disposition"].startswith("attachment; filename=")
    return list(csv.reader(io.StringIO(reply.content.decode("utf-8-sig"))))


# --- the running app ------------------------------------------------------------------------------
@dataclass
class Staff:
    base: str
    process: subprocess.Popen
    written: list[Conversation]
    log: Path

    def get(
        self, path: str, params: dict[str, str] | None = None, **kwargs: Any
    ) -> requests.Response:
        headers = {"Authorization": f"Bearer {TOKEN}", **kwargs.pop("headers", {})}
        return requests.get(
            f"{self.base}{path}", params=params, headers=headers, timeout=30, **kwargs
        )


def environment(tmp: Path, token: str | None) -> dict[str, str]:
    env = {
        **os.environ,
        "DATA_DIR": str(tmp),
        "TZ": ZONE_NAME,
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }
    for name in ("DATABASE_URL", "STAFF_TOKEN", "KNOWLEDGE_DIR", "POSTGRESQL_SCHEMA"):
        env.pop(name, None)
    if token is not None:
        env["STAFF_TOKEN"] = token
    return env


@pytest.fixture(scope="module")
def staff(tmp_path_factory) -> Iterator[Staff]:
    tmp = tmp_path_factory.mktemp("staff")
    written = [*conversations(), today_conversation()]
    write(tmp / "conversations.sqlite3", written)
    port = free_port()
    log = tmp / "staff.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "staff", "--port", str(port)],
            cwd=ROOT,
            env=environment(tmp, TOKEN),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, log.read_text()
        try:
            if requests.get(f"{base}/health", timeout=2).status_code == 200:
                break
        except requests.RequestException:
            pass
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.3)
    yield Staff(base, process, written, log)
    process.terminate()
    process.wait(timeout=30)


# --- the numbers ----------------------------------------------------------------------------------
def test_the_written_conversations_are_what_the_oracle_counts(staff: Staff) -> None:
    """The oracle itself, by hand: 22 messages in 16 conversations in the period."""
    every = truths(staff.written)
    assert len(every) == 22 and len({t.conversation for t in every}) == 16
    assert len(truths(staff.written, WH)) == 12 and len(truths(staff.written, DANBURY)) == 7
    assert len(truths(staff.written, None)) == 3


@pytest.mark.parametrize("town", [None, WH, DANBURY])
def test_page_and_csv_numbers_equal_the_conversations_written(
    staff: Staff, town: str | None
) -> None:
    params = {**PERIOD, **({"town": town} if town else {})}
    reply = staff.get("/", params)
    assert reply.status_code == 200, reply.text
    page = read_page(reply.text)
    found = truths(staff.written, "all" if town is None else town)

    assert page.ids["count-messages"] == str(len(found))
    assert page.ids["count-conversations"] == str(len({t.conversation for t in found}))
    assert page.ids["count-unanswered"] == str(sum(t.intent in UNANSWERED for t in found))
    assert page.ids["count-urgent"] == str(sum(t.intent in URGENT for t in found))

    daily = expected_daily(found)
    assert body_rows(page, "messages-per-day")[:7] == daily
    assert read_csv(staff.get("/csv/messages-per-day.csv", params))[1:8] == daily
    total = body_rows(page, "messages-per-day")[7]
    assert total[:3] == ["All days", str(len(found)), str(len({t.conversation for t in found}))]

    for name, key, labels in (
        ("channels", "channel", CHANNEL_NAMES),
        ("languages", "language", LANGUAGE_NAMES),
    ):
        rows = []
        for code, label in labels.items():
            on = [t for t in found if getattr(t, key) == code]
            rows.append([label, str(len(on)), str(len({t.conversation for t in on}))])
        assert body_rows(page, name) == rows, name
        assert read_csv(staff.get(f"/csv/{name}.csv", params))[1:] == rows

    topics = Counter(t.intent for t in found)
    shown = {row[0]: int(row[1]) for row in body_rows(page, "topics")}
    assert shown == dict(topics)
    counts = [int(row[1]) for row in body_rows(page, "topics")]
    assert counts == sorted(counts, reverse=True)  # the top topics first
    assert {r[0]: int(r[1]) for r in read_csv(staff.get("/csv/topics.csv", params))[1:]} == topics

    labels = {
        "Answered": "answer",
        "“Call us” (asked for a person)": "handoff",
        "Urgent reply": "urgent",
        "Not answered": "unanswered",
        "No question (greetings, thanks)": "no_question",
    }
    ends = expected_outcomes(staff.written, found)
    outcome_rows = body_rows(page, "outcomes")
    assert {labels[r[0]]: int(r[1]) for r in outcome_rows[:-1]} == {
        code: ends.get(code, 0) for code in labels.values()
    }
    assert outcome_rows[-1] == ["All conversations", str(sum(ends.values()))]

    urgent = []
    for n in range(7):
        day = START + dt.timedelta(days=n)
        on = Counter(t.intent for t in found if t.day == day and t.intent in URGENT)
        urgent.append([day.isoformat(), *(str(on[i]) for i in URGENT), str(sum(on.values()))])
    assert body_rows(page, "urgent-per-day")[:7] == urgent
    assert read_csv(staff.get("/csv/urgent-per-day.csv", params))[1:8] == urgent

    ratings = expected_ratings(staff.written, "all" if town is None else town)
    assert body_rows(page, "ratings") == ratings
    assert read_csv(staff.get("/csv/ratings.csv", params))[1:] == ratings


def test_the_numbers_by_hand(staff: Staff) -> None:
    """A few figures written out, so the oracle above is not the only witness."""
    page = read_page(staff.get("/", PERIOD).text)
    assert page.ids["count-messages"] == "22" and page.ids["count-conversations"] == "16"
    assert body_rows(page, "outcomes") == [
        ["Answered", "5"],
        ["“Call us” (asked for a person)", "1"],
        ["Urgent reply", "3"],
        ["Not answered", "5"],
        ["No question (greetings, thanks)", "2"],
        ["All conversations", "16"],
    ]
    assert body_rows(page, "towns") == [
        ["Danbury", "7", "4", "3", "2"],
        ["West Hartford", "12", "9", "3", "1"],
        ["No town", "3", "3", "0", "0"],
    ]
    assert body_rows(page, "channels") == [
        ["Web widget", "12", "9"],
        ["SMS", "4", "3"],
        ["REST", "6", "4"],
        ["Other", "0", "0"],
    ]
    danbury = read_page(staff.get("/", {**PERIOD, "town": DANBURY}).text)
    assert body_rows(danbury, "urgent-per-day")[1] == [
        (START + dt.timedelta(1)).isoformat(),
        "1",
        "0",
        "0",
        "1",
    ]
    assert body_rows(danbury, "urgent-per-day")[7] == ["All days", "1", "0", "1", "2"]


def test_the_ratings_by_hand(staff: Staff) -> None:
    """Helpful / not helpful per topic: one vote per conversation and topic (its latest in the
    period), counted by when it was given, per town (a town nobody serves: all towns only)."""
    everyone = read_page(staff.get("/", PERIOD).text)
    assert everyone.tables["table-ratings"][0] == ["Topic", "Helpful", "Not helpful", "All ratings"]
    assert body_rows(everyone, "ratings") == [
        ["police_report", "2", "1", "3"],
        ["accident_report", "1", "0", "1"],
        ["overnight_parking", "0", "1", "1"],
        ["parking_ticket", "1", "0", "1"],
        ["station_location", "1", "0", "1"],
        ["All topics", "5", "2", "7"],
    ]
    wh = read_page(staff.get("/", {**PERIOD, "town": WH}).text)
    assert body_rows(wh, "ratings")[0] == ["police_report", "2", "0", "2"]
    assert body_rows(wh, "ratings")[-1] == ["All topics", "4", "1", "5"]
    danbury = read_page(staff.get("/", {**PERIOD, "town": DANBURY}).text)
    assert body_rows(danbury, "ratings") == [
        ["police_report", "0", "1", "1"],
        ["All topics", "0", "1", "1"],
    ]
    table = read_csv(staff.get("/csv/ratings.csv", {**PERIOD, "town": DANBURY}))
    assert table == [
        ["Topic", "Helpful", "Not helpful", "All ratings"],
        *body_rows(danbury, "ratings"),
    ]
    # The rated conversations' messages are counted as before: a rating is not a message.
    assert everyone.ids["count-messages"] == "22"
    today = staff.get("/").text
    assert "No ratings in this period." in today and 'id="table-ratings"' not in today


def test_the_default_period_is_the_last_seven_days(staff: Staff) -> None:
    page = read_page(staff.get("/").text)
    assert page.ids["count-messages"] == "1" and page.ids["count-conversations"] == "1"
    assert len(body_rows(page, "messages-per-day")) == 7 + 1  # seven days and the total


def test_unanswered_questions_newest_first_with_similar_ones_counted(staff: Staff) -> None:
    page = read_page(staff.get("/", PERIOD).text)
    rows = body_rows(page, "unanswered")
    assert [row[2] for row in rows] == ["3", "1", "1", "1"]
    assert rows[0][1].startswith("Can you fix the pothole on my street!!")
    assert "can you fix the pot hole on my street?" in rows[0][1]  # the similar wording, shown
    assert [row[1] for row in rows[1:]] == ["@SUM(1+1)", FORMULA, SCRIPT]
    assert rows[0][0] == dt.datetime.fromtimestamp(at(4, 8), ZONE).strftime("%Y-%m-%d %H:%M")
    assert rows[0][4] == "West Hartford" and rows[1][4] == "Danbury"

    table = read_csv(staff.get("/csv/unanswered.csv", PERIOD))
    assert table[0][:3] == ["Last asked", "Question (as stored)", "Times asked"]
    assert [row[2] for row in table[1:]] == ["3", "1", "1", "1"]
    assert (
        table[1][5]
        == "can you fix the pot hole on my street? | can you fix the pothole on my street"
    )

    wh = read_page(staff.get("/", {**PERIOD, "town": WH}).text)
    assert [row[2] for row in body_rows(wh, "unanswered")] == ["3"]


def test_urgent_texts_are_never_shown(staff: Staff) -> None:
    for params in (PERIOD, {**PERIOD, "town": DANBURY}, {**PERIOD, "town": WH}):
        html = staff.get("/", params).text
        for text in ("my house is on fire", "I want to end my life", "mi novio me pega"):
            assert text not in html
        for name in ("unanswered", "topics", "urgent-per-day", "messages-per-day"):
            assert "on fire" not in staff.get(f"/csv/{name}.csv", params).text


def test_a_residents_script_is_shown_as_text(staff: Staff) -> None:
    html = staff.get("/", PERIOD).text
    assert SCRIPT not in html and "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_csv_formula_injection_is_neutralised(staff: Staff) -> None:
    table = read_csv(staff.get("/csv/unanswered.csv", PERIOD))
    questions = [row[1] for row in table[1:]]
    assert "'" + FORMULA in questions and "'@SUM(1+1)" in questions
    assert SCRIPT in questions  # only formulas get the quote
    for row in table:
        for cell in row:
            assert not cell.lstrip().startswith(("=", "+", "-", "@")), cell


def test_charts_are_svg_with_alt_text_and_the_numbers_in_tables(staff: Staff) -> None:
    page = staff.get("/", PERIOD).text
    images = re.findall(r'<img src="([^"]+)" alt="([^"]+)"', page)
    assert len(images) == 2
    for src, _alt in images:
        chart = staff.get(src.replace("&amp;", "&"))
        assert chart.status_code == 200 and chart.headers["Content-Type"] == "image/svg+xml"
        assert chart.content.lstrip().startswith(b"<?xml") and b"<svg" in chart.content
        assert "<script" not in chart.text
    assert "22 messages" in images[0][1]
    assert "out_of_scope 4" in images[1][1]  # the most asked topic leads the description


def test_bad_periods_are_refused_plainly(staff: Staff) -> None:
    assert staff.get("/", {"from": "yesterday"}).status_code == 400
    assert staff.get("/", {"from": "2025-03-09", "to": "2025-03-01"}).status_code == 400
    assert staff.get("/", {"from": "2020-01-01", "to": "2025-01-01"}).status_code == 400
    assert staff.get("/", {"town": "gotham"}).status_code == 400
    assert staff.get("/csv/nothing.csv", PERIOD).status_code == 404


# --- the token rules ------------------------------------------------------------------------------
def test_no_token_the_app_refuses_to_start(tmp_path: Path) -> None:
    for token in (None, "", "short"):
        done = subprocess.run(
            [sys.executable, "-m", "staff", "--port", str(free_port())],
            cwd=ROOT,
            env=environment(tmp_path, token),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2
        assert "STAFF_TOKEN" in done.stderr and "does not start" in done.stderr


def test_a_missing_or_wrong_bearer_gets_401_and_no_hint(staff: Staff) -> None:
    for path in ("/", "/csv/unanswered.csv", "/charts/messages.svg"):
        plain = requests.get(f"{staff.base}{path}", timeout=10)
        assert plain.status_code == 401
        for wrong in (f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", "Bearer ", f"Basic {TOKEN}"):
            reply = requests.get(
                f"{staff.base}{path}", headers={"Authorization": wrong}, timeout=10
            )
            assert reply.status_code == 401
            assert reply.text == plain.text  # the same answer, whatever was wrong
        assert "Not answered" not in plain.text and SCRIPT not in plain.text
    assert staff.get("/").status_code == 200
    assert staff.get("/", headers={"Authorization": f"bearer {TOKEN}"}).status_code == 200


def test_the_login_form_sets_an_httponly_strict_cookie(staff: Staff) -> None:
    session = requests.Session()
    form = session.get(f"{staff.base}/login", timeout=10)
    assert form.status_code == 200 and 'name="token"' in form.text

    wrong = session.post(
        f"{staff.base}/login", data={"token": "nope"}, timeout=10, allow_redirects=False
    )
    assert wrong.status_code == 401 and "Set-Cookie" not in wrong.headers

    signed = session.post(
        f"{staff.base}/login", data={"token": TOKEN, "next": "/"}, timeout=10, allow_redirects=False
    )
    assert signed.status_code == 303 and signed.headers["Location"] == "/"
    cookie = signed.headers["Set-Cookie"]
    assert cookie.startswith("staff_session=")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    page = session.get(f"{staff.base}/", params=PERIOD, timeout=10)
    assert page.status_code == 200 and read_page(page.text).ids["count-messages"] == "22"

    forged = requests.get(f"{staff.base}/", cookies={"staff_session": "made-up"}, timeout=10)
    assert forged.status_code == 401
    elsewhere = session.post(
        f"{staff.base}/logout", headers={"Origin": "http://evil.example"}, timeout=10
    )
    assert elsewhere.status_code == 403  # a cross-site form cannot sign anyone out (or in)
    old = dict(session.cookies)
    session.post(f"{staff.base}/logout", timeout=10, allow_redirects=False)
    assert requests.get(f"{staff.base}/", cookies=old, timeout=10).status_code == 401


def test_after_signing_in_the_page_asked_for_opens(staff: Staff) -> None:
    session = requests.Session()
    first = session.get(f"{staff.base}/csv/topics.csv", params=PERIOD, timeout=10)
    assert first.status_code == 401
    target = re.search(r'name="next" value="([^"]+)"', first.text).group(1).replace("&amp;", "&")
    assert target.startswith("/csv/topics.csv?")
    signed = session.post(f"{staff.base}/login", data={"token": TOKEN, "next": target}, timeout=10)
    assert signed.status_code == 200 and signed.headers["Content-Type"].startswith("text/csv")
    away = session.post(
        f"{staff.base}/login",
        data={"token": TOKEN, "next": "//evil.example/"},
        timeout=10,
        allow_redirects=False,
    )
    assert away.headers["Location"] == "/"


def test_security_headers_on_every_answer(staff: Staff) -> None:
    replies = [
        staff.get("/", PERIOD),
        staff.get("/csv/topics.csv", PERIOD),
        requests.get(f"{staff.base}/", timeout=10),
        requests.get(f"{staff.base}/login", timeout=10),
        requests.get(f"{staff.base}/no-such-page", timeout=10),
    ]
    for reply in replies:
        csp = reply.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
        assert "script-src" not in csp and "unsafe" not in csp  # no script at all
        assert reply.headers["X-Frame-Options"] == "DENY"
        assert reply.headers["Cache-Control"] == "no-store"
        assert reply.headers["X-Content-Type-Options"] == "nosniff"


def test_it_listens_on_loopback_and_nothing_is_written(staff: Staff) -> None:
    port = int(staff.base.rsplit(":", 1)[1])
    addresses = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
    for address in addresses:
        if not address.startswith(("127.", "fe80:")) and address != "::1":
            with pytest.raises(OSError):
                socket.create_connection((address, port), timeout=3).close()
    database = Path(staff.log).parent / "conversations.sqlite3"
    before = database.stat().st_mtime_ns, database.stat().st_size
    staff.get("/", PERIOD)
    assert (database.stat().st_mtime_ns, database.stat().st_size) == before


def test_the_query_module_refuses_writes(tmp_path: Path, monkeypatch) -> None:
    """Its connections are read-only: a bug could not change a conversation."""
    import sqlalchemy as sa

    from staff import queries

    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    write(tmp_path / "conversations.sqlite3", [today_conversation()])
    queries.engine.cache_clear()
    try:
        with queries.engine().connect() as connection:
            assert connection.execute(sa.text("SELECT count(*) FROM events")).scalar() > 0
            with pytest.raises(sa.exc.OperationalError):
                connection.execute(sa.text("DELETE FROM events"))
    finally:
        queries.engine.cache_clear()


def test_no_conversations_yet_is_an_empty_page(tmp_path: Path) -> None:
    import sqlalchemy as sa

    from staff import queries

    db = sa.create_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    report = queries.report(queries.Period.last_days(), None, {WH: "West Hartford"}, db)
    assert report.messages == 0 and report.questions == [] and len(report.daily.rows) == 7


# --- in a real browser ----------------------------------------------------------------------------
def _axe(page: Any, name: str) -> list[str]:
    """axe-core's WCAG 2.1 A/AA rules on the page: its serious and critical violations. axe is
    evaluated through the DevTools protocol, so the page's CSP (no script at all) stays on."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => await axe.run(document, {
             runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(result["violations"], indent=1))
    assert result["passes"], "axe checked nothing"
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.browser
def test_the_page_in_chromium_with_axe(staff: Staff) -> None:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"no Chromium at {CHROMIUM}: `make test` installs it (make browser)")
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: `make test` installs it (make browser)")
    from playwright.sync_api import sync_playwright

    flags = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=flags)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("dialog", lambda dialog: problems.append(f"dialog: {dialog.message}"))

        wanted = f"/?from={START.isoformat()}&to={END.isoformat()}"
        page.goto(f"{staff.base}/login?{urlencode({'next': wanted})}")
        assert page.get_by_role("heading", name="Sign in").is_visible()
        serious = _axe(page, "staff-login")
        assert serious == [], "\n".join(serious)
        page.get_by_label("Staff token").fill(TOKEN)
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("heading", name="Questions it could not answer").wait_for()
        assert page.locator("#count-messages").inner_text() == "22"
        assert page.get_by_text(SCRIPT, exact=True).is_visible()  # the resident's text, as text
        for image in page.locator("img").all():
            drawn = "img => img.decode().then(() => img.naturalWidth > 0, () => false)"
            assert image.evaluate(drawn), "a chart did not load"
        cookies = {c["name"]: c for c in context.cookies()}
        assert (
            cookies["staff_session"]["httpOnly"]
            and cookies["staff_session"]["sameSite"] == "Strict"
        )
        assert page.evaluate("() => document.cookie") == ""  # no script can read the session

        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "staff-page.png"), full_page=True)
        serious = _axe(page, "staff-page")
        assert serious == [], "\n".join(serious)
        assert problems == [], problems  # no CSP violation, no script error, no alert
        browser.close()


# --- make run -------------------------------------------------------------------------------------
def test_make_run_adds_the_staff_page_only_with_a_token(tmp_path: Path, monkeypatch) -> None:
    """bot.supervise's main as scripts/run.sh calls it, up to where it would supervise."""
    from bot import supervise

    started: list[list[supervise.Child]] = []
    monkeypatch.setattr(
        supervise.Supervisor, "run", lambda self: started.append(self.children) or 0
    )
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"")
    argv = ["--model", str(model), "--staff-port", "6077"]
    monkeypatch.delenv("ACTION_SERVER_TOKEN", raising=False)

    monkeypatch.delenv("STAFF_TOKEN", raising=False)
    assert supervise.main(argv) == 0
    assert [c.name for c in started[-1]] == ["actions", "rasa:5005"]

    monkeypatch.setenv("STAFF_TOKEN", TOKEN)
    assert supervise.main(argv) == 0
    staff = started[-1][-1]
    assert staff.name == "staff" and staff.argv[1:] == ["-m", "staff", "--port", "6077"]

    monkeypatch.setenv("STAFF_TOKEN", "short")
    assert supervise.main(argv) == 2 and len(started) == 2  # refused before anything starts


def test_the_supervised_staff_page_serves_and_stops(tmp_path: Path) -> None:
    port = free_port()
    code = (
        "from bot.supervise import Supervisor, staff_child; "
        f"raise SystemExit(Supervisor([staff_child({port})], grace=10).run())"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment(tmp_path, TOKEN),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                reply = requests.get(
                    f"http://127.0.0.1:{port}/",
                    timeout=2,
                    headers={"Authorization": f"Bearer {TOKEN}"},
                )
                break
            except requests.RequestException:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.3)
        assert reply.status_code == 200  # no conversations yet: an empty page, not an error
        assert read_page(reply.text).ids["count-messages"] == "0"
    finally:
        process.terminate()
        assert process.wait(timeout=30) == 0
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


# --- PostgreSQL -----------------------------------------------------------------------------------
def _postgresql_reachable() -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", 5432)) == 0


@pytest.mark.skipif(not _postgresql_reachable(), reason="PostgreSQL is not running on localhost")
def test_the_same_numbers_from_postgresql(monkeypatch) -> None:
    """DATABASE_URL: the same query module on Rasa's PostgreSQL table, read-only there too."""
    import sqlalchemy as sa
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.trackers import DialogueStateTracker

    from benchmarks.servers import scratch_database
    from staff import queries

    monkeypatch.setenv("TZ", ZONE_NAME)
    time.tzset()
    written = conversations()
    try:
        with scratch_database("staff_test") as url:
            store = SQLTrackerStore(host=url)
            for conversation in written:
                tracker = DialogueStateTracker.from_events(conversation.sender, conversation.events)
                asyncio.run(store.save(tracker))
            store.engine.dispose()
            monkeypatch.setenv("DATABASE_URL", url)
            queries.engine.cache_clear()
            try:
                period = queries.Period(START, END)
                names = {WH: "West Hartford", DANBURY: "Danbury"}
                for town in (None, WH, DANBURY):
                    found = truths(written, "all" if town is None else town)
                    report = queries.report(period, town, names)
                    assert report.messages == len(found)
                    daily = [[str(cell) for cell in row] for row in report.daily.rows]
                    assert daily == expected_daily(found)
                    ends = expected_outcomes(written, found)
                    counts = [row[1] for row in report.outcomes.rows]
                    shown = dict(zip(queries.OUTCOMES, counts, strict=True))
                    assert shown == {code: ends.get(code, 0) for code in queries.OUTCOMES}
                    ratings = [*report.ratings.rows, report.ratings.total]
                    expected = expected_ratings(written, "all" if town is None else town)
                    assert [[str(cell) for cell in row] for row in ratings] == expected
                with queries.engine().connect() as connection, pytest.raises(sa.exc.InternalError):
                    connection.execute(sa.text("DELETE FROM events"))
            finally:
                queries.engine().dispose()
                queries.engine.cache_clear()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
