"""How well bot/redact.py removes residents' personal details, and how often it changes an
ordinary question by mistake.

    .venv/bin/python scripts/redaction_eval.py          # prints a markdown table

- Recall, on tests/redaction/synthetic.yml (messages with details, each listed with its type):
  a detail counts as removed when none of its characters' words are left (its digits, its name,
  its street; generic words such as "st", "apt" or "ct" may stay) and the message has at least as
  many placeholders of its type as it has details of that type.
- Mistaken changes, on tests/redaction/ordinary.yml (questions with no personal detail): the
  share of messages `redact()` changes at all.
- Time per message: `redact()` on every message of both sets, after a warm-up, each as if seen
  for the first time (bot/redact.py remembers texts it found nothing in).

`evaluate()` returns every figure as a dict (scripts/evaluate.py puts it into make eval's report).
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bot import redact as redaction  # noqa: E402
from bot.redact import KINDS, redact  # noqa: E402

SYNTHETIC = ROOT / "tests/redaction/synthetic.yml"
ORDINARY = ROOT / "tests/redaction/ordinary.yml"
LANGUAGES = ("en", "es", "pt")

# Words that may remain: they belong to every address or number, not to a resident.
GENERIC = frozenset(
    """st str street ave av avenue rd road dr drive ln lane ct court crt blvd boulevard pl place
    ter terr terrace cir circle way hill ridge pkwy parkway hwy highway ext extension x
    apt apartment apto ap apartamento unit suite ste fl floor rm room depto dpto departamento
    n s e w ne nw se sw north south east west nº no número numero num rua calle avenida
    conn connecticut ny ma de da do dos das del la at dot com org net ponto punto""".split()
)


def load(path: Path) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def _tokens(text: str) -> list[str]:
    return [t for t in re.findall(r"[^\W_]+", text.lower()) if len(t) > 1 and t not in GENERIC]


def _count(text: str, token: str) -> int:
    return len(re.findall(rf"(?<![^\W_]){re.escape(token)}(?![^\W_])", text.lower()))


def removed(text: str, redacted: str, detail: str) -> bool:
    """Whether none of the detail's own words are left (beyond those elsewhere in the text)."""
    start = text.find(detail)
    if start < 0:
        raise ValueError(f"detail {detail!r} is not in {text!r}")
    outside = f"{text[:start]} {text[start + len(detail) :]}"
    return all(_count(redacted, t) <= _count(outside, t) for t in _tokens(detail))


def _timing(texts: list[str]) -> dict[str, float]:
    for text in texts[:50]:
        redact(text)  # warm-up: the department's details load once
    samples = []
    for text in texts:
        redaction._CLEAN.clear()  # every message as if seen for the first time
        start = time.perf_counter()
        redact(text)
        samples.append((time.perf_counter() - start) * 1e6)
    samples.sort()
    return {
        "mean_us": statistics.fmean(samples),
        "p50_us": samples[len(samples) // 2],
        "p99_us": samples[min(len(samples) - 1, int(len(samples) * 0.99))],
        "max_us": samples[-1],
    }


def evaluate(synthetic: Path = SYNTHETIC, ordinary: Path = ORDINARY) -> dict[str, Any]:
    """Recall per type and language, mistaken changes, time per message, and every mistake."""
    cases, plain = load(synthetic), load(ordinary)
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # (kind, lang): hit, n
    misses: list[dict[str, Any]] = []
    extra: list[dict[str, Any]] = []
    for case in cases:
        text, lang = case["text"], case.get("lang", "en")
        out = redact(text)
        kinds: list[str] = list(case["expect"])
        for kind, detail in zip(kinds, case["details"], strict=True):
            ok = removed(text, out, detail) and out.count(f"[{kind}]") >= kinds.count(kind)
            for key in ((kind, lang), (kind, "all"), ("all", lang), ("all", "all")):
                cells[key][0] += ok
                cells[key][1] += 1
            if not ok:
                misses.append({"text": text, "kind": kind, "detail": detail, "redacted": out})
        for kind in KINDS:
            if out.count(f"[{kind}]") > kinds.count(kind):
                extra.append({"text": text, "kind": kind, "redacted": out})
    changed = []
    for case in plain:
        out = redact(case["text"])
        if out != case["text"]:
            changed.append({"text": case["text"], "lang": case.get("lang"), "redacted": out})
    by_lang = defaultdict(lambda: [0, 0])
    for case in plain:
        by_lang[case.get("lang", "en")][1] += 1
    for case in changed:
        by_lang[case["lang"] or "en"][0] += 1

    def cell(kind: str, lang: str) -> dict[str, Any]:
        hit, total = cells.get((kind, lang), [0, 0])
        return {"removed": hit, "total": total, "recall": hit / total if total else None}

    return {
        "recall": cell("all", "all")["recall"],
        "details": cell("all", "all")["total"],
        "messages": len(cases),
        "by_kind": {kind: cell(kind, "all") for kind in KINDS},
        "by_language": {lang: cell("all", lang) for lang in LANGUAGES},
        "by_kind_and_language": {
            kind: {lang: cell(kind, lang) for lang in LANGUAGES} for kind in KINDS
        },
        "misses": misses,
        "extra_placeholders": extra,
        "ordinary": {
            "changed": len(changed),
            "total": len(plain),
            "rate": len(changed) / len(plain) if plain else None,
            "by_language": {k: {"changed": c, "total": n} for k, (c, n) in sorted(by_lang.items())},
            "examples": changed,
        },
        "timing": _timing([c["text"] for c in cases] + [c["text"] for c in plain]),
    }


def _pct(c: dict[str, Any]) -> str:
    if not c["total"]:
        return "–"
    return f"{c['removed']} of {c['total']} ({100 * c['recall']:.1f}%)"


def markdown(result: dict[str, Any]) -> str:
    """The figures as markdown: recall per type and language, mistaken changes, time."""
    rows = [
        "| detail | English | Spanish | Portuguese | all |",
        "| --- | --- | --- | --- | --- |",
    ]
    for kind in KINDS:
        by_lang = result["by_kind_and_language"][kind]
        rows.append(
            f"| {kind} | "
            + " | ".join(_pct(by_lang[lang]) for lang in LANGUAGES)
            + f" | {_pct(result['by_kind'][kind])} |"
        )
    total = {
        "removed": sum(c["removed"] for c in result["by_kind"].values()),
        "total": result["details"],
        "recall": result["recall"],
    }
    rows.append(
        "| **all** | "
        + " | ".join(_pct(result["by_language"][lang]) for lang in LANGUAGES)
        + f" | **{_pct(total)}** |"
    )
    ordinary = result["ordinary"]
    timing = result["timing"]
    lines = [
        f"Redaction recall on {result['messages']} synthetic messages "
        f"({result['details']} details), tests/redaction/synthetic.yml:",
        "",
        *rows,
        "",
        f"Ordinary questions changed by mistake (tests/redaction/ordinary.yml): "
        f"{ordinary['changed']} of {ordinary['total']} "
        f"({100 * (ordinary['rate'] or 0):.1f}%)"
        + "".join(
            f"; {lang} {v['changed']} of {v['total']}"
            for lang, v in ordinary["by_language"].items()
        )
        + ".",
        f"Synthetic messages with a placeholder more than expected: "
        f"{len(result['extra_placeholders'])}.",
        f"Time per message (`redact()`): mean {timing['mean_us']:.0f} µs, "
        f"p50 {timing['p50_us']:.0f} µs, p99 {timing['p99_us']:.0f} µs, "
        f"max {timing['max_us']:.0f} µs.",
    ]
    if result["misses"]:
        lines += ["", "Details left in:", ""]
        lines += [f"- {m['kind']} `{m['detail']}`: {m['redacted']}" for m in result["misses"]]
    if ordinary["examples"]:
        lines += ["", "Ordinary questions changed:", ""]
        lines += [f"- {c['text']} → {c['redacted']}" for c in ordinary["examples"]]
    if result["extra_placeholders"]:
        lines += ["", "Placeholders beyond the expected ones:", ""]
        lines += [f"- {e['kind']}: {e['redacted']}" for e in result["extra_placeholders"]]
    return "\n".join(lines)


def main() -> None:
    print(markdown(evaluate()))


if __name__ == "__main__":
    main()
