"""Rasa's own checks: the training data validates cleanly and the conversation tests pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.kb.intents import ALL_INTENTS
from tests.conftest import MODEL, ROOT, read_yaml

RASA = str(Path(sys.executable).parent / "rasa")


def test_domain_has_exactly_the_contract_intents() -> None:
    assert read_yaml(ROOT / "bot/domain.yml")["intents"] == list(ALL_INTENTS)


def test_rasa_data_validate_is_clean() -> None:
    result = subprocess.run(
        [
            RASA,
            "data",
            "validate",
            "--fail-on-warnings",
            "--config",
            "bot/config.yml",
            "--domain",
            "bot/domain.yml",
            "--data",
            "bot/data",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.mark.model
def test_conversation_tests_pass(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            RASA,
            "test",
            "core",
            "--model",
            str(MODEL),
            "--stories",
            "tests/test_stories.yml",
            "--fail-on-prediction-errors",
            "--out",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    failed = tmp_path / "failed_test_stories.yml"
    detail = failed.read_text() if failed.exists() else result.stderr[-3000:]
    assert result.returncode == 0, detail
