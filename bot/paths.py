"""Where the project, its trained model and its reports are: one definition for every script."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "bot/models/assistant.tar.gz"
REPORTS = ROOT / "reports"
