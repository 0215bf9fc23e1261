"""Is a unit open now? From its structured hours (`open:` in the knowledge file), in the town's
time zone, with US and Connecticut holidays.

Why here and not in the answer text: "is the parking office open now?" has a different answer at
8 pm on a Thursday than at noon on Thanksgiving, and a resident who reads "Mon–Fri 8–4" at 11 pm
on a Sunday has to work it out themselves. The knowledge file keeps the hours as the source gives
them; this module only reasons with them. A holiday is said to close the office only when the
file says `holidays: closed`; otherwise the resident is told it may be closed and to call first.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import holidays
from babel.dates import format_time, get_day_names

from bot.kb.schema import WEEKDAYS, Unit

# Babel locales for the assistant's languages (bot/languages.py): US English, US Spanish,
# Brazilian Portuguese.
LOCALES = {"en": "en_US", "es": "es_US", "pt": "pt_BR"}
# How many days ahead to look for the next opening.
HORIZON_DAYS = 8


@dataclass(frozen=True)
class Status:
    """Where a unit stands at one moment."""

    open_now: bool
    # the end of the span it is open in, or the start of the next opening (None: none found)
    until: dt.datetime | None
    # a holiday today (its English name), when the file doesn't say the unit closes for it
    holiday: str | None = None


@functools.lru_cache(maxsize=8)
def _holidays(state: str, year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("US", subdiv=state, years=year)


def holiday_on(day: dt.date, state: str) -> str | None:
    """The name of the US/state holiday on `day`, if there is one."""
    return _holidays(state, day.year).get(day)


# The `holidays` package names US holidays in English only; residents writing in Spanish or
# Portuguese read the name in their language, with the English one they will see on signs.
HOLIDAY_NAMES: dict[str, dict[str, str]] = {
    "es": {
        "New Year's Day": "Año Nuevo",
        "Martin Luther King Jr. Day": "Día de Martin Luther King Jr.",
        "Lincoln's Birthday": "Natalicio de Lincoln",
        "Washington's Birthday": "Natalicio de Washington",
        "Good Friday": "Viernes Santo",
        "Memorial Day": "Día de los Caídos",
        "Juneteenth National Independence Day": "Día de la Emancipación",
        "Independence Day": "Día de la Independencia",
        "Labor Day": "Día del Trabajo",
        "Columbus Day": "Día de Colón",
        "Veterans Day": "Día de los Veteranos",
        "Thanksgiving Day": "Día de Acción de Gracias",
        "Christmas Day": "Navidad",
    },
    "pt": {
        "New Year's Day": "Ano-Novo",
        "Martin Luther King Jr. Day": "Dia de Martin Luther King Jr.",
        "Lincoln's Birthday": "Aniversário de Lincoln",
        "Washington's Birthday": "Aniversário de Washington",
        "Good Friday": "Sexta-feira Santa",
        "Memorial Day": "Dia em Memória aos Mortos em Guerra",
        "Juneteenth National Independence Day": "Dia da Emancipação",
        "Independence Day": "Dia da Independência",
        "Labor Day": "Dia do Trabalho",
        "Columbus Day": "Dia de Colombo",
        "Veterans Day": "Dia dos Veteranos",
        "Thanksgiving Day": "Dia de Ação de Graças",
        "Christmas Day": "Natal",
    },
}
OBSERVED = {"en": "(observed)", "es": "(día feriado trasladado)", "pt": "(feriado transferido)"}


def holiday_name(name: str, language: str) -> str:
    """`name` as `holidays` gives it, in the resident's language: "Día de Acción de Gracias
    (Thanksgiving Day)"; English, or a name not in the table, is given as it is."""
    base = name.replace(f" {OBSERVED['en']}", "")
    local = HOLIDAY_NAMES.get(language, {}).get(base)
    if local is None:
        return name
    observed = f" {OBSERVED[language]}" if base != name else ""
    return f"{local}{observed} ({base})"


def _spans(unit: Unit, day: dt.date, zone: ZoneInfo) -> list[tuple[dt.datetime, dt.datetime]]:
    out = []
    for span in (unit.open or {}).get(WEEKDAYS[day.weekday()], []):
        start, end = (dt.time.fromisoformat(t) for t in span.split("-"))
        out.append((dt.datetime.combine(day, start, zone), dt.datetime.combine(day, end, zone)))
    return out


def status(unit: Unit, now: dt.datetime, timezone: str, state: str) -> Status | None:
    """Open or closed at `now` (aware), and until when; None when the unit has no `open:`."""
    if not unit.open:
        return None
    zone = ZoneInfo(timezone)
    local = now.astimezone(zone)
    closed_for_holidays = unit.holidays == "closed"
    holiday = holiday_on(local.date(), state)
    for offset in range(HORIZON_DAYS):
        day = local.date() + dt.timedelta(days=offset)
        if closed_for_holidays and holiday_on(day, state):
            continue
        for start, end in _spans(unit, day, zone):
            if start <= local < end:
                return Status(True, end, None if closed_for_holidays else holiday)
            if local < start:
                return Status(False, start, None if closed_for_holidays else holiday)
    return Status(False, None, None if closed_for_holidays else holiday)


def clock(moment: dt.datetime, language: str) -> str:
    """4:30 PM / 4:30 p.m. / 16:30, as each language writes a time."""
    return format_time(moment.time(), "short", locale=LOCALES.get(language, "en_US"))


def weekday(moment: dt.datetime, language: str) -> str:
    return get_day_names("wide", locale=LOCALES.get(language, "en_US"))[moment.weekday()]
