"""Residents' questions the model never saw, on the trained model: routine questions in Spanish and
Portuguese (tests/lang/), routine messages full of alarming words (tests/precision/), and questions
copied verbatim from other towns' FAQ pages (tests/real/).

Each set was written or collected by an author who had not read the training data (its header
says so) and is never used for training or tuning. The issues' targets (service accuracy 90-95%,
false alarms at most 0.5-1%, the reply's language right 98%) are not all reached yet: FLOORS holds
what each set reaches today, so no change can make it worse unnoticed; raise a floor when a
change improves it, and quote the figures from `make eval`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml

from bot.kb.intents import ALL_INTENTS, DANGER_INTENTS, SERVICE_INTENTS
from bot.nlu.examples import nlu_examples
from tests.conftest import ROOT

SETS = {
    "es": ROOT / "tests/lang/es_routine.yml",
    "pt": ROOT / "tests/lang/pt_routine.yml",
    "alarming": ROOT / "tests/precision/alarming_routine.yml",
    "faq": ROOT / "tests/real/faq_questions.yml",
}
# set: (at least this many messages, service accuracy at least, false alarms at most,
#       reply language right at least). Measured with make eval.
FLOORS = {
    # 2026-12-03, thirteenth session (270 side remarks as out_of_scope, bot/data/nlu/
    # side_remarks.yml, took 34 false alarms off the read urgent sets and cost 2 pt, 2 alarming
    # and 1 FAQ service answers; measured, not read)
    "es": (300, 0.929, 0.01, 0.98),  # 0.930 (264 of 284) service; 3 of 313 urgent; es told 308/313
    "pt": (300, 0.918, 0.007, 0.98),  # 0.919 (260 of 283); 2 of 312; pt told 306/312
    "alarming": (400, 0.78, 0.014, None),  # 0.781 (242 of 310); 6 of 436
    "faq": (300, 0.909, 0.004, None),  # 0.910 (191 of 210); 0 of 316
}
# Sites reserved for an independent evaluation (issue "Understand residents' real questions").
RESERVED = (
    "westhartfordct.gov norwalkct.gov newcanaanpolice.org newtown-ct.gov portal.ct.gov "
    "text911ct.org norwichpd.org wilcotx.gov cityofmelrose.com islamorada.fl.us northlakecity.com "
    "newhaven.in.gov norristown.org manchesternh.gov sanmarcostx.gov cibolotx.gov thecolonytx.gov "
    "lafayette.in.gov dickinsongov.com eastbrookfieldma.us town.dennis.ma.us miltonvt.gov "
    "uxbridge-ma.gov pinal.gov town.orleans.ma.us provincetown-ma.gov cayugacounty.us "
    "carpinteriaca.gov shakeronline.com geneva.il.us wiltonct.org seguintexas.gov srcity.org "
    "ci.greenville.tx.us cityofgaffney-sc.gov gilbertaz.gov arroyogrande.org sarpy.gov pennco.org "
    "emergenthealth.org bridgeportct.gov cityofinglewood.org parkcity.org mylubbock.us "
    "cherryvaleusa.com garlandfire.com pembrokepinescpa.com sahuaritaaz.gov richardsonpolice.net "
    "newingtonct.gov brentwoodmo.org townofmanlius.org cityofnisswa.com townofsmyrna.org"
).split()


def faq_questions() -> list[dict[str, str]]:
    return yaml.safe_load(SETS["faq"].read_text(encoding="utf-8"))["questions"]


def load(name: str) -> list[tuple[str, str]]:
    if name == "faq":
        return [(q["text"], q["intent"]) for q in faq_questions()]
    return nlu_examples(SETS[name])


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


TRAINING = {
    _norm(t) for path in sorted((ROOT / "bot/data").rglob("*.yml")) for t, _ in nlu_examples(path)
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_set_is_large_labelled_and_apart_from_training(name: str) -> None:
    pairs = load(name)
    assert len(pairs) >= FLOORS[name][0]
    assert {intent for _, intent in pairs} <= set(ALL_INTENTS)
    copied = sorted(t for t, _ in pairs if _norm(t) in TRAINING)
    assert not copied, f"{name}: test messages copied into training: {copied}"
    head = SETS[name].read_text(encoding="utf-8").splitlines()[:3]
    assert any("never used for training" in line.lower() for line in head), name


def test_no_training_example_is_a_near_copy_of_a_resident_test_message() -> None:
    """Character n-gram TF-IDF, cosine at least 0.85: a line that differs by a word or two leaks."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    tests = sorted({_norm(t) for name in SETS for t, _ in load(name)})
    train = sorted(TRAINING)
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).fit(train + tests)
    similar = (vectors.transform(train) @ vectors.transform(tests).T).tocoo()
    close = [
        (train[i], tests[j])
        for i, j, s in zip(similar.row, similar.col, similar.data, strict=True)
        if s >= 0.85
    ]
    assert not close, close[:10]


def test_the_faq_questions_cite_public_pages_not_the_reserved_sites() -> None:
    questions = faq_questions()
    hosts = [urlsplit(q["source"]).hostname or "" for q in questions]
    assert all(q["source"].startswith(("http://", "https://")) for q in questions)
    reserved = [h for h in hosts if any(h == r or h.endswith("." + r) for r in RESERVED)]
    assert not reserved, reserved
    assert len(set(hosts)) >= 50 and max(hosts.count(h) for h in set(hosts)) <= 25


def test_the_alarming_list_holds_no_urgent_message() -> None:
    assert not [t for t, intent in load("alarming") if intent in DANGER_INTENTS]


@pytest.fixture(scope="module")
def verdicts(parse) -> dict[str, list[tuple[str, str, str, str | None]]]:
    """(text, gold intent, predicted intent, language the reply will be in) per set."""
    rows: dict[str, list[tuple[str, str, str, str | None]]] = {}
    for name in SETS:
        rows[name] = []
        for text, gold in load(name):
            parsed = parse(text)
            language = next(
                (e["value"] for e in parsed.get("entities", []) if e["entity"] == "language"),
                None,
            )
            rows[name].append((text, gold, parsed["intent"]["name"], language))
    return rows


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(SETS))
def test_service_questions_get_their_answer(verdicts, name: str) -> None:
    service = [r for r in verdicts[name] if r[1] in SERVICE_INTENTS]
    right = sum(r[1] == r[2] for r in service) / len(service)
    wrong = [(t, g, p) for t, g, p, _ in service if g != p]
    assert right >= FLOORS[name][1], f"{name}: {right:.3f}; wrong: {wrong[:40]}"


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(SETS))
def test_routine_questions_are_not_answered_as_urgent(verdicts, name: str) -> None:
    rows = verdicts[name]
    alarms = [(t, g, p) for t, g, p, _ in rows if g not in DANGER_INTENTS and p in DANGER_INTENTS]
    assert len(alarms) <= FLOORS[name][2] * len(rows), f"{name}: {len(alarms)}: {alarms}"


@pytest.mark.model
@pytest.mark.parametrize("name", ["es", "pt"])
def test_the_reply_is_in_the_residents_language(verdicts, name: str) -> None:
    """The language the NLU hands the conversation (the `language` slot). None means the message
    did not show it, and a new conversation is answered in English."""
    rows = verdicts[name]
    right = sum(language == name for *_, language in rows) / len(rows)
    wrong = [(t, language) for t, _, _, language in rows if language != name]
    assert right >= FLOORS[name][3], f"{name}: {right:.3f}; {wrong[:30]}"


def test_real_faq_training_questions_come_from_other_sites_than_the_test_set() -> None:
    """bot/data/nlu/faq_real.yml is real FAQ phrasing for training: no question from a site the
    test set or the independent evaluation uses, and each one's source listed beside it."""
    import csv

    def host(url: str) -> str:
        name = (urlsplit(url).hostname or "").lower()
        return name[4:] if name.startswith("www.") else name

    with (ROOT / "bot/data/nlu/faq_real_sources.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    trained = {_norm(t) for t, _ in nlu_examples(ROOT / "bot/data/nlu/faq_real.yml")}
    assert trained == {_norm(r["text"]) for r in rows}
    tested = {host(q["source"]) for q in faq_questions()} | set(RESERVED)
    shared = {
        host(r["source_url"])
        for r in rows
        if any(
            host(r["source_url"]) == t or host(r["source_url"]).endswith("." + t) for t in tested
        )
    }
    assert not shared, sorted(shared)
