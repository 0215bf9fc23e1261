"""The schema of a town's knowledge file (bot/knowledge/<town>.yml).

Why a schema: the people who keep these files current are records clerks and town IT staff, not
programmers. A mistake must fail loudly when the file is loaded (with the line at fault), never
surface as a wrong or missing answer in front of a resident.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, Extra, Field, HttpUrl, root_validator, validator

from bot.kb.intents import ANSWERED_INTENTS
from bot.languages import DEFAULT, SUPPORTED

# Every resident-facing text is written in English in the file's own fields and in each of these
# under a key of its code (`es:`, `pt:`): the schema refuses a file that lacks one.
TRANSLATED: tuple[str, ...] = tuple(code for code in SUPPORTED if code != DEFAULT)

# The longest answer that fits one SMS conversation turn (contract: 600 characters).
MAX_ANSWER_CHARS = 600

TOWN_ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
# 911, 311, 988, or a North American number written 860-523-5203 / (888) 774-2900 / 1-800-822-8428.
PHONE = r"^(911|311|988|211|(1-)?(\d{3}-|\(\d{3}\) )\d{3}-\d{4})$"
ORIGIN = re.compile(r"^https?://[a-zA-Z0-9.-]+(:\d{1,5})?$")
PHONE_IN_TEXT = re.compile(r"(?<![\d-])(?:1-)?(?:\(\d{3}\) |\d{3}-)\d{3}-\d{4}(?![\d-])")


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt key would otherwise be silently ignored."""

    class Config:
        extra = Extra.forbid
        anystr_strip_whitespace = True


class Source(Strict):
    url: HttpUrl
    kind: Literal["OFFICIAL", "NEWS", "3RD-PARTY"]
    date: str = Field(..., description="the date the page shows, or 'undated'")
    title: str | None = None

    @validator("date", pre=True)
    def date_as_written(cls, value: object) -> str:
        """YAML reads 2020-03-23 as a date; keep it as the text the fact sheet gives."""
        return str(value)


class Translated(Strict):
    """Something with resident-facing text in English and in every language of TRANSLATED.

    Subclasses list their text fields in TEXTS; the translation of each field the English has is
    required, and a translation of a field the English lacks is refused (it would say more).
    """

    TEXTS: ClassVar[tuple[str, ...]] = ()
    es: dict[str, str] | None = None
    pt: dict[str, str] | None = None

    @root_validator(skip_on_failure=True)
    def every_language(cls, values: dict) -> dict:
        present = {f for f in cls.TEXTS if values.get(f)}
        for code in TRANSLATED:
            texts = values.get(code)
            if texts is None:
                raise ValueError(f"no `{code}:` translation of {', '.join(sorted(present))}")
            if set(texts) != present:
                raise ValueError(
                    f"`{code}:` must translate exactly {', '.join(sorted(present))}; "
                    f"it has {', '.join(sorted(texts)) or 'nothing'}"
                )
            blank = [f for f, t in texts.items() if not str(t).strip()]
            if blank:
                raise ValueError(f"`{code}:` has an empty {', '.join(blank)}")
        return values

    def in_language(self, field: str, language: str) -> Any:
        """`field` in `language`; the English when the language is not one of the file's (or the
        field is empty in English, so has no translation)."""
        texts = getattr(self, language, None) if language in TRANSLATED else None
        return texts[field] if texts and field in texts else getattr(self, field)


class Phone(Translated):
    TEXTS = ("label",)
    number: str = Field(..., regex=PHONE)
    label: str
    sources: list[str] = Field(..., min_items=1)


class Unit(Translated):
    """One unit of the department (records, animal control...). Unknown facts stay null."""

    TEXTS = ("name", "hours", "note")
    name: str
    phone: str | None = Field(None, regex=PHONE)
    address: str | None = None
    hours: str | None = None
    note: str | None = None
    aliases: list[str] = []
    sources: list[str] = []

    @root_validator(skip_on_failure=True)
    def facts_need_sources(cls, values: dict) -> dict:
        has_fact = any(values.get(k) for k in ("phone", "address", "hours"))
        if has_fact and not values.get("sources"):
            raise ValueError("a unit with a phone, address or hours needs `sources`")
        return values


def _fits_one_sms_turn(text: str, next_step: str, where: str) -> None:
    length = len(text) + 1 + len(next_step)
    if length > MAX_ANSWER_CHARS:
        raise ValueError(
            f"{where}text + next_step is {length} characters; the limit is {MAX_ANSWER_CHARS} "
            "(one SMS conversation turn)"
        )


class Answer(Translated):
    """The answer to one service intent, as the resident reads it, in every language."""

    TEXTS = ("text", "next_step")
    text: str = Field(..., min_length=20)
    next_step: str = Field(..., min_length=10, description="a phone, a URL or an address")
    sources: list[str] = Field(..., min_items=1)
    checked: dt.date

    @root_validator(skip_on_failure=True)
    def fits_one_sms_turn(cls, values: dict) -> dict:
        _fits_one_sms_turn(values["text"], values["next_step"], "")
        for code in TRANSLATED:
            texts = values.get(code) or {}
            if "text" in texts and "next_step" in texts:
                _fits_one_sms_turn(texts["text"], texts["next_step"], f"{code}: ")
        return values


def contrast_with_white(color: str) -> float:
    """WCAG 2.1 contrast ratio of white text on `color` (#rrggbb)."""

    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(color[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


class Widget(Strict):
    """The website chat widget: the town's colour, the sites that may embed it, where to flee to."""

    color: str = Field("#1f3a5f", regex=r"^#[0-9a-fA-F]{6}$")
    # Sites (scheme://host[:port]) allowed to embed the widget, besides the origin of `website`.
    origins: list[str] = []
    # Where "Leave quickly" goes: a neutral page that doesn't look like help-seeking.
    leave_url: HttpUrl = Field("https://www.google.com/")  # type: ignore[assignment]

    @validator("color")
    def readable_white_text(cls, color: str) -> str:
        ratio = contrast_with_white(color)
        if ratio < 4.5:
            raise ValueError(
                f"white text on {color} has contrast {ratio:.1f}:1; WCAG AA needs 4.5:1 "
                "(choose a darker colour)"
            )
        return color

    @validator("origins", each_item=True)
    def is_origin(cls, origin: str) -> str:
        if not ORIGIN.match(origin):
            raise ValueError(f"'{origin}' is not an origin like https://www.town.gov (no path)")
        return origin.lower()


class Review(Strict):
    """Whether a native speaker at the town has checked every text in one language."""

    reviewed: bool = False
    reviewer: str | None = None
    date: dt.date | None = None

    @root_validator(skip_on_failure=True)
    def says_who(cls, values: dict) -> dict:
        if values.get("reviewed") and not (values.get("reviewer") and values.get("date")):
            raise ValueError("a reviewed language needs `reviewer` and `date`")
        return values


class Town(Strict):
    id: str = Field(..., regex=TOWN_ID)
    name: str
    town: str
    state: str = Field(..., regex=r"^[A-Z]{2}$")
    aliases: list[str] = Field(..., min_items=1)
    website: HttpUrl
    address: str
    checked: dt.date
    widget: Widget = Widget()
    translations: dict[str, Review]
    sources: dict[str, Source]
    phones: dict[str, Phone]
    units: dict[str, Unit] = {}
    answers: dict[str, Answer]

    @validator("sources")
    def has_sources(cls, sources: dict[str, Source]) -> dict[str, Source]:
        if not sources:
            raise ValueError("`sources` is empty: every fact needs a source")
        return sources

    @validator("translations")
    def every_translation(cls, translations: dict[str, Review]) -> dict[str, Review]:
        if set(translations) != set(TRANSLATED):
            raise ValueError(f"`translations` must list exactly {', '.join(TRANSLATED)}")
        return translations

    @validator("phones")
    def has_main_line(cls, phones: dict[str, Phone]) -> dict[str, Phone]:
        if "main" not in phones:
            raise ValueError("`phones` needs a `main` entry: the line residents are sent to")
        return phones

    @validator("answers")
    def answers_every_intent(cls, answers: dict[str, Answer]) -> dict[str, Answer]:
        missing = [i for i in ANSWERED_INTENTS if i not in answers]
        unknown = [i for i in answers if i not in ANSWERED_INTENTS]
        problems = []
        if missing:
            problems.append(f"missing answers for: {', '.join(missing)}")
        if unknown:
            problems.append(f"answers for unknown intents: {', '.join(unknown)}")
        if problems:
            raise ValueError("; ".join(problems))
        return answers

    @root_validator(skip_on_failure=True)
    def sources_exist(cls, values: dict) -> dict:
        known = set(values["sources"])
        cited: list[tuple[str, str]] = []
        for key, phone in values["phones"].items():
            cited += [(f"phones.{key}", s) for s in phone.sources]
        for key, unit in values["units"].items():
            cited += [(f"units.{key}", s) for s in unit.sources]
        for key, answer in values["answers"].items():
            cited += [(f"answers.{key}", s) for s in answer.sources]
        unknown = [f"{where} cites '{s}'" for where, s in cited if s not in known]
        if unknown:
            raise ValueError("unknown source ids (add them under `sources`): " + "; ".join(unknown))
        return values

    # --- what the actions need -------------------------------------------------------------
    @property
    def main_phone(self) -> Phone:
        return self.phones["main"]

    def source_urls(self, ids: list[str]) -> list[str]:
        return [str(self.sources[i].url) for i in ids]

    @property
    def widget_origins(self) -> set[str]:
        """Origins whose pages may use the widget: the town website's and `widget.origins`."""
        site = f"{self.website.scheme}://{self.website.host}"
        if self.website.port and self.website.port not in ("80", "443"):
            site += f":{self.website.port}"
        return {site.lower(), *self.widget.origins}
