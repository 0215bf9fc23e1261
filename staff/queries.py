"""The staff page's one query module: Rasa's `events` table, read-only, into the page's tables.

It reads what Rasa's SQLTrackerStore already stores (SQLite by default, PostgreSQL with
DATABASE_URL, through `bot.stores.database_settings`), so nothing extra is written on the message
path. The table's layout is Rasa's own (`SQLTrackerStore.SQLEvent`): one row per event, with
`sender_id`, `type_name` (`user`, `bot`, `action`, `slot`, `session_started`...), `timestamp`,
`intent_name` and the event as JSON in `data`.

Why the counting is done here and not in SQL: a message's town and language are not columns. The
town is the message's `metadata.department`, else the conversation's `session_started_metadata`
or `department` slot as they stood when it was said (bot/actions/town.py's order), else the town
the resident named later in the same conversation (the "Which town?" question); the language is
the message's `language` entity, else the `language` slot. Only replaying each conversation's
events in order tells that. So SQL picks the conversations with a message in the period and their
events; `report` replays them.

Ratings (the widget's "Was this answer helpful?") are `slot` rows of the `rating` slot, which
Rasa's store files under `action_name` (the event's `name`): the value is "up" or "down", the
event's metadata holds the topic and the town (connectors/webchat.py writes them), so they are
read by their own timestamp, without replaying anything.

A "conversation" is a Rasa session: a sender's events from one `session_started` to the next
(a resident who comes back hours later starts a new one). Days are in the server's local time
zone (set TZ, e.g. America/New_York, where the machine is on UTC).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs

from bot.kb.intents import CONVERSATION_INTENTS, DANGER_INTENTS
from bot.languages import SUPPORTED, fold
from bot.stores import database_settings

EVENTS: sa.Table = SQLTrackerStore.SQLEvent.__table__  # Rasa's own definition of the table
# What replaying a conversation reads of each event (load_messages, latest_messages).
_REPLAYED_COLUMNS = (
    EVENTS.c.sender_id,
    EVENTS.c.type_name,
    EVENTS.c.timestamp,
    EVENTS.c.intent_name,
    EVENTS.c.data,
)

CHANNELS: dict[str, str] = {"widget": "Web widget", "sms": "SMS", "rest": "REST", "other": "Other"}
LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Spanish",
    "pt": "Portuguese",
    "unknown": "Not shown",
}
OUTCOMES: dict[str, str] = {
    "answer": "Answered",
    "handoff": "“Call us” (asked for a person)",
    "urgent": "Urgent reply",
    "unanswered": "Not answered",
    "no_question": "No question (greetings, thanks)",
}
URGENT_COLUMNS: dict[str, str] = {
    "emergency": "Emergency",
    "crisis": "Crisis",
    "domestic_violence": "Domestic violence",
}
# Not understood (the fallback) or outside what it answers. A "did you mean" that the resident
# declines will join these once the assistant asks it (issue 15).
UNANSWERED_INTENTS: dict[str, str] = {
    "nlu_fallback": "Not understood",
    "out_of_scope": "Out of scope",
}
HANDOFF_INTENTS = frozenset({"human_handoff"})
# Turns that ask nothing of the knowledge: they neither answer nor fail a conversation.
SMALL_TALK = frozenset(CONVERSATION_INTENTS) - HANDOFF_INTENTS - set(UNANSWERED_INTENTS)
RATINGS: dict[str, str] = {"up": "Helpful", "down": "Not helpful"}
RATING_SLOT = "rating"
MAX_DAYS = 366
MAX_SIMILAR_GROUPING = 5000  # distinct unanswered wordings compared; beyond it, exact groups only
SIMILARITY = 0.8  # cosine of two wordings' character trigrams counted as "similar"
_PHONE = re.compile(r"\+?\d{7,15}")
_INPUT_CHANNELS = {"webchat": "widget", "sms": "sms", "rest": "rest"}


# --- the database ---------------------------------------------------------------------------------
def _read_only(dialect: str):
    """A connect hook that makes every connection refuse writes: the page can only read."""

    def hook(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        if dialect == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        elif dialect == "postgresql":
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        cursor.close()
        connection.commit()  # a SET in a transaction that is rolled back would be undone

    return hook


@functools.lru_cache(maxsize=1)
def engine() -> sa.engine.Engine:
    """An engine on the tracker store's database, built as SQLTrackerStore builds its own."""
    url = SQLTrackerStore.get_db_url(**database_settings())
    built = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
    sa.event.listen(built, "connect", _read_only(built.dialect.name))
    return built


# --- the period -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Period:
    """From one day to another, both included, in the server's local time."""

    start: dt.date
    end: dt.date

    @classmethod
    def last_days(cls, days: int = 7, today: dt.date | None = None) -> Period:
        today = today or dt.date.today()
        return cls(today - dt.timedelta(days=days - 1), today)

    @classmethod
    def parse(cls, start: str | None, end: str | None) -> Period:
        """From the page's `from` and `to` (YYYY-MM-DD); either may be missing. ValueError if
        a date is malformed, the period is backwards or longer than MAX_DAYS."""
        default = cls.last_days()
        to = dt.date.fromisoformat(end) if end else default.end
        since = dt.date.fromisoformat(start) if start else to - dt.timedelta(days=6)
        if since > to:
            raise ValueError("the period ends before it starts")
        if (to - since).days + 1 > MAX_DAYS:
            raise ValueError(f"the period is longer than {MAX_DAYS} days")
        return cls(since, to)

    def bounds(self) -> tuple[float, float]:
        """[start, end) as epoch seconds: local midnight of the first day and after the last."""
        low = dt.datetime.combine(self.start, dt.time())
        high = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time())
        return low.timestamp(), high.timestamp()

    def days(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=n) for n in range((self.end - self.start).days + 1)]


# --- one conversation replayed --------------------------------------------------------------------
@dataclass(frozen=True)
class Message:
    """One resident message, with what its conversation knew when it was said."""

    conversation: tuple[str, int]  # (sender id, session number)
    timestamp: float
    channel: str
    town: str | None
    language: str
    intent: str | None
    text: str

    @property
    def day(self) -> dt.date:
        return dt.datetime.fromtimestamp(self.timestamp).date()


def channel_of(sender_id: str, input_channel: Any = None) -> str:
    """The channel from the sender id each connector gives (connectors/*.py): `web-…` the
    widget, `rest-…` REST, an E.164 number (or `sms-…`) SMS; else what Rasa recorded."""
    if sender_id.startswith("web-"):
        return "widget"
    if sender_id.startswith("rest-"):
        return "rest"
    if sender_id.startswith("sms-") or _PHONE.fullmatch(sender_id):
        return "sms"
    return (
        _INPUT_CHANNELS.get(input_channel, "other") if isinstance(input_channel, str) else "other"
    )


def _loads(data: str | None) -> dict[str, Any]:
    try:
        value = json.loads(data or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _entity(parse: dict[str, Any], name: str) -> Any:
    entities = parse.get("entities")
    for entity in entities if isinstance(entities, list) else []:
        if isinstance(entity, dict) and entity.get("entity") == name:
            return entity.get("value")
    return None


@dataclass
class _State:
    """A conversation's slots as Rasa's tracker has them (a new session resets them; the
    carried-over ones come back as SlotSet events right after `session_started`)."""

    session: int = 0
    town_slot: str | None = None
    session_town: str | None = None
    language: str | None = None
    pending: str | None = None  # `pending_topic`: a question waiting for the resident's town


def replay(
    sender_id: str, rows: Iterable[Any], low: float, high: float, towns: frozenset[str]
) -> tuple[list[Message], dict[tuple[str, int], str | None]]:
    """One sender's events, oldest first → its messages in [low, high), and each session's
    `pending_topic` at its end (set: it ended waiting for the resident to name a town)."""

    def known(value: Any) -> str | None:
        return value if isinstance(value, str) and value in towns else None

    state = _State()
    found: list[tuple[Message, bool]] = []  # (message, its town was known when it was said)
    last_town: dict[int, str | None] = {}
    pending: dict[tuple[str, int], str | None] = {}
    for row in rows:
        if row.type_name == "session_started":
            state = _State(session=state.session + 1)
            continue
        data = _loads(row.data)
        if row.type_name == "slot":
            name, value = data.get("name"), data.get("value")
            if name == "department":
                state.town_slot = known(value)
            elif name == "session_started_metadata" and isinstance(value, dict):
                state.session_town = known(value.get("department"))
            elif name == "language":
                state.language = value if value in SUPPORTED else None
            elif name == "pending_topic":
                state.pending = value if isinstance(value, str) else None
                pending[(sender_id, state.session)] = state.pending
            town = state.session_town or state.town_slot
            if town:
                last_town[state.session] = town
            continue
        metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
        parse = data.get("parse_data") if isinstance(data.get("parse_data"), dict) else {}
        town = known(metadata.get("department")) or state.session_town or state.town_slot
        if town:
            last_town[state.session] = town
        language = _entity(parse, "language")
        language = language if language in SUPPORTED else state.language
        if row.timestamp is None or not low <= row.timestamp < high:
            continue
        message = Message(
            conversation=(sender_id, state.session),
            timestamp=float(row.timestamp),
            channel=channel_of(sender_id, data.get("input_channel")),
            town=town,
            language=language or "unknown",
            intent=row.intent_name,
            text=data.get("text") if isinstance(data.get("text"), str) else "",
        )
        found.append((message, town is not None))
    messages = [
        m if told else dataclasses.replace(m, town=last_town.get(m.conversation[1]))
        for m, told in found
    ]
    return messages, pending


def load_messages(
    period: Period, towns: Iterable[str], db: sa.engine.Engine | None = None
) -> tuple[list[Message], dict[tuple[str, int], str | None]]:
    """Every resident message of the period (all towns), and the sessions' pending topics."""
    db = db or engine()
    low, high = period.bounds()
    town_ids = frozenset(towns)
    with db.connect() as connection:
        if not sa.inspect(connection).has_table(EVENTS.name):
            return [], {}  # Rasa has not stored a conversation yet
        active = (
            sa.select(EVENTS.c.sender_id)
            .where(
                EVENTS.c.type_name == "user",
                EVENTS.c.timestamp >= low,
                EVENTS.c.timestamp < high,
            )
            .distinct()
        )
        query = (
            sa.select(*_REPLAYED_COLUMNS)
            .where(
                EVENTS.c.sender_id.in_(active),
                EVENTS.c.timestamp < high,
                EVENTS.c.type_name.in_(("user", "slot", "session_started")),
            )
            .order_by(EVENTS.c.sender_id, EVENTS.c.id)
        )
        rows = connection.execution_options(stream_results=True).execute(query)
        messages: list[Message] = []
        pending: dict[tuple[str, int], str | None] = {}
        for sender_id, events in itertools.groupby(rows, key=lambda row: row.sender_id):
            found, waiting = replay(sender_id, events, low, high, town_ids)
            messages.extend(found)
            pending.update(waiting)
    messages.sort(key=lambda m: m.timestamp)
    return messages, pending


@dataclass(frozen=True)
class Rating:
    """A resident's thumbs up or down on one answer in the widget."""

    conversation: str  # the sender id
    timestamp: float
    town: str | None
    topic: str
    rating: str  # a key of RATINGS


def load_ratings(
    period: Period, towns: Iterable[str], db: sa.engine.Engine | None = None
) -> list[Rating]:
    """Every rating given in the period (all towns), oldest first."""
    db = db or engine()
    low, high = period.bounds()
    town_ids = frozenset(towns)
    with db.connect() as connection:
        if not sa.inspect(connection).has_table(EVENTS.name):
            return []
        query = (
            sa.select(EVENTS.c.sender_id, EVENTS.c.timestamp, EVENTS.c.data)
            .where(
                EVENTS.c.type_name == "slot",
                EVENTS.c.action_name == RATING_SLOT,
                EVENTS.c.timestamp >= low,
                EVENTS.c.timestamp < high,
            )
            .order_by(EVENTS.c.id)
        )
        found = []
        for row in connection.execute(query):
            data = _loads(row.data)
            metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
            topic, town = metadata.get("topic"), metadata.get("department")
            if data.get("value") not in RATINGS or not isinstance(topic, str) or not topic:
                continue  # the slot reset, or a row this page cannot read
            found.append(
                Rating(
                    conversation=row.sender_id,
                    timestamp=float(row.timestamp),
                    town=town if town in town_ids else None,
                    topic=topic,
                    rating=data["value"],
                )
            )
    return found


def ratings_table(ratings: Sequence[Rating]) -> Table:
    """Per topic, how many found its answer helpful and how many not. One vote per conversation
    and topic, its latest: pressing both thumbs, or the same answer asked twice, counts once."""
    latest: dict[tuple[str, str], Rating] = {}
    for rating in sorted(ratings, key=lambda r: r.timestamp):
        latest[(rating.conversation, rating.topic)] = rating
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for rating in latest.values():
        counts[rating.topic][rating.rating] += 1
    table = Table("ratings", "Ratings per topic", ["Topic", *RATINGS.values(), "All ratings"])
    ranked = sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    table.rows = [
        [topic, *(counted[code] for code in RATINGS), sum(counted.values())]
        for topic, counted in ranked
    ]
    table.total = [
        "All topics",
        *(sum(counted[code] for counted in counts.values()) for code in RATINGS),
        len(latest),
    ]
    return table


# --- the tables -----------------------------------------------------------------------------------
Cell = str | int


@dataclass
class Table:
    """One table of the page; the page and its CSV download show the same rows."""

    name: str  # in the CSV's URL and file name
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    total: list[Cell] | None = None  # a closing "All" row, in the page and the CSV


@dataclass
class Unanswered:
    """A question it could not answer, with the similar ones asked in the period."""

    last_asked: float
    text: str  # the newest wording, as stored
    count: int
    kinds: list[str]
    towns: list[str]
    wordings: list[str]  # every distinct wording, newest first


@dataclass
class Report:
    """Everything the page shows for one town (or all: `town` None) over one period."""

    period: Period
    town: str | None
    messages: int
    conversations: int
    unanswered_count: int
    urgent_count: int
    daily: Table
    channels: Table
    languages: Table
    topics: Table
    outcomes: Table
    unanswered: Table
    urgent: Table
    ratings: Table
    towns: Table | None
    questions: list[Unanswered]
    per_day: list[tuple[dt.date, int, int]]  # (day, messages, conversations), for the chart
    top_topics: list[tuple[str, int]]

    def tables(self) -> dict[str, Table]:
        found = [
            self.unanswered,
            self.daily,
            self.channels,
            self.languages,
            self.topics,
            self.outcomes,
            self.urgent,
            self.ratings,
            self.towns,
        ]
        return {table.name: table for table in found if table is not None}


def normalise(text: str) -> str:
    """What two wordings of one question share: lower case, no accents, words only."""
    words = re.findall(r"\w+", fold(text))
    return " ".join(words) if words else text.strip()


def similar_heads(keys: Sequence[str]) -> list[int]:
    """For each normalised wording (newest first), the index of the wording whose group it joins:
    the most similar earlier group head if their cosine similarity is at least SIMILARITY, else
    itself. Character trigrams with TF-IDF (scikit-learn, which Rasa installs): near-identical
    wordings ("pot hole" / "pothole", a word more or less) meet, different questions don't; and it
    stays fast where pairwise difflib took minutes for a few thousand questions."""
    heads = list(range(len(keys)))
    if len(keys) < 2:
        return heads
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        vectors = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 3), sublinear_tf=True
        ).fit_transform(keys)
    except ValueError:  # not one trigram in any of them (all very short)
        return heads
    leaders: list[int] = []
    for start in range(0, len(keys), 512):
        block = (vectors[start : start + 512] @ vectors.T).toarray()
        for offset, row in enumerate(block):
            index = start + offset
            if leaders:
                scores = row[leaders]
                best = int(scores.argmax())
                if scores[best] >= SIMILARITY:
                    heads[index] = leaders[best]
                    continue
            leaders.append(index)
    return heads


def group_unanswered(messages: Sequence[Message], towns: dict[str, str]) -> list[Unanswered]:
    """Groups by normalised text, then joins groups whose wordings are similar (similar_heads);
    newest first."""
    exact: dict[str, list[Message]] = defaultdict(list)
    for message in sorted(messages, key=lambda m: m.timestamp, reverse=True):
        exact[normalise(message.text)].append(message)
    groups = list(exact.values())  # the newest group first
    compared = similar_heads(list(exact)[:MAX_SIMILAR_GROUPING])
    heads = compared + list(range(len(compared), len(groups)))  # beyond the cap: exact groups
    clusters: dict[int, list[Message]] = defaultdict(list)
    for index, head in enumerate(heads):
        clusters[head].extend(groups[index])
    found = []
    for cluster in clusters.values():
        cluster.sort(key=lambda m: m.timestamp, reverse=True)
        wordings = list(dict.fromkeys(m.text for m in cluster))
        found.append(
            Unanswered(
                last_asked=cluster[0].timestamp,
                text=cluster[0].text,
                count=len(cluster),
                kinds=sorted({UNANSWERED_INTENTS.get(m.intent or "", "") for m in cluster}),
                towns=sorted({towns.get(m.town or "", "No town") for m in cluster}),
                wordings=wordings,
            )
        )
    return sorted(found, key=lambda q: q.last_asked, reverse=True)


def outcome(messages: Sequence[Message], pending: str | None) -> str:
    """How a conversation ended: an urgent reply anywhere wins; else its last real question
    decides (answered from the knowledge, a "call us", or not answered: the fallback, out of
    scope, or a question still waiting for the resident's town)."""
    intents = [m.intent for m in messages]
    if any(intent in DANGER_INTENTS for intent in intents):
        return "urgent"
    questions = [i for i in intents if i and i not in SMALL_TALK]
    if not questions:
        return "no_question"
    if questions[-1] in HANDOFF_INTENTS:
        return "handoff"
    if questions[-1] in UNANSWERED_INTENTS or pending:
        return "unanswered"
    return "answer"


def when_text(timestamp: float) -> str:
    """A message's local time, to the minute."""
    return dt.datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")


def build_report(
    messages: Sequence[Message],
    pending: dict[tuple[str, int], str | None],
    period: Period,
    town: str | None,
    towns: dict[str, str],
    ratings: Sequence[Rating] = (),
) -> Report:
    """The page's numbers for one town (None: every town, with a table per town)."""
    everything = messages
    if town is not None:
        messages = [m for m in messages if m.town == town]
        ratings = [r for r in ratings if r.town == town]
    conversations: dict[tuple[str, int], list[Message]] = defaultdict(list)
    for message in messages:
        conversations[message.conversation].append(message)

    by_day: dict[dt.date, list[Message]] = defaultdict(list)
    for message in messages:
        by_day[message.day].append(message)
    daily = Table(
        "messages-per-day",
        "Messages and conversations per day",
        ["Day", "Messages", "Conversations", *CHANNELS.values(), *LANGUAGES.values()],
    )
    per_day = []
    for day in period.days():
        found = by_day.get(day, [])
        channels, languages = Counter(m.channel for m in found), Counter(m.language for m in found)
        talks = len({m.conversation for m in found})
        per_day.append((day, len(found), talks))
        daily.rows.append(
            [
                day.isoformat(),
                len(found),
                talks,
                *(channels[c] for c in CHANNELS),
                *(languages[code] for code in LANGUAGES),
            ]
        )
    all_channels = Counter(m.channel for m in messages)
    all_languages = Counter(m.language for m in messages)
    daily.total = [
        "All days",
        len(messages),
        len(conversations),
        *(all_channels[c] for c in CHANNELS),
        *(all_languages[code] for code in LANGUAGES),
    ]

    def breakdown(name: str, title: str, label: str, key: str, labels: dict[str, str]) -> Table:
        table = Table(name, title, [label, "Messages", "Conversations"])
        for code, text in labels.items():
            found = [m for m in messages if getattr(m, key) == code]
            table.rows.append([text, len(found), len({m.conversation for m in found})])
        return table

    channels = breakdown("channels", "By channel", "Channel", "channel", CHANNELS)
    languages = breakdown("languages", "By language", "Language", "language", LANGUAGES)

    topic_messages = Counter(m.intent or "(none)" for m in messages)
    topic_talks = Counter(
        intent for talk in conversations.values() for intent in {m.intent or "(none)" for m in talk}
    )
    topics = Table("topics", "Topics (intents)", ["Topic", "Messages", "Conversations"])
    ranked = sorted(topic_messages.items(), key=lambda item: (-item[1], item[0]))
    topics.rows = [[intent, count, topic_talks[intent]] for intent, count in ranked]

    ends = Counter(outcome(talk, pending.get(key)) for key, talk in conversations.items())
    outcomes = Table("outcomes", "How conversations ended", ["Ended with", "Conversations"])
    outcomes.rows = [[label, ends[code]] for code, label in OUTCOMES.items()]
    outcomes.total = ["All conversations", len(conversations)]

    not_answered = [m for m in messages if m.intent in UNANSWERED_INTENTS]
    questions = group_unanswered(not_answered, towns)
    unanswered = Table(
        "unanswered",
        "Questions it could not answer",
        ["Last asked", "Question (as stored)", "Times asked", "Kind", "Town", "Other wordings"],
    )
    unanswered.rows = [
        [
            when_text(q.last_asked),
            q.text,
            q.count,
            ", ".join(q.kinds),
            ", ".join(q.towns),
            " | ".join(q.wordings[1:]),
        ]
        for q in questions
    ]

    urgent = Table("urgent-per-day", "Urgent replies per day", ["Day", *URGENT_COLUMNS.values()])
    urgent.columns.append("All urgent")
    urgent_count = 0
    for day in period.days():
        counted = Counter(m.intent for m in by_day.get(day, []) if m.intent in URGENT_COLUMNS)
        urgent_count += sum(counted.values())
        urgent.rows.append(
            [day.isoformat(), *(counted[i] for i in URGENT_COLUMNS), sum(counted.values())]
        )
    urgent.total = [
        "All days",
        *(sum(row[n + 1] for row in urgent.rows) for n in range(len(URGENT_COLUMNS))),  # type: ignore[misc]
        urgent_count,
    ]

    per_town = None
    if town is None:
        per_town = Table(
            "towns", "By town", ["Town", "Messages", "Conversations", "Not answered", "Urgent"]
        )
        for town_id, name in [*towns.items(), (None, "No town")]:
            found = [m for m in everything if m.town == town_id]
            if town_id is None and not found:
                continue
            per_town.rows.append(
                [
                    name,
                    len(found),
                    len({m.conversation for m in found}),
                    sum(m.intent in UNANSWERED_INTENTS for m in found),
                    sum(m.intent in DANGER_INTENTS for m in found),
                ]
            )

    return Report(
        period=period,
        town=town,
        messages=len(messages),
        conversations=len(conversations),
        unanswered_count=len(not_answered),
        urgent_count=urgent_count,
        daily=daily,
        channels=channels,
        languages=languages,
        topics=topics,
        outcomes=outcomes,
        unanswered=unanswered,
        urgent=urgent,
        ratings=ratings_table(ratings),
        towns=per_town,
        questions=questions,
        per_day=per_day,
        top_topics=ranked[:12],
    )


def report(
    period: Period, town: str | None, towns: dict[str, str], db: sa.engine.Engine | None = None
) -> Report:
    """The page for `town` (None: all towns) over `period`; `towns` maps ids to names."""
    messages, pending = load_messages(period, towns, db)
    ratings = load_ratings(period, towns, db)
    return build_report(messages, pending, period, town, towns, ratings)


def iter_csv_rows(table: Table) -> Iterator[list[Cell]]:
    """The table as the CSV has it: the header, the rows, and the closing total if any."""
    yield list(table.columns)
    yield from table.rows
    if table.total is not None:
        yield list(table.total)


# --- the latest messages, for `make replay` (scripts/replay.py) -----------------------------------
def latest_messages(
    last: int, towns: Iterable[str], db: sa.engine.Engine | None = None
) -> list[Message]:
    """The `last` newest resident messages of every town, oldest first, with their town and
    language as the page derives them: `make replay` runs them through a candidate model before
    it goes live. Each of their senders' events is replayed from the first, so a town or language
    given earlier in the conversation (or the town named after "Which town?") still counts."""
    db = db or engine()
    with db.connect() as connection:
        if last <= 0 or not sa.inspect(connection).has_table(EVENTS.name):
            return []
        newest = (
            sa.select(EVENTS.c.sender_id, EVENTS.c.timestamp)
            .where(EVENTS.c.type_name == "user", EVENTS.c.timestamp.is_not(None))
            .order_by(EVENTS.c.timestamp.desc(), EVENTS.c.id.desc())
            .limit(last)
            .subquery()
        )
        low = connection.execute(sa.select(sa.func.min(newest.c.timestamp))).scalar()
        if low is None:
            return []
        query = (
            sa.select(*_REPLAYED_COLUMNS)
            .where(
                EVENTS.c.sender_id.in_(sa.select(newest.c.sender_id).distinct()),
                EVENTS.c.type_name.in_(("user", "slot", "session_started")),
            )
            .order_by(EVENTS.c.sender_id, EVENTS.c.id)
        )
        rows = connection.execution_options(stream_results=True).execute(query)
        town_ids = frozenset(towns)
        messages: list[Message] = []
        for sender_id, events in itertools.groupby(rows, key=lambda row: row.sender_id):
            messages += replay(sender_id, events, float(low), float("inf"), town_ids)[0]
    messages.sort(key=lambda m: m.timestamp)
    return messages[-last:]
