"""Urgent messages the way residents really write them, on the trained model: warning signs of
suicide said indirectly, danger mixed with a routine question, and Spanish and Portuguese.

The sets in tests/urgent/ were written by authors who had not read the training data or the
lexicon (each file's header says so). Each later set (tests/urgent/fresh*/) was measured once
before anything was changed for it, then its mistakes were read and their general causes fixed;
the newest, tests/urgent/fresh14/, has not been read: its figures are the ones to quote (README,
"Urgent messages, measured").

The goal (issue "Urgent messages are never missed") is every urgent message with an urgent reply
and at most 1% of routine ones. Not every set reaches it yet: FLOORS holds what each set reaches
today, so that no change can make it worse unnoticed; raise a floor when a change improves it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.kb.intents import DANGER_INTENTS
from bot.nlu.examples import nlu_examples
from tests.conftest import ROOT

pytestmark = pytest.mark.model

SETS = ROOT / "tests/urgent"
# (file, at least this many urgent messages, at least this many routine ones)
SIZES = {
    "en_warning_signs.yml": (150, 0),
    "en_mixed.yml": (100, 0),
    "es.yml": (150, 150),
    "pt.yml": (150, 150),
    "fresh/en_warning_signs.yml": (150, 0),
    "fresh/en_mixed.yml": (100, 0),
    "fresh/es.yml": (150, 150),
    "fresh/pt.yml": (150, 150),
    "fresh2/en_warning_signs.yml": (150, 0),
    "fresh2/en_mixed.yml": (100, 0),
    "fresh2/es.yml": (150, 150),
    "fresh2/pt.yml": (150, 150),
    "fresh3/en_warning_signs.yml": (140, 0),
    "fresh3/en_mixed.yml": (100, 0),
    "fresh3/en_routine.yml": (0, 140),
    "fresh3/es.yml": (140, 140),
    "fresh3/pt.yml": (140, 140),
    "fresh4/en_warning_signs.yml": (140, 0),
    "fresh4/en_mixed.yml": (100, 0),
    "fresh4/en_routine.yml": (0, 140),
    "fresh4/es.yml": (140, 140),
    "fresh4/pt.yml": (140, 140),
    "fresh5/en_warning_signs.yml": (150, 0),
    "fresh5/en_mixed.yml": (100, 0),
    "fresh5/en_routine.yml": (0, 150),
    "fresh5/es.yml": (140, 140),
    "fresh5/pt.yml": (140, 140),
    "fresh6/en_warning_signs.yml": (140, 0),
    "fresh6/en_mixed.yml": (100, 0),
    "fresh6/en_routine.yml": (0, 140),
    "fresh6/es.yml": (140, 140),
    "fresh6/pt.yml": (140, 135),
    "fresh7/en_warning_signs.yml": (150, 0),
    "fresh7/en_mixed.yml": (100, 0),
    "fresh7/en_routine.yml": (0, 150),
    "fresh7/es.yml": (150, 150),
    "fresh7/pt.yml": (140, 140),
    "fresh8/en_warning_signs.yml": (140, 0),
    "fresh8/en_mixed.yml": (100, 0),
    "fresh8/en_routine.yml": (0, 150),
    "fresh8/es.yml": (150, 150),
    "fresh8/pt.yml": (150, 140),
    "fresh9/en_warning_signs.yml": (140, 0),
    "fresh9/en_mixed.yml": (100, 0),
    "fresh9/en_routine.yml": (0, 150),
    "fresh9/es.yml": (110, 140),
    "fresh9/pt.yml": (110, 140),
    "fresh10/en_warning_signs.yml": (130, 0),
    "fresh10/en_mixed.yml": (100, 0),
    "fresh10/en_routine.yml": (0, 140),
    "fresh10/es.yml": (140, 150),
    "fresh10/pt.yml": (150, 140),
    "fresh11/en_warning_signs.yml": (140, 0),
    "fresh11/en_mixed.yml": (100, 0),
    "fresh11/en_routine.yml": (0, 140),
    "fresh11/es.yml": (130, 145),
    "fresh11/pt.yml": (140, 160),
    "fresh12/en_warning_signs.yml": (140, 0),
    "fresh12/en_mixed.yml": (100, 0),
    "fresh12/en_routine.yml": (0, 150),
    "fresh12/es.yml": (140, 150),
    "fresh12/pt.yml": (140, 145),
    "fresh13/en_warning_signs.yml": (140, 0),
    "fresh13/en_mixed.yml": (100, 0),
    "fresh13/en_routine.yml": (0, 150),
    "fresh13/es.yml": (140, 145),
    "fresh13/pt.yml": (140, 150),
    "fresh14/en_warning_signs.yml": (140, 0),
    "fresh14/en_mixed.yml": (100, 0),
    "fresh14/en_routine.yml": (0, 150),
    "fresh14/es.yml": (130, 140),
    "fresh14/pt.yml": (130, 140),
}
ROUTINE_SETS = sorted(name for name, (_, routine) in SIZES.items() if routine)
# set: (urgent messages that get an urgent reply, at least; routine ones that do, at most)
FLOORS = {
    # measured 2026-12-04, after the fourteenth session's general causes were fixed; the first
    # to fourteenth sets have been read, the fifteenth (fresh14/) has not: its figures to quote
    "en_warning_signs.yml": (1.0, 0.0),  # 231/231
    "en_mixed.yml": (1.0, 0.0),  # 138/138
    "es.yml": (1.0, 0.0),  # 183/183, false alarms 0/197 (a near copy of a training line removed)
    "pt.yml": (1.0, 0.011),  # 173/173, false alarms 2/182
    "fresh/en_warning_signs.yml": (1.0, 0.0),  # 214/214
    "fresh/en_mixed.yml": (1.0, 0.0),  # 132/132
    "fresh/es.yml": (1.0, 0.0),  # 169/169, false alarms 0/192
    "fresh/pt.yml": (1.0, 0.011),  # 169/169, false alarms 2/193
    "fresh2/en_warning_signs.yml": (1.0, 0.0),  # 158/158
    "fresh2/en_mixed.yml": (1.0, 0.0),  # 110/110
    "fresh2/es.yml": (1.0, 0.013),  # 154/154, false alarms 2/159
    "fresh2/pt.yml": (1.0, 0.013),  # 159/159, false alarms 2/158
    "fresh3/en_warning_signs.yml": (1.0, 0.0),  # 149/149
    "fresh3/en_mixed.yml": (1.0, 0.0),  # 110/110
    "fresh3/en_routine.yml": (0.0, 0.007),  # false alarms 1/149
    "fresh3/es.yml": (1.0, 0.007),  # 148/148, false alarms 1/148
    "fresh3/pt.yml": (1.0, 0.014),  # 147/147, false alarms 2/150
    "fresh4/en_warning_signs.yml": (1.0, 0.0),  # 144/144
    "fresh4/en_mixed.yml": (1.0, 0.0),  # 105/105
    "fresh4/en_routine.yml": (0.0, 0.035),  # false alarms 5/147
    "fresh4/es.yml": (1.0, 0.015),  # 148/148, false alarms 2/142
    "fresh4/pt.yml": (1.0, 0.007),  # 148/148, false alarms 1/144
    "fresh5/en_warning_signs.yml": (1.0, 0.0),  # 154/154
    "fresh5/en_mixed.yml": (1.0, 0.0),  # 105/105
    "fresh5/en_routine.yml": (0.0, 0.033),  # false alarms 5/153
    "fresh5/es.yml": (1.0, 0.035),  # 153/153, false alarms 5/144
    "fresh5/pt.yml": (1.0, 0.02),  # 151/151, false alarms 3/152
    "fresh6/en_warning_signs.yml": (1.0, 0.0),  # 147/147
    "fresh6/en_mixed.yml": (1.0, 0.0),  # 100/100
    "fresh6/en_routine.yml": (0.0, 0.021),  # false alarms 3/149
    "fresh6/es.yml": (1.0, 0.035),  # 146/146, false alarms 5/146
    "fresh6/pt.yml": (1.0, 0.015),  # 150/150, false alarms 2/138
    "fresh7/en_warning_signs.yml": (0.993, 0.0),  # 151/152
    "fresh7/en_mixed.yml": (1.0, 0.0),  # 100/100
    "fresh7/en_routine.yml": (0.0, 0.026),  # false alarms 4/154
    "fresh7/es.yml": (1.0, 0.027),  # 154/154, false alarms 4/152
    "fresh7/pt.yml": (1.0, 0.007),  # 145/145, false alarms 1/149
    # ninth sets: read this session (their general causes fixed, tests/test_triage.py)
    "fresh8/en_warning_signs.yml": (0.979, 0.0),  # 146/149
    "fresh8/en_mixed.yml": (1.0, 0.0),  # 100/100
    "fresh8/en_routine.yml": (0.0, 0.025),  # false alarms 4/160
    "fresh8/es.yml": (1.0, 0.007),  # 151/151, false alarms 1/153
    "fresh8/pt.yml": (1.0, 0.021),  # 152/152, false alarms 3/144
    # tenth sets (ninth session): written at its start, measured once at its end, read in the
    # tenth session (their general causes fixed, tests/test_triage.py)
    "fresh9/en_warning_signs.yml": (1.0, 0.0),  # 147/147
    "fresh9/en_mixed.yml": (1.0, 0.0),  # 100/100
    "fresh9/en_routine.yml": (0.0, 0.013),  # false alarms 2/157
    "fresh9/es.yml": (1.0, 0.029),  # 115/115, false alarms 4/142
    "fresh9/pt.yml": (1.0, 0.036),  # 117/117, false alarms 5/140
    # eleventh sets (the Spanish one written in the tenth session, the others in the eleventh):
    # measured once after the tenth session's changes (133/138, 98/100, 12/148 false alarms; es
    # 139/143 and 10/156; pt 148/154 and 5/148), then read in the eleventh
    "fresh10/en_warning_signs.yml": (1.0, 0.0),  # 138/138
    "fresh10/en_mixed.yml": (1.0, 0.0),  # 100/100
    "fresh10/en_routine.yml": (0.0, 0.021),  # false alarms 3/148
    "fresh10/es.yml": (1.0, 0.02),  # 143/143, false alarms 3/156
    "fresh10/pt.yml": (1.0, 0.0),  # 154/154, false alarms 0/148
    # twelfth sets (eleventh session): written at its start, measured once at its end (140/145,
    # 98/100, 17/145 false alarms; es 135/139 and 9/150; pt 141/145 and 10/164), read in the twelfth
    "fresh11/en_warning_signs.yml": (0.993, 0.0),  # 144/145
    "fresh11/en_mixed.yml": (0.99, 0.0),  # 99/100
    "fresh11/en_routine.yml": (0.0, 0.035),  # false alarms 5/145
    "fresh11/es.yml": (1.0, 0.014),  # 139/139, false alarms 2/150
    "fresh11/pt.yml": (1.0, 0.0),  # 145/145, false alarms 0/164
    # thirteenth sets (twelfth session): written at its start, measured once at its end (142/145,
    # 97/100, 18/151 false alarms; es 142/145 and 10/151; pt 141/143 and 5/147), read in the
    # thirteenth
    "fresh12/en_warning_signs.yml": (1.0, 0.0),  # 145/145
    "fresh12/en_mixed.yml": (1.0, 0.0),  # 100/100
    "fresh12/en_routine.yml": (0.0, 0.06),  # false alarms 9/151
    "fresh12/es.yml": (1.0, 0.02),  # 145/145, false alarms 3/151
    "fresh12/pt.yml": (1.0, 0.007),  # 143/143, false alarms 1/147
    # fourteenth sets (thirteenth session): measured once at its end (143/145, 98/100, 17/155 false
    # alarms; es 140/143 and 9/150; pt 142/143 and 10/153), read in the fourteenth
    "fresh13/en_warning_signs.yml": (0.993, 0.0),  # 144/145
    "fresh13/en_mixed.yml": (1.0, 0.0),  # 100/100
    "fresh13/en_routine.yml": (0.0, 0.078),  # false alarms 12/155
    "fresh13/es.yml": (1.0, 0.047),  # 143/143, false alarms 7/150
    "fresh13/pt.yml": (1.0, 0.04),  # 143/143, false alarms 6/153
    # fifteenth sets (fourteenth session): measured once at its end, not read; the figures to quote
    "fresh14/en_warning_signs.yml": (0.979, 0.0),  # 144/147
    "fresh14/en_mixed.yml": (0.98, 0.0),  # 98/100
    "fresh14/en_routine.yml": (0.0, 0.111),  # false alarms 17/154
    "fresh14/es.yml": (0.978, 0.056),  # 135/138, false alarms 8/144
    "fresh14/pt.yml": (0.977, 0.068),  # 133/136, false alarms 10/148
}
TRAINING = {
    " ".join(t.lower().split())
    for path in sorted((ROOT / "bot/data").rglob("*.yml"))
    for t, _ in nlu_examples(path)
}


def _load(name: str) -> list[tuple[str, str]]:
    return nlu_examples(SETS / name)


def _split(pairs: list[tuple[str, str]]) -> tuple[list, list]:
    urgent = [(t, i) for t, i in pairs if i in DANGER_INTENTS]
    return urgent, [(t, i) for t, i in pairs if i not in DANGER_INTENTS]


@pytest.mark.parametrize("name", sorted(SIZES))
def test_the_set_is_large_enough_and_apart_from_training(name: str) -> None:
    pairs = _load(name)
    urgent, routine = _split(pairs)
    least_urgent, least_routine = SIZES[name]
    assert len(urgent) >= least_urgent and len(routine) >= least_routine
    copied = {t for t, _ in pairs if " ".join(t.lower().split()) in TRAINING}
    assert not copied, f"{name}: test messages copied into training: {sorted(copied)}"


@pytest.fixture(scope="module")
def verdicts(parse) -> dict[str, list[tuple[str, str, str]]]:
    """(text, gold intent, predicted intent) per set."""
    return {
        name: [(text, gold, parse(text)["intent"]["name"]) for text, gold in _load(name)]
        for name in SIZES
    }


@pytest.mark.parametrize("name", sorted(n for n, (least, _) in SIZES.items() if least))
def test_urgent_messages_get_an_urgent_reply(verdicts, name: str) -> None:
    urgent = [(t, g, p) for t, g, p in verdicts[name] if g in DANGER_INTENTS]
    missed = [(t, g, p) for t, g, p in urgent if p not in DANGER_INTENTS]
    caught = 1 - len(missed) / len(urgent)
    assert caught >= FLOORS[name][0], f"{name}: {caught:.3f}, missed {missed}"


@pytest.mark.parametrize("name", ROUTINE_SETS)
def test_routine_messages_with_alarming_words_are_not_urgent(verdicts, name: str) -> None:
    routine = [(t, g, p) for t, g, p in verdicts[name] if g not in DANGER_INTENTS]
    alarms = [(t, g, p) for t, g, p in routine if p in DANGER_INTENTS]
    assert len(alarms) <= FLOORS[name][1] * len(routine), f"{name}: false alarms {alarms}"


@pytest.mark.parametrize(
    "name",
    [
        "en_warning_signs.yml",
        "fresh/en_warning_signs.yml",
        "fresh2/en_warning_signs.yml",
        "fresh5/en_warning_signs.yml",
        "fresh6/en_warning_signs.yml",
        # not the eighth: its author put about 16 of 152 in danger now (pills taken, a bridge, a
        # car running in the garage), where 911 first is the right reply; 133 of 152 get 988 first
    ],
)
def test_warning_signs_get_988_not_only_911(verdicts, name: str) -> None:
    """Most warning-sign messages are a crisis: 988 first (911 is in that reply too)."""
    rows = [r for r in verdicts[name] if r[1] == "crisis"]
    as_crisis = sum(p == "crisis" for _, _, p in rows)
    # the third set: 141 of 158 (89%); the others got 911 first (tracks, pills taken now)
    assert as_crisis >= 0.88 * len(rows), f"{as_crisis} of {len(rows)} answered with 988 first"


def test_the_sets_name_their_independent_author() -> None:
    for name in SIZES:
        head = Path(SETS / name).read_text(encoding="utf-8").splitlines()[:3]
        assert any("never used for training" in line for line in head), name


def test_the_fresh_sets_do_not_repeat_the_first_ones() -> None:
    first = {" ".join(t.lower().split()) for n in SIZES if "/" not in n for t, _ in _load(n)}
    repeated = [
        t for n in SIZES if "/" in n for t, _ in _load(n) if " ".join(t.lower().split()) in first
    ]
    assert not repeated, repeated


def test_no_training_example_is_a_near_copy_of_an_urgent_test_message() -> None:
    """Exact copies are not the only leak: a training line that differs by a word or two from a
    test message makes that message seen. Character n-gram TF-IDF, cosine at least 0.85."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    tests = sorted({" ".join(t.lower().split()) for n in SIZES for t, _ in _load(n)})
    train = sorted(TRAINING)
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).fit(train + tests)
    similar = (vectors.transform(train) @ vectors.transform(tests).T).tocoo()
    close = [
        (train[i], tests[j])
        for i, j, s in zip(similar.row, similar.col, similar.data, strict=True)
        if s >= 0.85
    ]
    assert not close, close[:10]
