"""`make replay`: what residents would be told after a change, beside what they are told now.

Before a retrained model or an edited answer goes live, this runs the last N stored resident
messages (already redacted at storage time) through the deployed model and knowledge files and
through the candidate ones, and lists every reply whose urgency (urgent ↔ routine), topic or
text changed, urgency first: a message that was sent to 911 and now gets a routine answer is
the one change that must never go live unread.

    python scripts/replay.py [--last 500] [--model PATH] [--knowledge DIR]    (make replay N=500)

- The messages come from the conversation store (SQLite by default, PostgreSQL with
  DATABASE_URL) through the staff page's query module (staff/queries.py, `latest_messages`), with
  each message's town and language as the staff page derives them.
- Deployed: bot/models/assistant.tar.gz (`--deployed-model`) and the files the action server
  reads ($KNOWLEDGE_DIR, else bot/knowledge; `--deployed-knowledge`). Candidate: `--model`
  (default: the newest bot/models/*.tar.gz that is neither the deployed model nor
  baseline.tar.gz, which is `make eval`'s Rasa-default reference; train one with
  `python scripts/train.py --force --name candidate`, since `make train` overwrites the deployed
  model) and `--knowledge` (default bot/knowledge).
- No servers: each model parses in this process (bot/nlu/examples.model_parser), and the reply
  is built as the assistant builds it: the rule for the intent in bot/data/rules.yml (the domain
  response in the message's language, then action_answer, action_contact, action_did_you_mean
  or action_also_answer, with the town's knowledge file), a service intent's knowledge-file
  answer otherwise (bot/actions/replies.py); buttons are shown by their titles. Both sides run
  this checkout's code (the triage, the lexicons): only the models and the knowledge files
  differ.
- A message whose town was never given (and no DEFAULT_DEPARTMENT) gets what the assistant says,
  "Which town are you in?", followed by each town's answer in turn, labelled: what the resident
  reads after choosing, so an edit in any town's file shows. Its language is the one stored
  (unknown: English, as the actions do).

Exit status 0 whatever changed (the report says loudly when an urgency did); 2 when it cannot
run (no candidate model, a broken knowledge file). scripts/evaluate.py calls `replay()`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)  # Rasa resolves the spaCy pipeline (build/spacy-en) against the working directory

from bot.actions.replies import (  # noqa: E402
    Reply,
    ask_town_reply,
    did_you_mean_reply,
    likely_topics,
    main_line,
    topic_reply,
    town_set_reply,
    town_unknown_reply,
)
from bot.answer_policy import NOT_PLACED  # noqa: E402
from bot.kb.intents import ANSWERED_INTENTS, DANGER_INTENTS  # noqa: E402
from bot.kb.loader import KNOWLEDGE_DIR, KnowledgeError, knowledge_dir, load_all  # noqa: E402
from bot.kb.schema import Town  # noqa: E402
from bot.languages import DEFAULT, SUPPORTED  # noqa: E402
from bot.paths import MODEL, REPORTS  # noqa: E402
from bot.phrases import phrase, responses  # noqa: E402
from bot.settings import settings  # noqa: E402
from staff.queries import Message, latest_messages  # noqa: E402 (the one query module)

MODELS_DIR = MODEL.parent
BASELINE = MODELS_DIR / "baseline.tar.gz"
RULES = ROOT / "bot/data/rules.yml"
REPORT = REPORTS / "replay.md"
LAST = 500
Parser = Callable[[str], dict[str, Any]]  # text -> what POST /model/parse answers
KINDS = ("urgency", "topic", "text")  # the changes, most serious first
DIFF_CONTEXT = 4  # words kept either side of a change
DIFF_CHARS = 240
SAME_TEXT = 0.5  # below this share of words in common, a diff shows each text's start


class ReplayError(Exception):
    """Replay cannot run (no candidate model, a broken knowledge file); the message says why."""


@dataclass(frozen=True)
class Answer:
    """What the resident is told for one message on one side: the topic (the intent), whether it
    is urgent (emergency, crisis, domestic violence: 911, 988 or Safe Connect first), and the
    bot messages in order."""

    topic: str
    urgency: str  # "urgent" or "routine"
    messages: tuple[str, ...]

    @property
    def text(self) -> str:
        """The messages as the resident reads them, a blank line between two."""
        return "\n\n".join(self.messages)


@dataclass(frozen=True)
class Change:
    """One stored message whose reply differs: its most serious change, before and after."""

    kind: str  # one of KINDS
    message: Message
    language: str
    before: Answer
    after: Answer

    @property
    def diff(self) -> str:
        return short_diff(self.before.text, self.after.text)


# --- what the assistant says ----------------------------------------------------------------------
def rule_actions(path: Path = RULES) -> dict[str, tuple[str, ...]]:
    """intent -> the actions its rule runs, from the one-intent rules of bot/data/rules.yml.
    Read rather than restated, so a changed rule is replayed as the assistant will run it."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found: dict[str, tuple[str, ...]] = {}
    for rule in data.get("rules") or []:
        steps = rule.get("steps") or []
        if rule.get("condition") or len(steps) < 2 or "intent" not in steps[0]:
            continue
        actions = tuple(step.get("action") for step in steps[1:])
        if all(isinstance(action, str) for action in actions):
            found.setdefault(str(steps[0]["intent"]), actions)  # type: ignore[arg-type]
    return found


def actions_for(intent: str, rules: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The rule's actions; a service intent has none and gets action_answer, the fallback and
    out of scope what bot/answer_policy.py gives a first message; anything else its
    `utter_<intent>`, or the fallback's. (A replayed message has no conversation before it, so
    it is never a follow-up.)"""
    if intent in rules:
        return rules[intent]
    if intent in ANSWERED_INTENTS:
        return ("action_answer",)
    if intent in NOT_PLACED:  # the fallback and out of scope: bot/answer_policy.py's table
        return NOT_PLACED[intent]
    if f"utter_{intent}" in responses():
        return (f"utter_{intent}",)
    return NOT_PLACED["nlu_fallback"]


def _entity(parsed: dict[str, Any], name: str) -> str | None:
    for entity in parsed.get("entities") or []:
        if entity.get("entity") == name and isinstance(entity.get("value"), str):
            return entity["value"]
    return None


def _shown_reply(reply: Reply) -> str:
    """A bot message as the resident reads it: its text, then its buttons' titles."""
    titles = " | ".join(button["title"] for button in reply.buttons)
    return f"{reply.text}\n[{titles}]" if titles else reply.text


def _say(
    action: str,
    parsed: dict[str, Any],
    town: Town | None,
    towns: dict[str, Town],
    language: str,
) -> list[str]:
    """The bot messages one action sends, as bot/actions/*.py send them; an action this does not
    know is named in the text (the same on both sides), never silently dropped."""
    intent = (parsed.get("intent") or {}).get("name")
    sent: list[Reply] = []
    if action.startswith("utter_"):
        sent = [Reply(phrase(action, language))] if action in responses() else []
    elif action == "action_answer":
        division = _entity(parsed, "division")
        if intent not in ANSWERED_INTENTS:
            sent = [main_line(town, language)] if town else []
        elif town is not None:
            sent = [topic_reply(town, intent, division, language)]
        else:  # "Which town are you in?", then what each town's resident reads after choosing
            sent = [ask_town_reply(towns, language)]
            for other in towns.values():
                found = topic_reply(other, intent, division, language)
                sent.append(Reply(f"[{other.id}] {found.text}", buttons=found.buttons))
    elif action == "action_contact":
        sent = [main_line(town, language)] if town else []
    elif action == "action_did_you_mean":
        topics = likely_topics(list(parsed.get("intent_ranking") or []), ANSWERED_INTENTS)
        if topics:
            sent = [did_you_mean_reply(topics, language)]
        else:
            sent = [main_line(town, language)] if town else []
    elif action == "action_also_answer":
        also = (parsed.get("triage") or {}).get("also")
        if also in ANSWERED_INTENTS and town is not None:
            sent = [topic_reply(town, also, None, language)]
    elif action == "action_set_town":
        named = towns.get(_entity(parsed, "department") or "") or town
        sent = [town_set_reply(named, language) if named else town_unknown_reply(towns, language)]
    else:
        return [f"({action}: not replayed)"]
    return [_shown_reply(reply) for reply in sent]


def answer(
    parsed: dict[str, Any],
    town_id: str | None,
    language: str,
    towns: dict[str, Town],
    rules: dict[str, tuple[str, ...]],
) -> Answer:
    """What the resident is told for this parse, in this town (None: not given) and language."""
    intent = (parsed.get("intent") or {}).get("name") or "nlu_fallback"
    town = towns.get(town_id or "") or default_town(towns)
    lines = [
        line
        for action in actions_for(intent, rules)
        for line in _say(action, parsed, town, towns, language)
    ]
    urgency = "urgent" if intent in DANGER_INTENTS else "routine"
    return Answer(intent, urgency, tuple(lines))


def default_town(towns: dict[str, Town]) -> Town | None:
    """$DEFAULT_DEPARTMENT, or the only town: bot/actions/town.py's rule for a message with none."""
    chosen = towns.get(settings().default_department or "")
    return chosen or (next(iter(towns.values())) if len(towns) == 1 else None)


def classify(before: Answer, after: Answer) -> str | None:
    """The most serious change between two answers, or None."""
    if before.urgency != after.urgency:
        return "urgency"
    if before.topic != after.topic:
        return "topic"
    if before.text != after.text:
        return "text"
    return None


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def short_diff(before: str, after: str) -> str:
    """A word diff, git's --word-diff style: `[-removed-]{+added+}` with a few words around; two
    texts with little in common (another topic) as the start of each, not as scattered words."""
    old, new = before.split(), after.split()
    groups = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    if matcher.ratio() < SAME_TEXT:
        return f"[-{_clip(before, DIFF_CHARS // 2)}-] {{+{_clip(after, DIFF_CHARS // 2)}+}}"
    for group in matcher.get_grouped_opcodes(DIFF_CONTEXT):
        words: list[str] = []
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                words += old[i1:i2]
                continue
            if i2 > i1:
                words.append(f"[-{' '.join(old[i1:i2])}-]")
            if j2 > j1:
                words.append(f"{{+{' '.join(new[j1:j2])}+}}")
        groups.append(" ".join(words))
    return _clip(" … ".join(groups), DIFF_CHARS)


# --- the models -----------------------------------------------------------------------------------
def default_candidate(models: Path = MODELS_DIR, deployed: Path = MODEL) -> Path:
    """The newest *.tar.gz beside the deployed model that is neither it nor the baseline."""
    found = [
        path
        for path in models.glob("*.tar.gz")
        if path.resolve() not in (deployed.resolve(), BASELINE.resolve())
        and path.name != BASELINE.name
    ]
    if not found:
        raise ReplayError(
            f"no candidate model in {_shown(models)} (a *.tar.gz other than {deployed.name} and "
            f"{BASELINE.name}): train one with `python scripts/train.py --force --name candidate` "
            "or name it with --model PATH"
        )
    return max(found, key=lambda path: path.stat().st_mtime)


def _parse_all(texts: Iterable[str], parser: Parser | None, model: Path | None) -> dict[str, Any]:
    """Each distinct text parsed once, with the parser given or the model loaded here."""
    unique = list(dict.fromkeys(texts))
    with ExitStack() as stack:
        if parser is None:
            from bot.nlu.examples import model_parser  # loads Rasa: only when a model is used

            parser = stack.enter_context(model_parser(model))  # type: ignore[arg-type]
        return {text: parser(text) for text in unique}


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


# --- the replay -----------------------------------------------------------------------------------
def replay(
    last: int = LAST,
    model: Path | None = None,
    knowledge: Path = KNOWLEDGE_DIR,
    *,
    deployed_model: Path = MODEL,
    deployed_knowledge: Path | None = None,
    deployed_parser: Parser | None = None,
    candidate_parser: Parser | None = None,
    db: sa.engine.Engine | None = None,
    out: Path | None = REPORT,
    missing_ok: bool = False,
    heading: str = "#",
) -> dict[str, Any]:
    """Replay the last `last` stored resident messages on the deployed and candidate sides.

    `model`/`knowledge`: the candidate (defaults: `default_candidate()`, bot/knowledge);
    `deployed_*`: what runs now. A parser given (text -> parse) is used instead of loading that
    side's model (tests; one loaded model for both sides). `db`: an SQLAlchemy engine (default:
    the conversation store). `out`: where the Markdown goes (None: nowhere). `missing_ok`: no
    candidate model gives a report that says so (make eval) instead of ReplayError. `heading`:
    the report's title level ("##" inside another report).

    Returns the counts (replayed, unchanged, urgency_changed with now_routine and now_urgent,
    topic_changed, text_changed), `changes` (a Change per changed reply, most serious first),
    `markdown`, `skipped` (why nothing was replayed, or None) and the sides compared.
    """
    if last < 1:
        raise ReplayError("--last must be at least 1")
    deployed_knowledge = knowledge_dir() if deployed_knowledge is None else deployed_knowledge
    skipped = None
    if candidate_parser is None and model is None:
        try:
            model = default_candidate(deployed_model.parent, deployed_model)
        except ReplayError as exc:
            if not missing_ok:
                raise
            skipped = str(exc)
    for side, path, parser in (
        ("deployed", deployed_model, deployed_parser),
        ("candidate", model, candidate_parser),
    ):
        if parser is None and path is not None and not path.exists():
            raise ReplayError(f"no {side} model at {_shown(path)}")
    try:
        before_towns, after_towns = load_all(deployed_knowledge), load_all(knowledge)
    except KnowledgeError as exc:
        raise ReplayError(f"a knowledge file is broken:\n{exc}") from exc
    sides = {
        "deployed": f"model {_name(deployed_model, deployed_parser)}, "
        f"knowledge {_shown(deployed_knowledge)}",
        "candidate": f"model {_name(model, candidate_parser)}, knowledge {_shown(knowledge)}",
    }
    messages = [] if skipped else latest_messages(last, {*before_towns, *after_towns}, db)
    if not skipped and not messages:
        skipped = "no stored resident messages yet"
    changes: list[Change] = []
    stale = 0
    if not skipped:
        texts = [m.text for m in messages]
        before_parses = _parse_all(texts, deployed_parser, deployed_model)
        same_model = (
            deployed_parser is None
            and candidate_parser is None
            and model is not None
            and model.resolve() == deployed_model.resolve()
        )
        after_parses = before_parses if same_model else _parse_all(texts, candidate_parser, model)
        rules = rule_actions()
        for message in messages:
            language = message.language if message.language in SUPPORTED else DEFAULT
            before_parse, after_parse = before_parses[message.text], after_parses[message.text]
            before = answer(before_parse, message.town, language, before_towns, rules)
            after = answer(after_parse, message.town, language, after_towns, rules)
            stale += message.intent is not None and message.intent != before.topic
            kind = classify(before, after)
            if kind:
                changes.append(Change(kind, message, language, before, after))
    # urgent messages that would lose their urgent reply first, then the rest by kind and time
    changes.sort(
        key=lambda c: (KINDS.index(c.kind), c.after.urgency != "routine", c.message.timestamp)
    )
    counted = {kind: sum(c.kind == kind for c in changes) for kind in KINDS}
    result: dict[str, Any] = {
        "replayed": len(messages),
        "unchanged": len(messages) - len(changes),
        "urgency_changed": counted["urgency"],
        "now_routine": sum(c.kind == "urgency" and c.after.urgency == "routine" for c in changes),
        "now_urgent": sum(c.kind == "urgency" and c.after.urgency == "urgent" for c in changes),
        "topic_changed": counted["topic"],
        "text_changed": counted["text"],
        "stale": stale,
        "changes": changes,
        "skipped": skipped,
        "report": None,
        "asked": last,
        "first": messages[0].timestamp if messages else None,
        "latest": messages[-1].timestamp if messages else None,
        **sides,
    }
    result["markdown"] = markdown(result, heading)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(result["markdown"] + "\n", encoding="utf-8")
        result["report"] = str(out)
    return result


def _name(model: Path | None, parser: Parser | None) -> str:
    if parser is not None:
        return "(a parser given by the caller)"
    return _shown(model) if model is not None else "(none)"


# --- the report -----------------------------------------------------------------------------------
def _cell(text: str) -> str:
    """Safe in a Markdown table cell: the resident's words shown as text, on one line."""
    for char in "\\|<>`":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def _when(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")


def markdown(result: dict[str, Any], heading: str = "#") -> str:
    """The report: the urgency verdict first, then the counts, then every changed reply."""
    lines = [f"{heading} Replay: the candidate's replies beside the deployed ones", ""]
    if result["skipped"]:
        lines += [f"Nothing replayed: {result['skipped']}.", ""]
        lines += [f"- Deployed: {result['deployed']}", f"- Candidate: {result['candidate']}"]
        return "\n".join(lines)
    replayed, urgent = result["replayed"], result["urgency_changed"]
    if urgent:
        lines += [
            f"**URGENCY CHANGED for {urgent} of {replayed} messages: "
            f"{result['now_routine']} urgent before and routine now (no 911, 988 or Safe Connect "
            f"first), {result['now_urgent']} routine before and urgent now.** Read each one below "
            "before this change goes live.",
        ]
    else:
        lines += [
            "No urgency changed: every message that got an urgent reply still does, and no "
            "routine one became urgent."
        ]
    lines += [
        "",
        "| change | messages |",
        "| --- | --- |",
        f"| **urgency changed (urgent ↔ routine)** | **{urgent}** |",
        f"| — urgent before, routine now | {result['now_routine']} |",
        f"| — routine before, urgent now | {result['now_urgent']} |",
        f"| topic changed | {result['topic_changed']} |",
        f"| text changed (same topic) | {result['text_changed']} |",
        f"| unchanged | {result['unchanged']} |",
        f"| replayed | {replayed} |",
        "",
        "Each changed reply is counted once, under its most serious change.",
        "",
        f"- Deployed: {result['deployed']}",
        f"- Candidate: {result['candidate']}",
        f"- Messages: the last {replayed} stored resident messages (asked for {result['asked']}), "
        f"{_when(result['first'])} to {_when(result['latest'])}, as stored (redacted).",
    ]
    if result["deployed"] == result["candidate"]:
        lines.append("- The candidate is the deployed model with the deployed knowledge.")
    if result["stale"]:
        lines.append(
            f"- The deployed side's topic differs from the one stored when it was answered for "
            f"{result['stale']} messages: the code or the model changed since."
        )
    changes: list[Change] = result["changes"]
    if changes:
        lines += [
            "",
            f"{heading}# Changed replies ({len(changes)})",
            "",
            "| change | message (as stored) | town | language | before | after | text diff |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for c in changes:
            kind = "**URGENCY**" if c.kind == "urgency" else c.kind
            lines.append(
                f"| {kind} | {_cell(c.message.text)} | {c.message.town or '(not given)'} "
                f"| {c.language} | {c.before.topic}, {c.before.urgency} "
                f"| {c.after.topic}, {c.after.urgency} | {_cell(c.diff) or '(same text)'} |"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Replay stored resident messages on the candidate model and knowledge files "
        "beside the deployed ones; list every reply that changed."
    )
    parser.add_argument("--last", type=int, default=LAST, help=f"messages (default {LAST})")
    parser.add_argument("--model", type=Path, help="candidate model (default: the newest other)")
    parser.add_argument("--knowledge", type=Path, default=KNOWLEDGE_DIR, help="candidate files")
    parser.add_argument("--deployed-model", type=Path, default=MODEL)
    parser.add_argument("--deployed-knowledge", type=Path, help="default: $KNOWLEDGE_DIR")
    parser.add_argument("--out", type=Path, default=REPORT, help="the Markdown report")
    args = parser.parse_args(argv)
    try:
        result = replay(
            args.last,
            args.model,
            args.knowledge,
            deployed_model=args.deployed_model,
            deployed_knowledge=args.deployed_knowledge,
            out=args.out,
        )
    except ReplayError as exc:
        print(f"replay: {exc}", file=sys.stderr)
        return 2
    print(result["markdown"])
    print(f"\nReport: {_shown(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
