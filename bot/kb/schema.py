"""The schema of a town's knowledge file (bot/knowledge/<town>.yml).

Why a schema: the people who keep these files current are records clerks and town IT staff, not
programmers. A mistake must fail loudly when the file is loaded (with the line at fault), never
surface as a wrong or missing answer in front of a resident.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
OPEN_SPAN = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$")
# The longest dated notice: it is shown before the answer, inside the same SMS turn.
MAX_NOTICE_CHARS = 280


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
    """One unit of the department (records, animal control...). Unknown facts stay null.

    `open` is the same hours as `hours`, in a form the assistant can reason with ("is it open
    now?"): weekday -> spans "08:30-16:30" in the town's time zone; a weekday not listed is closed.
    `holidays` says what the source says about holidays: `closed` only when it says so.
    """

    TEXTS = ("name", "hours", "note")
    name: str
    phone: str | None = Field(None, regex=PHONE)
    address: str | None = None
    hours: str | None = None
    open: dict[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"], list[str]] | None = None
    holidays: Literal["closed", "unknown"] = "unknown"
    note: str | None = None
    aliases: list[str] = []
    sources: list[str] = []

    @validator("open")
    def spans(cls, days: dict[str, list[str]] | None) -> dict[str, list[str]] | None:
        for day, spans in (days or {}).items():
            for span in spans:
                m = OPEN_SPAN.match(span)
                if not m or span[:5] >= span[6:]:
                    raise ValueError(f"{day}: '{span}' is not a span like 08:30-16:30")
        return days

    @root_validator(skip_on_failure=True)
    def facts_need_sources(cls, values: dict) -> dict:
        has_fact = any(values.get(k) for k in ("phone", "address", "hours"))
        if has_fact and not values.get("sources"):
            raise ValueError("a unit with a phone, address or hours needs `sources`")
        if values.get("open") and not values.get("hours"):
            raise ValueError("`open` restates `hours`: write `hours` too (what residents read)")
        return values


def _fits_one_sms_turn(text: str, next_step: str, where: str) -> None:
    length = len(text) + 1 + len(next_step)
    if length > MAX_ANSWER_CHARS:
        raise ValueError(
            f"{where}text + next_step is {length} characters; the limit is {MAX_ANSWER_CHARS} "
            "(one SMS conversation turn)"
        )


class AnswerText(Translated):
    """A text and where to go next, as the resident reads it, in every language."""

    TEXTS = ("text", "next_step")
    text: str = Field(..., min_length=20)
    next_step: str = Field(..., min_length=10, description="a phone, a URL or an address")
    sources: list[str] = Field(..., min_items=1)

    @root_validator(skip_on_failure=True)
    def fits_one_sms_turn(cls, values: dict) -> dict:
        _fits_one_sms_turn(values["text"], values["next_step"], "")
        for code in TRANSLATED:
            texts = values.get(code) or {}
            if "text" in texts and "next_step" in texts:
                _fits_one_sms_turn(texts["text"], texts["next_step"], f"{code}: ")
        return values


class Situation(AnswerText):
    """One situation an intent covers (a bite, wildlife, a fee), answered on its own when the
    resident's words name it: `words` per language, matched as whole words, accents ignored."""

    words: dict[str, list[str]]

    @validator("words")
    def every_language_words(cls, words: dict[str, list[str]]) -> dict[str, list[str]]:
        missing = [code for code in SUPPORTED if not words.get(code)]
        if missing:
            raise ValueError(f"`words` needs a list for {', '.join(missing)}")
        unknown = [code for code in words if code not in SUPPORTED]
        if unknown:
            raise ValueError(f"`words` has unknown languages: {', '.join(unknown)}")
        return words


class Answer(AnswerText):
    """The answer to one service intent, in every language, and the situations it covers.

    `unit` names the unit a follow-up ("and their hours?", "who do I call?") is about.
    `disabled: true` pulls the answer at once: the resident gets the department's line instead.
    """

    checked: dt.date
    unit: str | None = None
    disabled: bool = False
    situations: dict[str, Situation] = {}


class Notice(Translated):
    """A dated notice (a snow emergency, a road closure, a lobby closed for a holiday): shown first
    on its topics, and on the widget's opening notice, from `starts` until `ends`, then never."""

    TEXTS = ("text",)
    id: str = Field(..., regex=TOWN_ID)
    text: str = Field(..., min_length=10, max_length=MAX_NOTICE_CHARS)
    starts: dt.datetime
    ends: dt.datetime
    topics: list[str] = Field(..., min_items=1, description="intents, or `all`")
    widget: bool = True
    sources: list[str] = []

    @validator("topics", each_item=True)
    def known_topic(cls, topic: str) -> str:
        if topic != "all" and topic not in ANSWERED_INTENTS:
            raise ValueError(f"'{topic}' is not an answered intent (or `all`)")
        return topic

    @root_validator(skip_on_failure=True)
    def ends_after_start(cls, values: dict) -> dict:
        if values["ends"] <= values["starts"]:
            raise ValueError("`ends` must be after `starts`")
        for code in TRANSLATED:
            text = (values.get(code) or {}).get("text", "")
            if len(text) > MAX_NOTICE_CHARS:
                raise ValueError(f"`{code}:` text is over {MAX_NOTICE_CHARS} characters")
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
    # the department's name in each other language ("Departamento de Policía de Danbury"): a
    # Spanish reply does not say "Danbury Police Department"
    names: dict[str, str]
    town: str
    state: str = Field(..., regex=r"^[A-Z]{2}$")
    aliases: list[str] = Field(..., min_items=1)
    website: HttpUrl
    address: str
    timezone: str = "America/New_York"
    checked: dt.date
    widget: Widget = Widget()
    translations: dict[str, Review]
    sources: dict[str, Source]
    phones: dict[str, Phone]
    units: dict[str, Unit] = {}
    answers: dict[str, Answer]
    notices: list[Notice] = []

    def name_in(self, language: str | None) -> str:
        """The department's name in `language` (English where the file gives none)."""
        return self.names.get(language or "en", self.name)

    @validator("timezone")
    def known_zone(cls, zone: str) -> str:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone '{zone}'") from exc
        return zone

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

    @validator("names")
    def names_in_every_translation(cls, names: dict[str, str]) -> dict[str, str]:
        if set(names) != set(TRANSLATED) or not all(n.strip() for n in names.values()):
            raise ValueError(f"`names` must give the department's name in {', '.join(TRANSLATED)}")
        return names

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
            for name, situation in answer.situations.items():
                cited += [(f"answers.{key}.situations.{name}", s) for s in situation.sources]
        for notice in values.get("notices") or []:
            cited += [(f"notices.{notice.id}", s) for s in notice.sources]
        unknown = [f"{where} cites '{s}'" for where, s in cited if s not in known]
        if unknown:
            raise ValueError("unknown source ids (add them under `sources`): " + "; ".join(unknown))
        return values

    @root_validator(skip_on_failure=True)
    def answer_units_exist(cls, values: dict) -> dict:
        unknown = [
            f"answers.{key}.unit '{a.unit}'"
            for key, a in values["answers"].items()
            if a.unit and a.unit not in values["units"]
        ]
        if unknown:
            raise ValueError("unknown units (add them under `units`): " + "; ".join(unknown))
        ids = [n.id for n in values.get("notices") or []]
        if len(ids) != len(set(ids)):
            raise ValueError("two notices have the same `id`")
        return values

    # --- what the actions need -------------------------------------------------------------
    def notices_in_force(self, topic: str | None, now: dt.datetime) -> list[Notice]:
        """The notices in force at `now` on `topic` (every topic's when None is given: the
        widget's opening notice). A time without a zone is the town's local time."""
        zone = ZoneInfo(self.timezone)

        def aware(moment: dt.datetime) -> dt.datetime:
            return moment if moment.tzinfo else moment.replace(tzinfo=zone)

        return [
            n
            for n in self.notices
            if aware(n.starts) <= now < aware(n.ends)
            and ((topic is None and n.widget) or topic in n.topics or "all" in n.topics)
        ]

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
