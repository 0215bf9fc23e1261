"""The floor `make eval` holds our pipeline against: the simplest classifier a reviewer would try.

TF-IDF of words (1–2) and of characters within words (2–5) into a class-balanced logistic
regression, trained on exactly our training data (bot/data), with no lexicon, no triage, no
fallback threshold and no spaCy. If our pipeline does not beat this on a set, what it adds does
not earn its cost there. Also a 5-fold cross-validation of the training data, for the floor and
for our NLU pipeline (`rasa test nlu --cross-validation`), so every report shows how each
generalises within the data as well as on the held-out sets.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, Pipeline

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.nlu.examples import nlu_examples  # noqa: E402

DATA = ROOT / "bot/data"
FOLDS = 5


def training_data() -> tuple[list[str], list[str]]:
    pairs = [p for path in sorted(DATA.rglob("*.yml")) for p in nlu_examples(path)]
    return [t for t, _ in pairs], [i for _, i in pairs]


def pipeline() -> Pipeline:
    return Pipeline(
        [
            (
                "features",
                FeatureUnion(
                    [
                        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
                        (
                            "chars",
                            TfidfVectorizer(
                                analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True
                            ),
                        ),
                    ]
                ),
            ),
            ("lr", LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000)),
        ]
    )


class Floor:
    """Trained once on bot/data; `predict` gives one intent per text."""

    def __init__(self) -> None:
        texts, intents = training_data()
        self.model = pipeline().fit(texts, intents)

    def predict(self, texts: list[str]) -> list[str]:
        return list(self.model.predict(texts))


def cross_validation_floor() -> dict[str, float]:
    """Accuracy and macro-F1 of the floor over 5 stratified folds of the training data."""
    from sklearn.metrics import accuracy_score, f1_score

    texts, intents = training_data()
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=42)
    predicted = cross_val_predict(pipeline(), texts, intents, cv=folds, n_jobs=1)
    return {
        "accuracy": float(accuracy_score(intents, predicted)),
        "macro-F1": float(f1_score(intents, predicted, average="macro", zero_division=0)),
    }


def cross_validation_ours() -> dict[str, float]:
    """The same figures for our NLU pipeline (bot/config.yml), by Rasa's own cross-validation:
    5 trainings of about a minute each on 2 cores. Triage and the fallback count as predicted."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [
                str(Path(sys.executable).parent / "rasa"),
                "test",
                "nlu",
                "--nlu",
                str(DATA),
                "--config",
                str(ROOT / "bot/config.yml"),
                "--cross-validation",
                "--folds",
                str(FOLDS),
                "--out",
                out,
            ],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        report = json.loads((Path(out) / "intent_report.json").read_text())
    return {
        "accuracy": float(report["accuracy"]),
        "macro-F1": float(report["macro avg"]["f1-score"]),
    }
