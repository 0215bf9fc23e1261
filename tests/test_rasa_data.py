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


RESPONSES = read_yaml(ROOT / "bot/domain.yml")["responses"]


@pytest.mark.parametrize(
    ("response", "leads_with"),
    [
        ("utter_emergency", "Call 911 now."),
        ("utter_crisis", "Call or text 988 now"),
        ("utter_domestic_violence", "If you're in danger now, call 911"),
        ("utter_report_non_emergency", "If anyone is in danger or it's still happening, call 911."),
    ],
)
def test_urgent_responses_lead_with_the_guidance(response: str, leads_with: str) -> None:
    for variation in RESPONSES[response]:
        assert variation["text"].startswith(leads_with)


def test_safe_connect_number_is_the_state_hotline() -> None:
    assert "(888) 774-2900" in RESPONSES["utter_domestic_violence"][0]["text"]


@pytest.mark.parametrize("response", sorted(RESPONSES))
def test_every_response_fits_one_sms_turn(response: str) -> None:
    for variation in RESPONSES[response]:
        assert len(variation["text"]) <= 600


@pytest.mark.parametrize(
    "response", ["utter_fallback", "utter_out_of_scope", "utter_human_handoff"]
)
def test_replies_that_answer_nothing_still_say_911(response: str) -> None:
    assert "911" in RESPONSES[response][0]["text"]
