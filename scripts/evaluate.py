"""`make eval`: our model beside the Rasa-default baseline, on held-out messages, into reports/.

For each held-out set (tests/nlu_holdout.yml; tests/nlu_fresh.yml, written later and never used to
tune anything) and each model (ours: bot/models/assistant.tar.gz; the baseline, what `rasa init`
gives: bot/models/baseline.tar.gz, see benchmarks/baseline-config.yml), it reports accuracy and
macro-F1 per intent group, emergency / crisis / domestic-violence recall, the false-alarm rate
(routine messages answered as urgent), the out-of-scope rate, and every message we got wrong. It
draws our confusion matrix (reports/confusion.png) and appends the CLINC150 benchmark
(scripts/clinc.py) unless CLINC=0. Beside both, the floor (scripts/floor.py): TF-IDF + logistic
regression on the same data, with nothing else; and a 5-fold cross-validation of the training data
for the floor and for ours, unless CV=0 (about six minutes).

    python scripts/evaluate.py          (make eval)
    BASELINE=0 CLINC=0 CV=0 python scripts/evaluate.py    ours and the floor, our sets only
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)

from bot.actions.replies import likely_topics  # noqa: E402
from bot.kb.intents import (  # noqa: E402
    ANSWERED_INTENTS,
    CONVERSATION_INTENTS,
    DANGER_INTENTS,
    SERVICE_INTENTS,
    URGENT_INTENTS,
)
from bot.nlu.examples import model_parser, nlu_examples  # noqa: E402
from bot.paths import MODEL, REPORTS  # noqa: E402

URGENT = URGENT_INTENTS
DANGER = DANGER_INTENTS
REFUSED = {"out_of_scope", "nlu_fallback"}  # the resident is told "I can't help with that"
GROUPS = {
    "urgent": URGENT,
    "service": tuple(SERVICE_INTENTS),
    "conversation": tuple(i for i in CONVERSATION_INTENTS if i != "out_of_scope"),
    "out of scope": ("out_of_scope",),
}
SETS = {
    "held-out": ROOT / "tests/nlu_holdout.yml",
    "fresh (untouched)": ROOT / "tests/nlu_fresh.yml",
    # urgent sets written apart from the training data and the lexicon (tests/test_urgent_sets.py)
    "warning signs (en)": ROOT / "tests/urgent/en_warning_signs.yml",
    "mixed routine + danger (en)": ROOT / "tests/urgent/en_mixed.yml",
    "urgent and routine (es)": ROOT / "tests/urgent/es.yml",
    "urgent and routine (pt)": ROOT / "tests/urgent/pt.yml",
    # second urgent sets, other authors; measured once, then read (as every set but the newest)
    "fresh warning signs (en)": ROOT / "tests/urgent/fresh/en_warning_signs.yml",
    "fresh mixed (en)": ROOT / "tests/urgent/fresh/en_mixed.yml",
    "fresh urgent and routine (es)": ROOT / "tests/urgent/fresh/es.yml",
    "fresh urgent and routine (pt)": ROOT / "tests/urgent/fresh/pt.yml",
    # third urgent sets (2026-12-01, session 5), other authors: measured once before any change
    # made for them (README), never tuned on
    "third warning signs (en)": ROOT / "tests/urgent/fresh2/en_warning_signs.yml",
    "third mixed (en)": ROOT / "tests/urgent/fresh2/en_mixed.yml",
    "third urgent and routine (es)": ROOT / "tests/urgent/fresh2/es.yml",
    "third urgent and routine (pt)": ROOT / "tests/urgent/fresh2/pt.yml",
    # fourth sets (fifth session, other authors): measured untouched in the fifth session, their
    # mistakes read in the sixth
    "fourth warning signs (en)": ROOT / "tests/urgent/fresh3/en_warning_signs.yml",
    "fourth mixed (en)": ROOT / "tests/urgent/fresh3/en_mixed.yml",
    "fourth routine with alarming words (en)": ROOT / "tests/urgent/fresh3/en_routine.yml",
    "fourth urgent and routine (es)": ROOT / "tests/urgent/fresh3/es.yml",
    "fourth urgent and routine (pt)": ROOT / "tests/urgent/fresh3/pt.yml",
    # fifth sets (sixth session): measured untouched at the start of the session, then read
    "fifth warning signs (en)": ROOT / "tests/urgent/fresh4/en_warning_signs.yml",
    "fifth mixed (en)": ROOT / "tests/urgent/fresh4/en_mixed.yml",
    "fifth routine with alarming words (en)": ROOT / "tests/urgent/fresh4/en_routine.yml",
    "fifth urgent and routine (es)": ROOT / "tests/urgent/fresh4/es.yml",
    "fifth urgent and routine (pt)": ROOT / "tests/urgent/fresh4/pt.yml",
    # sixth sets (sixth session): measured untouched in the middle of the session, then read
    "sixth warning signs (en)": ROOT / "tests/urgent/fresh5/en_warning_signs.yml",
    "sixth mixed (en)": ROOT / "tests/urgent/fresh5/en_mixed.yml",
    "sixth routine with alarming words (en)": ROOT / "tests/urgent/fresh5/en_routine.yml",
    "sixth urgent and routine (es)": ROOT / "tests/urgent/fresh5/es.yml",
    "sixth urgent and routine (pt)": ROOT / "tests/urgent/fresh5/pt.yml",
    # seventh sets (sixth session): measured once untouched, read in the seventh session
    "seventh warning signs (en)": ROOT / "tests/urgent/fresh6/en_warning_signs.yml",
    "seventh mixed (en)": ROOT / "tests/urgent/fresh6/en_mixed.yml",
    "seventh routine with alarming words (en)": ROOT / "tests/urgent/fresh6/en_routine.yml",
    "seventh urgent and routine (es)": ROOT / "tests/urgent/fresh6/es.yml",
    "seventh urgent and routine (pt)": ROOT / "tests/urgent/fresh6/pt.yml",
    # eighth sets (seventh session): measured once untouched, read in the eighth session
    "eighth warning signs (en)": ROOT / "tests/urgent/fresh7/en_warning_signs.yml",
    "eighth mixed (en)": ROOT / "tests/urgent/fresh7/en_mixed.yml",
    "eighth routine with alarming words (en)": ROOT / "tests/urgent/fresh7/en_routine.yml",
    "eighth urgent and routine (es)": ROOT / "tests/urgent/fresh7/es.yml",
    "eighth urgent and routine (pt)": ROOT / "tests/urgent/fresh7/pt.yml",
    # ninth sets (eighth session): written at its start, measured once at its end; their mistakes
    # were read in the ninth session
    "ninth warning signs (en)": ROOT / "tests/urgent/fresh8/en_warning_signs.yml",
    "ninth mixed (en)": ROOT / "tests/urgent/fresh8/en_mixed.yml",
    "ninth routine with alarming words (en)": ROOT / "tests/urgent/fresh8/en_routine.yml",
    "ninth urgent and routine (es)": ROOT / "tests/urgent/fresh8/es.yml",
    "ninth urgent and routine (pt)": ROOT / "tests/urgent/fresh8/pt.yml",
    # tenth sets (ninth session): written at its start, measured once at its end; their mistakes
    # were read in the tenth session
    "tenth warning signs (en)": ROOT / "tests/urgent/fresh9/en_warning_signs.yml",
    "tenth mixed (en)": ROOT / "tests/urgent/fresh9/en_mixed.yml",
    "tenth routine with alarming words (en)": ROOT / "tests/urgent/fresh9/en_routine.yml",
    "tenth urgent and routine (es)": ROOT / "tests/urgent/fresh9/es.yml",
    "tenth urgent and routine (pt)": ROOT / "tests/urgent/fresh9/pt.yml",
    # eleventh sets (Spanish written in the tenth session, English and Portuguese at the start of
    # the eleventh): measured once, after the tenth session's changes; read in the eleventh
    "eleventh warning signs (en)": ROOT / "tests/urgent/fresh10/en_warning_signs.yml",
    "eleventh mixed (en)": ROOT / "tests/urgent/fresh10/en_mixed.yml",
    "eleventh routine with alarming words (en)": ROOT / "tests/urgent/fresh10/en_routine.yml",
    "eleventh urgent and routine (es)": ROOT / "tests/urgent/fresh10/es.yml",
    "eleventh urgent and routine (pt)": ROOT / "tests/urgent/fresh10/pt.yml",
    # twelfth sets (eleventh session): written at its start, measured once at its end, read in
    # the twelfth (their general causes fixed, tests/test_triage.py)
    "twelfth warning signs (en)": ROOT / "tests/urgent/fresh11/en_warning_signs.yml",
    "twelfth mixed (en)": ROOT / "tests/urgent/fresh11/en_mixed.yml",
    "twelfth routine with alarming words (en)": ROOT / "tests/urgent/fresh11/en_routine.yml",
    "twelfth urgent and routine (es)": ROOT / "tests/urgent/fresh11/es.yml",
    "twelfth urgent and routine (pt)": ROOT / "tests/urgent/fresh11/pt.yml",
    # thirteenth sets (twelfth session): written at its start, measured once at its end, read in
    # the thirteenth (their general causes fixed, tests/test_triage.py)
    "thirteenth warning signs (en)": ROOT / "tests/urgent/fresh12/en_warning_signs.yml",
    "thirteenth mixed (en)": ROOT / "tests/urgent/fresh12/en_mixed.yml",
    "thirteenth routine with alarming words (en)": ROOT / "tests/urgent/fresh12/en_routine.yml",
    "thirteenth urgent and routine (es)": ROOT / "tests/urgent/fresh12/es.yml",
    "thirteenth urgent and routine (pt)": ROOT / "tests/urgent/fresh12/pt.yml",
    # fourteenth sets (thirteenth session): written at its start, measured once at its end, read in
    # the fourteenth (their general causes fixed, tests/test_triage.py)
    "fourteenth warning signs (en)": ROOT / "tests/urgent/fresh13/en_warning_signs.yml",
    "fourteenth mixed (en)": ROOT / "tests/urgent/fresh13/en_mixed.yml",
    "fourteenth routine with alarming words (en)": ROOT / "tests/urgent/fresh13/en_routine.yml",
    "fourteenth urgent and routine (es)": ROOT / "tests/urgent/fresh13/es.yml",
    "fourteenth urgent and routine (pt)": ROOT / "tests/urgent/fresh13/pt.yml",
    # fifteenth sets (fourteenth session): written at its start, measured once at its end: the
    # figures to quote
    "fifteenth warning signs (en)": ROOT / "tests/urgent/fresh14/en_warning_signs.yml",
    "fifteenth mixed (en)": ROOT / "tests/urgent/fresh14/en_mixed.yml",
    "fifteenth routine with alarming words (en)": ROOT / "tests/urgent/fresh14/en_routine.yml",
    "fifteenth urgent and routine (es)": ROOT / "tests/urgent/fresh14/es.yml",
    "fifteenth urgent and routine (pt)": ROOT / "tests/urgent/fresh14/pt.yml",
    # residents' sets by independent authors, never tuned on (tests/test_resident_sets.py)
    "routine questions (es)": ROOT / "tests/lang/es_routine.yml",
    "routine questions (pt)": ROOT / "tests/lang/pt_routine.yml",
    "routine with alarming words (en, es, pt)": ROOT / "tests/precision/alarming_routine.yml",
    "real FAQ questions (other towns' pages)": ROOT / "tests/real/faq_questions.yml",
}
# The language every message of a set is written in, where one is: the reply must be in it.
LANGUAGE_OF_SET = {
    "urgent and routine (es)": "es",
    "urgent and routine (pt)": "pt",
    "fresh urgent and routine (es)": "es",
    "fresh urgent and routine (pt)": "pt",
    "third urgent and routine (es)": "es",
    "third urgent and routine (pt)": "pt",
    "fourth urgent and routine (es)": "es",
    "fourth urgent and routine (pt)": "pt",
    "fifth urgent and routine (es)": "es",
    "fifth urgent and routine (pt)": "pt",
    "sixth urgent and routine (es)": "es",
    "sixth urgent and routine (pt)": "pt",
    "seventh urgent and routine (es)": "es",
    "seventh urgent and routine (pt)": "pt",
    "eighth urgent and routine (es)": "es",
    "eighth urgent and routine (pt)": "pt",
    "ninth urgent and routine (es)": "es",
    "ninth urgent and routine (pt)": "pt",
    "tenth urgent and routine (es)": "es",
    "tenth urgent and routine (pt)": "pt",
    "eleventh urgent and routine (es)": "es",
    "eleventh urgent and routine (pt)": "pt",
    "twelfth urgent and routine (es)": "es",
    "twelfth urgent and routine (pt)": "pt",
    "thirteenth urgent and routine (es)": "es",
    "thirteenth urgent and routine (pt)": "pt",
    "fourteenth urgent and routine (es)": "es",
    "fourteenth urgent and routine (pt)": "pt",
    "fifteenth urgent and routine (es)": "es",
    "fifteenth urgent and routine (pt)": "pt",
    "routine questions (es)": "es",
    "routine questions (pt)": "pt",
    "held-out": "en",
    "fresh (untouched)": "en",
}
MODELS = {
    "ours": MODEL,
    "baseline": ROOT / "bot/models/baseline.tar.gz",
}
FLOOR = "floor (TF-IDF + LR)"


@dataclass(frozen=True)
class Row:
    text: str
    gold: str
    predicted: str
    language: str | None  # the language the NLU gives the conversation (None: not shown)
    # the topics "Did you mean…?" offers when the message was not understood
    offered: tuple[str, ...] = ()


def examples(path: Path) -> list[tuple[str, str]]:
    """(text, intent) of a set: Rasa NLU YAML, or the FAQ set's list of questions with sources."""
    if path.name == "faq_questions.yml":
        questions = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
        return [(q["text"], q["intent"]) for q in questions]
    return nlu_examples(path)


def predict(model: Path, pairs: list[tuple[str, str]]) -> list[Row]:
    rows = []
    with model_parser(model) as parse:
        for text, gold in pairs:
            parsed = parse(text)
            language = next(
                (e["value"] for e in parsed.get("entities", []) if e["entity"] == "language"),
                None,
            )
            predicted = parsed["intent"]["name"]
            offered = (
                tuple(likely_topics(parsed.get("intent_ranking") or [], ANSWERED_INTENTS))
                if predicted == "nlu_fallback"
                else ()
            )
            rows.append(Row(text, gold, predicted, language, offered))
    return rows


def macro_f1(rows: list[Row], intents: list[str]) -> float:
    from sklearn.metrics import f1_score

    gold, predicted = [r.gold for r in rows], [r.predicted for r in rows]
    return float(f1_score(gold, predicted, labels=intents, average="macro", zero_division=0))


def figures(rows: list[Row], language: str | None = None) -> dict[str, str]:
    """Every figure of the report for one model on one set, formatted."""
    out: dict[str, str] = {}
    for name, intents in GROUPS.items():
        chosen = [r for r in rows if r.gold in intents]
        present = [i for i in intents if any(r.gold == i for r in rows)]
        if not chosen:
            out[f"{name}: accuracy"] = out[f"{name}: macro-F1"] = "-"
            continue
        accuracy = sum(r.gold == r.predicted for r in chosen) / len(chosen)
        macro = macro_f1(rows, present)
        out[f"{name}: accuracy"] = f"{accuracy:.3f} (n={len(chosen)})"
        out[f"{name}: macro-F1"] = f"{macro:.3f}"
    out["all: accuracy"] = f"{sum(r.gold == r.predicted for r in rows) / len(rows):.3f}"
    oos = [r for r in rows if r.gold == "out_of_scope"]
    told = sum(r.predicted in REFUSED for r in oos)
    # what the resident reads: "outside what I can help with" or "I didn't understand" (+ choices)
    out["out of scope recognised (out of scope or fallback)"] = (
        f"{told / len(oos):.3f} ({told}/{len(oos)})" if oos else "-"
    )
    for intent in DANGER:
        gold = [r for r in rows if r.gold == intent]
        if not gold:
            out[f"{intent} recall (any urgent reply)"] = "-"
            continue
        urgent = sum(r.predicted in DANGER for r in gold)
        share = f"{urgent / len(gold):.3f} ({urgent}/{len(gold)})"
        out[f"{intent} recall (any urgent reply)"] = share
    routine = [r for r in rows if r.gold not in DANGER]
    alarms = sum(r.predicted in DANGER for r in routine)
    out["false alarms (routine answered as urgent)"] = (
        f"{alarms / len(routine):.3f} ({alarms}/{len(routine)})" if routine else "-"
    )
    refused = [r for r in rows if r.gold not in REFUSED]
    turned_away = sum(r.predicted in REFUSED for r in refused)
    out["out-of-scope rate (answerable, turned away)"] = (
        f"{turned_away / len(refused):.3f} ({turned_away}/{len(refused)})" if refused else "-"
    )
    out["fallback rate (all messages)"] = (
        f"{Counter(r.predicted for r in rows)['nlu_fallback'] / len(rows):.3f}"
    )
    asked = [r for r in rows if r.predicted == "nlu_fallback" and r.gold in SERVICE_INTENTS]
    offered = sum(r.gold in r.offered for r in asked)
    out['asked "Did you mean": right topic offered'] = (
        f"{offered / len(asked):.3f} ({offered}/{len(asked)})" if asked else "-"
    )
    if language:
        right = sum(r.language == language for r in rows)
        out[f"reply in {language} (language told)"] = (
            f"{right / len(rows):.3f} ({right}/{len(rows)})"
        )
    return out


def confusion_png(rows: list[Row], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import confusion_matrix

    labels = sorted({r.gold for r in rows} | {r.predicted for r in rows})
    counts = confusion_matrix([r.gold for r in rows], [r.predicted for r in rows], labels=labels)
    shares = counts / counts.sum(axis=1, keepdims=True).clip(min=1)
    fig, ax = plt.subplots(figsize=(13, 12))
    ax.imshow(shares, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize=7)
    ax.set_yticks(range(len(labels)), labels, fontsize=7)
    for i, j in zip(*counts.nonzero(), strict=True):
        color = "white" if shares[i, j] > 0.5 else "black"
        ax.text(j, i, str(counts[i, j]), ha="center", va="center", fontsize=6, color=color)
    ax.set_xlabel("predicted")
    ax.set_ylabel("expected")
    ax.set_title(f"Our model, held-out messages (n={len(rows)}): counts, colour = share of row")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> int:
    REPORTS.mkdir(exist_ok=True)
    if os.environ.get("BASELINE", "1") == "0":
        MODELS.pop("baseline")
    missing = [str(m.relative_to(ROOT)) for m in MODELS.values() if not m.exists()]
    if missing:
        print(f"missing models: {missing} (make eval trains them)", file=sys.stderr)
        return 1
    results = {
        (set_name, model_name): predict(model, examples(path))
        for set_name, path in SETS.items()
        for model_name, model in MODELS.items()
    }
    import floor  # scripts/floor.py

    trained_floor = floor.Floor()
    for set_name, path in SETS.items():
        pairs = examples(path)
        guesses = trained_floor.predict([t for t, _ in pairs])
        results[(set_name, FLOOR)] = [
            Row(t, g, p, None) for (t, g), p in zip(pairs, guesses, strict=True)
        ]
    columns_of = [*MODELS, FLOOR]
    lines = [
        "# NLU evaluation",
        "",
        "Command: `make eval`. Ours is bot/models/assistant.tar.gz (bot/config.yml); the baseline "
        "is Rasa 3.6's default pipeline and policies, what `rasa init` writes, trained on the same "
        "data (benchmarks/baseline-config.yml). Urgent recall counts any urgent reply (911, 988 or "
        "Safe Connect first) as caught. Ours is trained with a fixed seed; Rasa's defaults have "
        "none, so the baseline's figures move between trainings: judge small differences over "
        "several trainings. The floor is TF-IDF + logistic regression on the same data and "
        "nothing else (scripts/floor.py): where ours is not ahead of it, our pipeline does not "
        "earn its cost on that set.",
    ]
    for set_name, path in SETS.items():
        language = LANGUAGE_OF_SET.get(set_name)
        columns = {
            name: figures(results[(set_name, name)], language if name != FLOOR else None)
            for name in columns_of
        }
        ours = results[(set_name, "ours")]
        lines += [
            "",
            f"## {set_name}: {path.relative_to(ROOT)} ({len(ours)} messages)",
            "",
            "| figure | " + " | ".join(columns_of) + " |",
            "| --- | " + " | ".join("---" for _ in columns_of) + " |",
        ]
        lines += [
            f"| {key} | " + " | ".join(columns[m].get(key, "-") for m in columns_of) + " |"
            for key in columns["ours"]
        ]
    if os.environ.get("CV", "1") != "0":
        ours_cv, floor_cv = floor.cross_validation_ours(), floor.cross_validation_floor()
        lines += [
            "",
            f"## {floor.FOLDS}-fold cross-validation of the training data (bot/data)",
            "",
            f"| figure | ours | {FLOOR} |",
            "| --- | --- | --- |",
            *(f"| {k} | {ours_cv[k]:.3f} | {floor_cv[k]:.3f} |" for k in ("accuracy", "macro-F1")),
        ]
    held_out = [r for s in ("held-out", "fresh (untouched)") for r in results[(s, "ours")]]
    confusion_png(held_out, REPORTS / "confusion.png")
    lines += [
        "",
        "Confusion matrix of our model, held-out and fresh: [confusion.png](confusion.png)",
    ]
    import redaction_eval  # scripts/redaction_eval.py

    lines += ["", "## Personal details removed before storage", ""]
    lines += [redaction_eval.markdown(redaction_eval.evaluate())]
    import replay  # scripts/replay.py: stored messages through a candidate model, if both exist

    lines += ["", replay.replay(missing_ok=True, heading="##")["markdown"]]
    if os.environ.get("CLINC", "1") != "0":
        import clinc  # scripts/clinc.py

        lines += ["", *clinc.run()]
    for set_name in SETS:
        wrong = [r for r in results[(set_name, "ours")] if r.gold != r.predicted]
        lines += [
            "",
            f"## Our mistakes, {set_name} ({len(wrong)})",
            "",
            "| text | expected | predicted |",
            "| --- | --- | --- |",
        ]
        lines += [f"| {r.text.replace('|', '/')} | {r.gold} | {r.predicted} |" for r in wrong]
    out = REPORTS / "eval.md"
    out.write_text("\n".join(lines) + "\n")
    print("\n".join(line for line in lines if not line.startswith("| ") or "|" in line[2:]))
    print(f"\nReport: {out.relative_to(ROOT)}, {REPORTS.relative_to(ROOT)}/confusion.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
