"""Writes bot/data/nlu/general.yml: everyday questions that are not for the police, as
`out_of_scope` examples, from CLINC150's *training* splits (Larson et al. 2019, CC BY 3.0).

Why: with only our own out-of-scope examples, a question about anything else ("best cop shows on
netflix", "tell me something funny") spread the classifier's belief over the urgent intents,
and could get 911 first. CLINC150 covers 150 everyday assistant topics; its out-of-scope training
split and a few training examples of each topic far from ours teach the classifier what
"something else" looks like. Its test and validation splits are never used (make eval scores
CLINC's test split). Run once after changing EXCLUDED or PER_INTENT; the output is committed.

    python scripts/general_oos.py [path/to/data_full.json]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/benchmarks/clinc150/data_full.json"
OUT = ROOT / "bot/data/nlu/general.yml"
PER_INTENT = 3
# CLINC topics too close to ours or to the conversation intents to call "something else": talk
# about the assistant, yes/no, languages, lost things, fraud, alarms, calls, directions, paying
# bills (parking tickets are paid too), job applications, the meaning of life (warning signs).
EXCLUDED = frozenset(
    {
        "are_you_a_bot",
        "greeting",
        "goodbye",
        "thank_you",
        "yes",
        "no",
        "maybe",
        "cancel",
        "repeat",
        "what_can_i_ask_you",
        "what_is_your_name",
        "who_made_you",
        "who_do_you_work_for",
        "user_name",
        "how_old_are_you",
        "where_are_you_from",
        "what_are_your_hobbies",
        "do_you_have_pets",
        "change_ai_name",
        "change_user_name",
        "change_language",
        "translate",
        "report_fraud",
        "report_lost_card",
        "lost_luggage",
        "find_phone",
        "alarm",
        "make_call",
        "text",
        "share_location",
        "current_location",
        "directions",
        "traffic",
        "pay_bill",
        "bill_due",
        "bill_balance",
        "min_payment",
        "application_status",
        "meaning_of_life",
    }
)


def main(path: Path = DATA) -> int:
    data = json.loads(path.read_text(encoding="utf-8"))
    by_intent: dict[str, list[str]] = defaultdict(list)
    for text, intent in data["train"]:
        by_intent[intent].append(text)
    chosen = [text for text, _ in data["oos_train"]]
    for intent in sorted(by_intent):
        if intent in EXCLUDED:
            continue
        texts = by_intent[intent]
        step = max(1, len(texts) // PER_INTENT)
        chosen += texts[::step][:PER_INTENT]
    unique = sorted(dict.fromkeys(t.strip() for t in chosen if t.strip()))
    lines = [
        'version: "3.1"',
        "# Everyday questions that are not for the police (intent out_of_scope), from CLINC150's",
        "# training splits: Larson et al., 2019, https://github.com/clinc/oos-eval, CC BY 3.0.",
        "# Written by scripts/general_oos.py (which says why); do not edit by hand.",
        "nlu:",
        "- intent: out_of_scope",
        "  examples: |",
        *(f"    - {text}" for text in unique),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(unique)} examples")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA))
