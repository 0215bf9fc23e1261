"""Trains the model into bot/models/ only when its inputs changed (training is slow on 2 cores).

The fingerprint covers everything that changes what the model learns: the training data (with the
synonyms generated from the knowledge files), config.yml, domain.yml and the custom NLU components
that run during training.
Editing an answer in bot/knowledge/ changes none of these, so it never costs a retrain.

    python scripts/train.py [--force]
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "bot/models/assistant.tar.gz"
STAMP = ROOT / "bot/models/assistant.fingerprint"
# Only the custom components that run while training (InputGuard cleans the training text).
# UrgentTriage and its lexicon act at prediction time only: changing them needs no retraining.
INPUTS = [
    "bot/config.yml",
    "bot/domain.yml",
    "bot/data",
    "bot/nlu/input_guard.py",
    "bot/nlu/component.py",
]


def fingerprint() -> str:
    digest = hashlib.sha256()
    for entry in INPUTS:
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
    args = parser.parse_args()
    current = fingerprint()
    if not args.force and MODEL.exists() and STAMP.exists() and STAMP.read_text() == current:
        print(f"Model is up to date ({MODEL.relative_to(ROOT)}); nothing to train.")
        return 0
    started = time.monotonic()
    command = [
        str(Path(sys.executable).parent / "rasa"),
        "train",
        "--config",
        "bot/config.yml",
        "--domain",
        "bot/domain.yml",
        "--data",
        "bot/data",
        "--out",
        "bot/models",
        "--fixed-model-name",
        "assistant",
        "--force",
    ]
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0 or not MODEL.exists():
        print("Training failed.", file=sys.stderr)
        return result.returncode or 1
    STAMP.write_text(current)
    print(f"Trained {MODEL.relative_to(ROOT)} in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
