"""Intent names fixed by ../shared/contract.md; the evaluation reads them from /model/parse.

The urgent and conversation intents are named here because code treats them specially; the
service intents are read from the domain, their one home.
"""

from pathlib import Path

from ruamel.yaml import YAML

DOMAIN_FILE = Path(__file__).resolve().parents[1] / "domain.yml"

URGENT_INTENTS: tuple[str, ...] = (
    "emergency",
    "crisis",
    "domestic_violence",
    "report_non_emergency",
)

# Urgent intents whose reply must never wait for a classifier's second guess.
DANGER_INTENTS: tuple[str, ...] = ("emergency", "crisis", "domestic_violence")

CONVERSATION_INTENTS: tuple[str, ...] = (
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "bot_challenge",
    "help",
    "human_handoff",
    "set_town",
    "out_of_scope",
)


def _domain_intents() -> tuple[str, ...]:
    with DOMAIN_FILE.open(encoding="utf-8") as file:
        return tuple(str(name) for name in YAML(typ="safe").load(file)["intents"])


# The service intents are every other intent of the domain: a question type is added by listing
# it in bot/domain.yml, giving it NLU examples and an answer in each knowledge file; no code.
# bot/answer_policy.py answers all of them with action_answer.
SERVICE_INTENTS: tuple[str, ...] = tuple(
    name
    for name in _domain_intents()
    if name not in URGENT_INTENTS and name not in CONVERSATION_INTENTS
)


# Every town's knowledge file answers these: the services plus the town part of a non-urgent report.
ANSWERED_INTENTS: tuple[str, ...] = (*SERVICE_INTENTS, "report_non_emergency")

ALL_INTENTS: tuple[str, ...] = _domain_intents()
