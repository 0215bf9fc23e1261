"""The trained model on text it never saw: floors per intent group, and urgent recall of 100%."""

from __future__ import annotations

from collections import defaultdict

import pytest

from bot.kb.intents import CONVERSATION_INTENTS, DANGER_INTENTS, SERVICE_INTENTS
from bot.nlu.examples import nlu_examples
from tests.conftest import DATA, ROOT, read_yaml

pytestmark = pytest.mark.model

HOLDOUT = nlu_examples(ROOT / "tests/nlu_holdout.yml")
FRESH = nlu_examples(ROOT / "tests/nlu_fresh.yml")  # reported by make eval, never tuned on
TRAINING = [
    pair for path in sorted((ROOT / "bot/data").rglob("*.yml")) for pair in nlu_examples(path)
]
URGENT = set(DANGER_INTENTS)
# An urgent message may be answered by any urgent reply: each leads with 911.
ACCEPTED = {
    "emergency": {"emergency"},
    "crisis": {"crisis", "emergency"},
    "domestic_violence": {"domestic_violence", "emergency"},
}


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def test_holdout_is_large_and_apart_from_training() -> None:
    assert len(HOLDOUT) >= 250
    overlap = {_norm(t) for t, _ in HOLDOUT} & {_norm(t) for t, _ in TRAINING}
    assert not overlap, f"held-out examples copied into training: {sorted(overlap)}"


def test_fresh_set_is_apart_from_training_and_holdout() -> None:
    assert len(FRESH) >= 120
    seen = {_norm(t) for t, _ in TRAINING} | {_norm(t) for t, _ in HOLDOUT}
    overlap = {_norm(t) for t, _ in FRESH} & seen
    assert not overlap, f"fresh examples already seen: {sorted(overlap)}"


def test_every_service_intent_has_30_training_examples_and_emergency_100() -> None:
    counts: dict[str, int] = defaultdict(int)
    for _, intent in TRAINING:
        counts[intent] += 1
    assert all(counts[i] >= 30 for i in SERVICE_INTENTS), {i: counts[i] for i in SERVICE_INTENTS}
    assert counts["emergency"] >= 100


@pytest.fixture(scope="module")
def predictions(parse) -> list[tuple[str, str, str]]:
    return [(text, gold, parse(text)["intent"]["name"]) for text, gold in HOLDOUT]


def _accuracy(rows: list[tuple[str, str, str]], intents) -> tuple[float, list]:
    chosen = [r for r in rows if r[1] in intents]
    wrong = [r for r in chosen if r[2] != r[1]]
    return 1 - len(wrong) / len(chosen), wrong


def test_urgent_recall_is_total(predictions) -> None:
    missed = [r for r in predictions if r[1] in ACCEPTED and r[2] not in ACCEPTED[r[1]]]
    assert not missed, f"urgent messages answered as routine: {missed}"


def test_service_accuracy_floor(predictions) -> None:
    accuracy, wrong = _accuracy(predictions, SERVICE_INTENTS)
    assert accuracy >= 0.90, f"service accuracy {accuracy:.3f}; wrong: {wrong}"


def test_conversation_and_out_of_scope_floor(predictions) -> None:
    accuracy, wrong = _accuracy(predictions, CONVERSATION_INTENTS)
    assert accuracy >= 0.80, f"conversation accuracy {accuracy:.3f}; wrong: {wrong}"


def test_no_false_alarms_on_routine_holdout(predictions) -> None:
    alarms = [r for r in predictions if r[1] not in URGENT and r[2] in {"emergency", "crisis"}]
    assert len(alarms) <= len(predictions) * 0.01, f"routine messages escalated: {alarms}"


URGENT_SET = [(t, c) for c, texts in read_yaml(DATA / "triage_urgent.yml").items() for t in texts]
ROUTINE_SET = read_yaml(DATA / "triage_routine.yml")["routine"]


def test_triage_urgent_set_through_the_model(parse) -> None:
    missed = [
        (t, c, p) for t, c in URGENT_SET if (p := parse(t)["intent"]["name"]) not in ACCEPTED[c]
    ]
    assert not missed, missed


def test_triage_routine_set_through_the_model(parse) -> None:
    alarms = [
        (t, p) for t in ROUTINE_SET if (p := parse(t)["intent"]["name"]) in {"emergency", "crisis"}
    ]
    assert not alarms, alarms


def test_parse_shows_the_triage_verdict(parse) -> None:
    result = parse("someone is breaking into my house right now")
    assert result["intent"]["name"] == "emergency"
    assert result["triage"]["verdict"] == "emergency" and "break-in" in result["triage"]["matches"]
    assert "input_guard" in result


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("what's the number for animal control in weha", "department", "west-hartford"),
        ("what's the number for animal control in weha", "division", "animal_control"),
        ("i live in danbury ct", "department", "danbury"),
        ("how do I reach internal affairs", "division", "professional_standards"),
        ("records office hours", "division", "records"),
    ],
)
def test_entities_are_recognised_and_normalised(parse, text: str, entity: str, value: str) -> None:
    found = {(e["entity"], e["value"]) for e in parse(text)["entities"]}
    assert (entity, value) in found, found


def test_lemmas_put_a_words_inflections_on_one_feature() -> None:
    """The third view (bot/nlu/lemmas.py): inflections a resident uses share the lemma's feature;
    words the English table lacks (Spanish, Portuguese, names) pass through unchanged."""
    from bot.nlu.lemmas import lemmatize

    assert lemmatize("Where are TOWED cars kept?") == "where be tow car keep"
    assert lemmatize("obtaining fingerprints for 2 jobs") == "obtain fingerprint for job"
    assert lemmatize("¿Dónde están los perros?") == "dónde están los perros"
