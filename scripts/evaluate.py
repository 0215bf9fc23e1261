"""`make eval`: the trained model on the held-out set, by intent group, into reports/eval.md.

Figures: accuracy per group (urgent, service, conversation), urgent recall, false alarms (routine
messages answered as urgent), the fallback rate, and every misclassified example.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)

from bot.kb.intents import CONVERSATION_INTENTS, SERVICE_INTENTS  # noqa: E402
from bot.nlu.examples import nlu_examples  # noqa: E402

URGENT = ("emergency", "crisis", "domestic_violence", "report_non_emergency")
GROUPS = {"urgent": URGENT, "service": SERVICE_INTENTS, "conversation": CONVERSATION_INTENTS}
DANGER = {"emergency", "crisis", "domestic_violence"}


def main() -> int:
    from rasa.core.agent import Agent

    agent = Agent.load(str(ROOT / "bot/models/assistant.tar.gz"))
    loop = asyncio.new_event_loop()
    rows = [
        (text, gold, loop.run_until_complete(agent.parse_message(text))["intent"]["name"])
        for text, gold in nlu_examples(ROOT / "tests/nlu_holdout.yml")
    ]
    lines = [
        "# NLU evaluation (held-out set: tests/nlu_holdout.yml)",
        "",
        f"{len(rows)} messages. Command: `make eval`.",
        "",
        "| group | messages | accuracy |",
        "| --- | --- | --- |",
    ]
    for name, intents in GROUPS.items():
        chosen = [r for r in rows if r[1] in intents]
        correct = sum(r[1] == r[2] for r in chosen)
        lines.append(f"| {name} | {len(chosen)} | {correct / len(chosen):.3f} |")
    overall = sum(r[1] == r[2] for r in rows) / len(rows)
    lines.append(f"| all | {len(rows)} | {overall:.3f} |")
    for intent in ("emergency", "crisis", "domestic_violence"):
        gold = [r for r in rows if r[1] == intent]
        exact = sum(r[2] == intent for r in gold) / len(gold)
        urgent = sum(r[2] in DANGER for r in gold) / len(gold)
        lines.append(
            f"\n{intent} recall: {exact:.3f} (answered with an urgent reply: {urgent:.3f})"
        )
    routine = [r for r in rows if r[1] not in DANGER]
    alarms = [r for r in routine if r[2] in DANGER]
    fallback = Counter(r[2] for r in rows)["nlu_fallback"]
    lines += [
        f"\nFalse alarms (routine answered as urgent): {len(alarms)} of {len(routine)}",
        f"Fallback rate: {fallback / len(rows):.3f}",
        "",
        "## Misclassified",
        "",
        "| text | expected | predicted |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {t} | {g} | {p} |" for t, g, p in rows if g != p]
    out = ROOT / "reports/eval.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines[:16]))
    print(f"\nReport: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
