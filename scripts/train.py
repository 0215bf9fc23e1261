"""Trains the model into bot/models/ only when its inputs changed (training is slow on 2 cores).

The fingerprint covers everything that changes what the model learns: the training data (with the
synonyms generated from the knowledge files), config.yml, domain.yml and the custom NLU components
that run during training.
Editing an answer in bot/knowledge/ changes none of these, so it never costs a retrain.

    python scripts/train.py [--force]                     bot/models/assistant.tar.gz
    python scripts/train.py --config benchmarks/baseline-config.yml --name baseline

Each model gets <name>.fingerprint and <name>.json (training seconds, for make bench) beside it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "bot/models"
# Only the custom components that run while training (InputGuard cleans the training text; the
# classifier is trained). UrgentTriage and its lexicons act at prediction time only: changing
# them needs no retraining.
INPUTS = [
    "bot/domain.yml",
    "bot/data",
    "bot/nlu/input_guard.py",
    "bot/nlu/tfidf_classifier.py",
    "bot/nlu/lemmas.py",
    "bot/nlu/component.py",
]


def fingerprint(config: str) -> str:
    digest = hashlib.sha256()
    for entry in [config, *INPUTS]:
        path = ROOT / entry
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description="Train the Rasa model if its inputs changed.")
    parser.add_argument("--force", action="store_true", help="train even if nothing changed")
    parser.add_argument("--config", default="bot/config.yml", help="pipeline and policies")
    parser.add_argument("--name", default="assistant", help="model file name in bot/models/")
    args = parser.parse_args()
    model = MODELS / f"{args.name}.tar.gz"
    stamp, info = MODELS / f"{args.name}.fingerprint", MODELS / f"{args.name}.json"
    current = fingerprint(args.config)
    if not args.force and model.exists() and stamp.exists() and stamp.read_text() == current:
        print(f"Model is up to date ({model.relative_to(ROOT)}); nothing to train.")
        return 0
    started = time.monotonic()
    # Rasa writes the defaults it chose into a config that leaves them out (the baseline's): it
    # trains from a copy, so the committed file and its fingerprint stay as they are.
    config = ROOT / "build" / f"train-{args.name}-config.yml"
    config.parent.mkdir(exist_ok=True)
    shutil.copyfile(ROOT / args.config, config)
    command = [
        str(Path(sys.executable).parent / "rasa"),
        "train",
        "--config",
        str(config),
        "--domain",
        "bot/domain.yml",
        "--data",
        "bot/data",
        "--out",
        "bot/models",
        "--fixed-model-name",
        args.name,
        "--force",
    ]
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0 or not model.exists():
        print("Training failed.", file=sys.stderr)
        return result.returncode or 1
    seconds = time.monotonic() - started
    stamp.write_text(current)
    info.write_text(json.dumps({"seconds": round(seconds, 1), "config": args.config}) + "\n")
    print(f"Trained {model.relative_to(ROOT)} in {seconds:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
