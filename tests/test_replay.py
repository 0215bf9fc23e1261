"""`make replay` (scripts/replay.py) on conversations this test stores itself.

The conversations are written through Rasa's own SQLTrackerStore into a temporary SQLite file,
with the staff page's test helpers (tests/test_staff.py), then replayed: the same model and
knowledge change nothing; a knowledge copy with one English answer edited changes exactly that
reply; a candidate parser that turns one routine message urgent and one urgent message routine is
reported as two urgency changes; PostgreSQL gives the same messages as SQLite. The real trained
model parses (tests/conftest.py's, and once loaded from its file as `make replay` does); no second
model is trained.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from ruamel.yaml import YAML

from bot.actions.replies import service_reply
from bot.kb.loader import KNOWLEDGE_DIR, load_all
from bot.paths import MODEL
from bot.phrases import phrase
from scripts import replay as rp
from staff.queries import latest_messages
from tests.test_staff import DANBURY, WH, Conversation, at, language, write

pytestmark = pytest.mark.model

POLICE_REPORT_WH = "How do I get a copy of a police report?"
POLICE_REPORT_ES = "¿Cómo consigo una copia de un reporte policial?"
POLICE_REPORT_DANBURY = "how do I get a copy of a police report"
PARKING = "can I park on the street overnight"
FIRE = "my house is on fire"
NO_TOWN = "how do I pay a parking ticket"
EDITED = "so please call ahead before you go."


def stored() -> list[Conversation]:
    """Seven resident messages over two days; the first is the oldest."""
    wh, danbury = {"department": WH}, {"department": DANBURY}
    return [
        Conversation("web-replay-old1", "widget").say(
            at(0, 8), "hello", "greet", town=WH, language="en", metadata=wh
        ),
        Conversation("web-replay-wh01", "widget")
        .say(
            at(1, 9),
            POLICE_REPORT_WH,
            "police_report",
            town=WH,
            language="en",
            metadata=wh,
            entities=language("en"),
            slots={"language": "en"},
        )
        .say(at(1, 9.5), PARKING, "overnight_parking", town=WH, language="en", metadata=wh),
        # Spanish from the slot the first message set; the town from the session's metadata
        Conversation("web-replay-es01", "widget")
        .start_session(at(1, 10), town=WH)
        .say(
            at(1, 10.01),
            POLICE_REPORT_ES,
            "police_report",
            town=WH,
            language="es",
            entities=language("es"),
            slots={"language": "es"},
        ),
        Conversation("+18605550111", "sms")
        .say(
            at(1, 11),
            POLICE_REPORT_DANBURY,
            "police_report",
            town=DANBURY,
            language="en",
            metadata=danbury,
            entities=language("en"),
            slots={"language": "en"},
        )
        .say(
            at(1, 11.5),
            FIRE,
            "emergency",
            town=DANBURY,
            language="en",
            metadata=danbury,
            action="utter_emergency",
        ),
        # no town, ever: "Which town are you in?" and each town's answer
        Conversation("rest-replay-nowhere", "rest").say(
            at(1, 12),
            NO_TOWN,
            "parking_ticket",
            town=None,
            language="en",
            entities=language("en"),
            slots={"language": "en", "pending_topic": "parking_ticket"},
        ),
    ]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sa.engine.Engine]:
    path = tmp_path_factory.mktemp("replay") / "conversations.sqlite3"
    write(path, stored())
    engine = sa.create_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


def edited_knowledge(directory: Path) -> Path:
    """A copy of bot/knowledge with West Hartford's English police-report text edited."""
    copy = directory / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, copy)
    path = copy / f"{WH}.yml"
    yaml = YAML(typ="rt")
    yaml.width = 4096
    data = yaml.load(path.read_text(encoding="utf-8"))
    text = data["answers"]["police_report"]["text"]
    assert text.endswith("so please call before you go.")
    data["answers"]["police_report"]["text"] = text.replace("so please call before you go.", EDITED)
    with path.open("w", encoding="utf-8") as file:
        yaml.dump(data, file)
    return copy


def test_the_latest_messages_with_their_town_and_language(db: sa.engine.Engine) -> None:
    towns = load_all(KNOWLEDGE_DIR)
    found = latest_messages(3, towns, db)
    assert [m.text for m in found] == [POLICE_REPORT_DANBURY, FIRE, NO_TOWN]  # oldest first
    everything = latest_messages(500, towns, db)
    assert len(everything) == 7
    spanish = next(m for m in everything if m.text == POLICE_REPORT_ES)
    assert (spanish.town, spanish.language) == (WH, "es")
    parking = next(m for m in everything if m.text == PARKING)
    assert (parking.town, parking.language) == (WH, "en")  # language from the slot
    assert next(m for m in everything if m.text == NO_TOWN).town is None


def test_the_reply_is_built_as_the_assistant_builds_it(parse: Callable[[str], Any]) -> None:
    towns, rules = load_all(KNOWLEDGE_DIR), rp.rule_actions()
    wh = rp.answer(parse(POLICE_REPORT_WH), WH, "en", towns, rules)
    assert wh == rp.Answer(
        "police_report", "routine", (service_reply(towns[WH], "police_report", "en").text,)
    )
    spanish = rp.answer(parse(POLICE_REPORT_ES), WH, "es", towns, rules)
    assert spanish.text == service_reply(towns[WH], "police_report", "es").text
    fire = rp.answer(parse(FIRE), DANBURY, "es", towns, rules)
    assert (fire.topic, fire.urgency) == ("emergency", "urgent")
    assert fire.text == phrase("utter_emergency", "es")
    # urgent first, then the routine question asked beside it (action_also_answer)
    mixed = rp.answer(
        parse("how do I get a police report? also my ex is outside my door right now with a bat"),
        WH,
        "en",
        towns,
        rules,
    )
    assert mixed.urgency == "urgent"
    assert mixed.messages == (
        phrase("utter_emergency", "en"),
        service_reply(towns[WH], "police_report", "en").text,
    )
    nowhere = rp.answer(parse(NO_TOWN), None, "en", towns, rules).messages
    assert nowhere[0].startswith(phrase("utter_ask_town", "en"))  # with a button per town
    for town in towns.values():
        assert f"[{town.id}] {service_reply(town, 'parking_ticket', 'en').text}" in nowhere
    fallback = rp.answer(
        {"intent": {"name": "nlu_fallback"}, "entities": []}, WH, "pt", towns, rules
    )
    assert fallback.messages[0] == phrase("utter_fallback", "pt")
    assert towns[WH].main_phone.number in fallback.messages[1]  # no likely topic: the line
    ranked = {
        "intent": {"name": "nlu_fallback"},
        "intent_ranking": [{"name": "police_report", "confidence": 0.2}],
    }
    choices = rp.answer(ranked, WH, "pt", towns, rules).messages
    assert choices[1].startswith(phrase("utter_did_you_mean", "pt"))  # the rule's next action
    assert phrase("utter_topic_police_report", "pt") in choices[1]


def test_same_model_and_knowledge_change_nothing(db: sa.engine.Engine, tmp_path: Path) -> None:
    """The real path: both models loaded from their files (the same one: loaded once)."""
    out = tmp_path / "replay.md"
    result = rp.replay(500, MODEL, KNOWLEDGE_DIR, deployed_knowledge=KNOWLEDGE_DIR, db=db, out=out)
    assert result["skipped"] is None
    assert result["replayed"] == result["unchanged"] == 7
    assert result["changes"] == []
    assert result["urgency_changed"] == result["topic_changed"] == result["text_changed"] == 0
    assert out.read_text(encoding="utf-8").strip() == result["markdown"].strip()


def test_an_edited_answer_lists_exactly_that_reply(
    db: sa.engine.Engine, tmp_path: Path, parse: Callable[[str], Any]
) -> None:
    knowledge = edited_knowledge(tmp_path)
    result = rp.replay(
        500,
        knowledge=knowledge,
        deployed_knowledge=KNOWLEDGE_DIR,
        deployed_parser=parse,
        candidate_parser=parse,
        db=db,
        out=None,
    )
    assert (result["replayed"], result["text_changed"], result["unchanged"]) == (7, 1, 6)
    assert result["urgency_changed"] == result["topic_changed"] == 0
    [change] = result["changes"]
    assert change.kind == "text"
    assert (change.message.text, change.message.town, change.language) == (
        POLICE_REPORT_WH,
        WH,
        "en",
    )
    before = service_reply(load_all(KNOWLEDGE_DIR)[WH], "police_report", "en").text
    after = service_reply(load_all(knowledge)[WH], "police_report", "en").text
    assert (change.before.text, change.after.text) == (before, after)
    assert change.before.topic == change.after.topic == "police_report"
    assert "{+ahead+}" in change.diff
    assert POLICE_REPORT_WH in result["markdown"]


def test_a_flipped_urgency_is_reported_first(
    db: sa.engine.Engine, parse: Callable[[str], Any]
) -> None:
    """A candidate that would send the overnight-parking question to 911, and the fire to a
    routine answer: no retraining, a parser injected in the candidate model's place."""

    def candidate(text: str) -> dict[str, Any]:
        parsed = dict(parse(text))
        if text == PARKING:
            parsed["intent"] = {"name": "emergency", "confidence": 1.0}
            parsed["triage"] = {**parsed.get("triage", {}), "also": None}
        if text == FIRE:
            parsed["intent"] = {"name": "station_location", "confidence": 0.9}
        return parsed

    result = rp.replay(
        500,
        deployed_knowledge=KNOWLEDGE_DIR,
        deployed_parser=parse,
        candidate_parser=candidate,
        db=db,
        out=None,
    )
    assert (result["urgency_changed"], result["now_urgent"], result["now_routine"]) == (2, 1, 1)
    assert (result["topic_changed"], result["text_changed"], result["unchanged"]) == (0, 0, 5)
    changes = {c.message.text: c for c in result["changes"]}
    assert set(changes) == {PARKING, FIRE}
    assert (changes[PARKING].before.urgency, changes[PARKING].after.urgency) == (
        "routine",
        "urgent",
    )
    assert changes[PARKING].after.messages == (phrase("utter_emergency", "en"),)
    assert (changes[FIRE].before.topic, changes[FIRE].after.topic) == (
        "emergency",
        "station_location",
    )
    assert "URGENCY CHANGED" in result["markdown"].split("| change |")[0]  # said before the counts


def test_no_candidate_model_fails_clearly_or_is_skipped(tmp_path: Path) -> None:
    deployed = tmp_path / "assistant.tar.gz"
    deployed.write_bytes(b"")
    (tmp_path / "baseline.tar.gz").write_bytes(b"")  # make eval's reference, never a candidate
    with pytest.raises(rp.ReplayError, match="no candidate model"):
        rp.replay(deployed_model=deployed, deployed_knowledge=KNOWLEDGE_DIR, out=None)
    skipped = rp.replay(
        deployed_model=deployed, deployed_knowledge=KNOWLEDGE_DIR, out=None, missing_ok=True
    )
    assert skipped["replayed"] == 0
    assert "no candidate model" in skipped["skipped"]
    older, newer = tmp_path / "old.tar.gz", tmp_path / "candidate.tar.gz"
    older.write_bytes(b"")
    newer.write_bytes(b"")
    os.utime(older, (1, 1))
    assert rp.default_candidate(tmp_path, deployed) == newer


def test_no_stored_messages_is_said(tmp_path: Path, parse: Callable[[str], Any]) -> None:
    empty = sa.create_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    result = rp.replay(
        deployed_knowledge=KNOWLEDGE_DIR,
        deployed_parser=parse,
        candidate_parser=parse,
        db=empty,
        out=None,
    )
    assert result["replayed"] == 0
    assert "no stored resident messages" in result["skipped"]


def test_the_same_messages_from_postgresql(db: sa.engine.Engine, monkeypatch) -> None:
    """DATABASE_URL: the same messages, towns and languages from Rasa's PostgreSQL table."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.trackers import DialogueStateTracker

    from benchmarks.servers import scratch_database
    from staff import queries

    towns = load_all(KNOWLEDGE_DIR)
    with scratch_database("replay_test") as url:
        store = SQLTrackerStore(host=url)
        for conversation in stored():
            tracker = DialogueStateTracker.from_events(conversation.sender, conversation.events)
            asyncio.run(store.save(tracker))
        store.engine.dispose()
        monkeypatch.setenv("DATABASE_URL", url)
        queries.engine.cache_clear()
        try:
            for last in (3, 500):
                found = [(m.text, m.town, m.language) for m in latest_messages(last, towns)]
                expected = [(m.text, m.town, m.language) for m in latest_messages(last, towns, db)]
                assert found == expected
        finally:
            queries.engine().dispose()
            queries.engine.cache_clear()
