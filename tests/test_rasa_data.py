"""Rasa's own checks: the training data validates cleanly and the conversation tests pass."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.kb.intents import ALL_INTENTS
from tests.conftest import MODEL, ROOT, read_yaml

RASA = str(Path(sys.executable).parent / "rasa")


CONTRACT = ROOT.parent / "shared/contract.md"


@pytest.mark.skipif(not CONTRACT.exists(), reason=f"no contract beside the repository ({CONTRACT})")
def test_domain_has_exactly_the_contract_intents() -> None:
    """The evaluation reads these names from /model/parse: the domain (their one home in the
    repository) must name every intent of ../shared/contract.md and no other."""
    text = CONTRACT.read_text(encoding="utf-8")
    section = text[text.index("## Intents") : text.index("## Replies")]
    named = set(re.findall(r"^\| `([a-z_0-9]+)` \|", section, re.MULTILINE))
    named |= set(re.findall(r"`([a-z_]+)`", section[section.index("Conversation:") :]))
    named -= {"nlu_fallback", "department", "division"}
    assert set(read_yaml(ROOT / "bot/domain.yml")["intents"]) == named
    assert set(ALL_INTENTS) == named


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


LEADS_WITH = {
    "utter_emergency": {
        "en": "Call 911 now.",
        "es": "Llame al 911 ahora.",
        "pt": "Ligue para o 911 agora.",
    },
    "utter_crisis": {
        "en": "Call or text 988 now",
        "es": "Llame o envíe un texto al 988 ahora",
        "pt": "Ligue ou mande uma mensagem para o 988 agora",
    },
    "utter_domestic_violence": {
        "en": "If you're in danger now, call 911",
        "es": "Si está en peligro ahora, llame al 911",
        "pt": "Se você está em perigo agora, ligue para o 911",
    },
    "utter_report_non_emergency": {
        "en": "If anyone is in danger or it's still happening, call 911.",
        "es": "Si alguien está en peligro o sigue pasando, llame al 911.",
        "pt": "Se alguém está em perigo ou ainda está acontecendo, ligue para o 911.",
    },
}


def _language(variation: dict) -> str:
    conditions = variation.get("condition") or []
    return next((c["value"] for c in conditions if c.get("name") == "language"), "en")


@pytest.mark.parametrize("response", sorted(LEADS_WITH))
def test_urgent_responses_lead_with_the_guidance_in_every_language(response: str) -> None:
    variations = RESPONSES[response]
    assert {_language(v) for v in variations} == {"en", "es", "pt"}
    for variation in variations:
        assert variation["text"].startswith(LEADS_WITH[response][_language(variation)])


def test_safe_connect_number_is_the_state_hotline() -> None:
    assert all("(888) 774-2900" in v["text"] for v in RESPONSES["utter_domestic_violence"])


def test_every_response_has_all_three_languages() -> None:
    missing = {
        name: {"en", "es", "pt"} - {_language(v) for v in variations}
        for name, variations in RESPONSES.items()
    }
    assert not {name: gap for name, gap in missing.items() if gap}


@pytest.mark.parametrize("response", sorted(RESPONSES))
def test_every_response_fits_one_sms_turn(response: str) -> None:
    for variation in RESPONSES[response]:
        assert len(variation["text"]) <= 600


@pytest.mark.parametrize(
    "response", ["utter_fallback", "utter_out_of_scope", "utter_human_handoff"]
)
def test_replies_that_answer_nothing_still_say_911(response: str) -> None:
    assert all("911" in variation["text"] for variation in RESPONSES[response])
