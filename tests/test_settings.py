"""One home for settings: bot/settings.py reads the environment, nothing else does, and the
README's table lists exactly its variables."""

from __future__ import annotations

import re

from bot.settings import Settings
from tests.conftest import ROOT


def _variables() -> set[str]:
    return {f.field_info.extra["env"] for f in Settings.__fields__.values()}


def test_the_readme_table_lists_every_setting() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("**Settings.**") :]
    listed = set(re.findall(r"^\| `([A-Z_]+)` \|", section, flags=re.M))
    assert listed == _variables()


def test_nothing_else_reads_the_environment() -> None:
    readers = [
        path.relative_to(ROOT)
        for folder in ("bot", "connectors")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "settings.py" and re.search(r"os\.environ|os\.getenv", path.read_text())
    ]
    assert not readers, readers


def test_a_setting_comes_from_its_variable(monkeypatch) -> None:
    monkeypatch.setenv("DEFAULT_DEPARTMENT", "danbury")
    monkeypatch.setenv("RASA_PORT", "6000")
    current = Settings()
    assert current.default_department == "danbury" and current.rasa_port == 6000
