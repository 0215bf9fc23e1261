"""The knowledge files: valid, complete, sourced, and loud about every mistake a clerk can make."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from bot.kb.loader import KNOWLEDGE_DIR, KnowledgeError, load_all, load_town
from bot.kb.schema import PHONE_IN_TEXT
from bot.languages import SUPPORTED
from tests.conftest import FACT_SHEET, ROOT

TOWNS = load_all()


def test_the_contract_towns_load() -> None:
    """The contract's towns are there; a town added later is just another file."""
    assert {"west-hartford", "danbury"} <= set(TOWNS)


@pytest.mark.parametrize("town_id", sorted(TOWNS))
@pytest.mark.parametrize("language", SUPPORTED)
def test_every_answer_gives_a_way_to_act(town_id: str, language: str) -> None:
    """A resident always leaves with a number, a link or an address, in every language."""
    for topic, answer in TOWNS[town_id].answers.items():
        step = answer.in_language("next_step", language)
        assert PHONE_IN_TEXT.search(step) or "http" in step or "311" in step or "Street" in step, (
            f"{town_id}.{topic} ({language}): next_step has no phone, link or address: {step!r}"
        )


# --- nothing invented: every number, link and fee is in the fact sheet -----------------------
needs_fact_sheet = pytest.mark.skipif(
    not FACT_SHEET.exists(), reason=f"fact sheet not beside the repository ({FACT_SHEET})"
)


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)[-10:]


@needs_fact_sheet
@pytest.mark.parametrize("path", sorted(KNOWLEDGE_DIR.glob("*.yml")), ids=lambda p: p.stem)
def test_every_phone_number_is_in_the_fact_sheet(path: Path) -> None:
    sheet_numbers = {_digits(m) for m in PHONE_IN_TEXT.findall(FACT_SHEET.read_text())}
    for number in PHONE_IN_TEXT.findall(path.read_text()):
        assert _digits(number) in sheet_numbers, f"{path.name}: {number} is not in the fact sheet"


@needs_fact_sheet
@pytest.mark.parametrize("path", sorted(KNOWLEDGE_DIR.glob("*.yml")), ids=lambda p: p.stem)
def test_every_source_url_and_fee_is_in_the_fact_sheet(path: Path) -> None:
    sheet = FACT_SHEET.read_text()
    town = load_town(path)
    for source in town.sources.values():
        assert str(source.url).rstrip("/") in sheet, f"{path.name}: {source.url} not in fact sheet"
    for amount in re.findall(r"\$\d[\d,.]*", path.read_text()):
        assert amount.rstrip(".,") in sheet, f"{path.name}: fee {amount} is not in the fact sheet"


# Any way a North American number can be written: 860-523-5203, (888) 774-2900, 1-800-822-8428,
# 888.774.2900, +1 888 774 2900, 8887742900. Looser than PHONE_IN_TEXT on purpose: the urgent
# responses are hand-written (and translated), not validated by the knowledge schema.
ANY_PHONE = re.compile(r"(?<![\d-])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?![\d-])")
URGENT_RESPONSES = (
    "utter_emergency",
    "utter_crisis",
    "utter_domestic_violence",
    "utter_report_non_emergency",
)


def _strings(node: object) -> list[str]:
    """Every string in a response variation: its text, buttons and custom payload."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


@needs_fact_sheet
@pytest.mark.parametrize("response", URGENT_RESPONSES)
def test_every_phone_number_in_the_urgent_responses_is_in_the_fact_sheet(response: str) -> None:
    """911/988/Safe Connect replies are domain responses, not knowledge: check them too."""
    sheet_numbers = {_digits(m) for m in ANY_PHONE.findall(FACT_SHEET.read_text())}
    domain = yaml.safe_load((ROOT / "bot/domain.yml").read_text(encoding="utf-8"))
    variations = domain["responses"].get(response)
    assert variations, f"bot/domain.yml has no response {response}"
    for i, variation in enumerate(variations):
        for text in _strings(variation):
            for number in ANY_PHONE.findall(text):
                assert _digits(number) in sheet_numbers, (
                    f"{response}[{i}]: {number.strip()} is not in the fact sheet"
                )


# --- sources are the town's own (or the state's), never another town's ---------------------------
# Other Connecticut towns' websites named in the fact sheet. A state rule cites a state page; a
# fact found only on another town's page is dropped (a widget must never show "Source:
# newtown-ct.gov" under a West Hartford answer). Section 6 of the sheet is added automatically.
OTHER_CT_TOWNS = {
    "bloomfieldct.gov",
    "colchesterct.gov",
    "darienpolice.org",
    "eastonctpolice.com",
    "fpdct.com",  # Fairfield PD
    "glastonburyct.gov",
    "hartfordct.gov",
    "lebanontownhall.org",
    "monroect.gov",
    "naugatuckpdct.permitium.com",
    "newbritainct.gov",
    "newbritainpolice.org",
    "newtown-ct.gov",
    "norwalkct.gov",
    "putnampolice.com",
    "ridgefieldct.gov",
    "townofdurhamct.org",
    "townofwindsorct.com",
    "trumbull-ct.gov",
    "westportct.gov",
}
# Sites of the towns we serve, beyond the domain of their `website:`.
SERVED_TOWN_SITES = {
    "west-hartford": {"westhartfordct.gov", "omits.westhartfordct.gov"},
    "danbury": {"danbury-ct.gov", "danbury-ct.elaws.us", "danburyparking.com"},
}


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _on(host: str, domain: str) -> bool:
    """westhartfordct.gov is not on hartfordct.gov; pd.newbritainct.gov is on newbritainct.gov."""
    return host == domain or host.endswith("." + domain)


def _section_6_hosts() -> set[str]:
    sheet = FACT_SHEET.read_text()
    start = sheet.index("## 6.")
    section = sheet[start : sheet.index("\n## ", start + 1)]
    return {_host(url) for url in re.findall(r"https?://[^\s\])|,]+", section)}


def _foreign_sites(town_id: str) -> set[str]:
    """Websites that must never be a source of this town's answers."""
    sites = set(OTHER_CT_TOWNS)
    if FACT_SHEET.exists():
        sites |= _section_6_hosts()
    for other_id, other in TOWNS.items():
        if other_id != town_id:
            sites |= {_host(str(other.website))} | SERVED_TOWN_SITES.get(other_id, set())
    own = {_host(str(TOWNS[town_id].website))} | SERVED_TOWN_SITES.get(town_id, set())
    return {site for site in sites if not any(_on(site, mine) for mine in own)}


def test_the_other_towns_list_is_the_one_intended() -> None:
    foreign = _foreign_sites("west-hartford")
    assert any(_on("newtown-ct.gov", s) for s in foreign)
    assert any(_on("danbury-ct.gov", s) for s in foreign)
    assert not any(_on("westhartfordct.gov", s) for s in foreign)
    assert not any(_on("portal.ct.gov", s) for s in foreign)
    assert any(_on("westhartfordct.gov", s) for s in _foreign_sites("danbury"))


@needs_fact_sheet
def test_section_6_of_the_fact_sheet_is_read() -> None:
    assert {"bloomfieldct.gov", "norwalkct.gov", "ridgefieldct.gov"} <= _section_6_hosts()


@pytest.mark.parametrize("town_id", sorted(TOWNS))
def test_no_answer_cites_another_towns_website(town_id: str) -> None:
    town = TOWNS[town_id]
    foreign = _foreign_sites(town_id)
    cited = [(f"answers.{k}", a.sources) for k, a in town.answers.items()]
    cited += [(f"units.{k}", u.sources) for k, u in town.units.items()]
    cited += [(f"phones.{k}", p.sources) for k, p in town.phones.items()]
    problems = [
        f"{where} cites '{sid}' ({town.sources[sid].url})"
        for where, ids in cited
        for sid in ids
        if any(_on(_host(str(town.sources[sid].url)), site) for site in foreign)
    ]
    assert not problems, f"{town_id}: another town's website as a source: " + "; ".join(problems)


NON_EMERGENCY = r"(non-emergency|no emergencia|n[ãa]o emergencia)"


def test_danbury_listed_number_is_never_called_the_non_emergency_line() -> None:
    """Fact sheet 2.1, 7.A.1: 203-797-4614 is the department's letterhead number, role unknown."""
    town = TOWNS["danbury"]
    label = town.main_phone.label.lower()
    assert "non-emergency" not in label or "not confirmed" in label, label
    for language in SUPPORTED:
        label = town.main_phone.in_language("label", language)
        texts = [label] + [
            f"{a.in_language('text', language)} {a.in_language('next_step', language)}"
            for a in town.answers.values()
        ]
        texts += [u.in_language("note", language) or "" for u in town.units.values()]
        for text in texts:
            assert not re.search(NON_EMERGENCY + r"[^.;()]{0,30}797-4614", text, re.I), text


def test_unverified_danbury_number_is_never_given() -> None:
    """The fact sheet lists 203-797-4611 as unverified: it must not reach residents."""
    assert "797-4611" not in TOWNS["danbury"].json()


def test_west_hartford_parking_answer_does_not_state_a_flat_rule() -> None:
    """Fact sheet: the ban was under review; say so, and point to the town and the line."""
    text = TOWNS["west-hartford"].answers["overnight_parking"].text.lower()
    assert "review" in text and "may have changed" in text


# --- the same facts in every language ---------------------------------------------------------
def _figures(text: str) -> list[str]:
    """Phone numbers, fees, hours, dates and web addresses: what a translation must not change."""
    return sorted(re.findall(r"\d[\d\-.$,/]*\d|\d|\b[a-z0-9.-]+\.(?:gov|org|com|us)\b", text))


@pytest.mark.parametrize("town_id", sorted(TOWNS))
@pytest.mark.parametrize("language", [code for code in SUPPORTED if code != "en"])
def test_translations_carry_the_same_figures(town_id: str, language: str) -> None:
    for topic, answer in TOWNS[town_id].answers.items():
        english = f"{answer.text} {answer.next_step}"
        translated = (
            f"{answer.in_language('text', language)} {answer.in_language('next_step', language)}"
        )
        assert translated != english, f"{town_id} {topic}: not translated"
        assert _figures(translated) == _figures(english), f"{town_id} {topic} ({language})"


@pytest.mark.parametrize("town_id", sorted(TOWNS))
def test_no_translation_claims_staff_who_speak_the_language(town_id: str) -> None:
    """Fact sheet 3.8: no source says either department has Spanish- or Portuguese-speaking
    staff or a language line; a translation must not suggest it."""
    text = TOWNS[town_id].json().lower()
    claims = r"habla(n)? español|hablamos|bilingüe|bilíngue|fala(m)? português|falamos"
    assert not re.search(claims, text), re.search(claims, text)


@pytest.mark.parametrize("town_id", sorted(TOWNS))
def test_translations_are_marked_unreviewed_until_a_town_says_so(town_id: str) -> None:
    for language, review in TOWNS[town_id].translations.items():
        assert review.reviewed is False or (review.reviewer and review.date), language


def test_an_answer_without_a_language_is_an_error_on_its_line(town_copy: Path) -> None:
    lines = town_copy.read_text().splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("  lost_and_found:"))
    es = next(i for i in range(start, len(lines)) if lines[i].strip() == "es:")
    del lines[es : es + 3]  # es:, text, next_step
    town_copy.write_text("".join(lines))
    with pytest.raises(KnowledgeError) as err:
        load_town(town_copy)
    assert f"west-hartford.yml:{start + 1}: answers.lost_and_found" in str(err.value)
    assert "no `es:` translation" in str(err.value)


def test_a_translation_longer_than_one_sms_turn_is_an_error(town_copy: Path) -> None:
    text = town_copy.read_text()
    start = text.index("  lost_and_found:")
    pt = text.index('    pt:\n      text: "', start) + len('    pt:\n      text: "')
    town_copy.write_text(text[:pt] + "x" * 600 + text[pt:])
    with pytest.raises(KnowledgeError, match=r"pt: text \+ next_step is .* the limit is 600"):
        load_town(town_copy)


def test_a_translation_saying_more_than_the_english_is_an_error(town_copy: Path) -> None:
    """A unit without hours in English can't have hours in Spanish."""
    text = town_copy.read_text()
    start = text.index("\nunits:")
    es = text.index("    es:\n", start) + len("    es:\n")
    town_copy.write_text(text[:es] + '      hours: "lunes a viernes"\n' + text[es:])
    with pytest.raises(KnowledgeError, match="must translate exactly"):
        load_town(town_copy)


def test_a_file_without_the_departments_name_in_a_language_is_an_error(town_copy: Path) -> None:
    """A Spanish reply must not say "West Hartford Police Department": the name is translated."""
    text = town_copy.read_text()
    start = text.index("\nnames: {")
    town_copy.write_text(text[:start] + text[text.index("\n", start + 1) :])
    with pytest.raises(KnowledgeError, match="names"):
        load_town(town_copy)


@pytest.mark.parametrize("town_id", sorted(TOWNS))
def test_the_departments_name_is_given_in_each_language(town_id: str) -> None:
    town = TOWNS[town_id]
    assert town.name_in("en") == town.name
    for language in ("es", "pt"):
        assert town.name_in(language) != town.name and town.town in town.name_in(language)


def test_a_reviewed_language_names_its_reviewer(town_copy: Path) -> None:
    text = town_copy.read_text().replace("es: {reviewed: false}", "es: {reviewed: true}")
    town_copy.write_text(text)
    with pytest.raises(KnowledgeError, match="reviewer"):
        load_town(town_copy)


# --- broken files fail loudly, with the line -----------------------------------------------------
@pytest.fixture
def town_copy(tmp_path: Path) -> Path:
    target = tmp_path / "west-hartford.yml"
    shutil.copy(KNOWLEDGE_DIR / "west-hartford.yml", target)
    return target


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_too_long_answer_names_its_line(town_copy: Path) -> None:
    text = town_copy.read_text().replace(
        'text: "To report it to West Hartford Police', 'text: "' + "x" * 600 + " To report it"
    )
    town_copy.write_text(text)
    line = _line_of(town_copy, "  report_non_emergency:")
    with pytest.raises(KnowledgeError) as err:
        load_town(town_copy)
    assert f"west-hartford.yml:{line}: answers.report_non_emergency" in str(err.value)
    assert "answers.report_non_emergency" in str(err.value) and "600" in str(err.value)


def test_missing_answer_is_named(town_copy: Path) -> None:
    text = town_copy.read_text()
    start = text.index("  lost_and_found:")
    end = text.index("  medication_disposal:")
    town_copy.write_text(text[:start] + text[end:])
    with pytest.raises(KnowledgeError, match="missing answers for: lost_and_found"):
        load_town(town_copy)


def test_misspelt_key_is_an_error_on_its_line(town_copy: Path) -> None:
    town_copy.write_text(
        town_copy.read_text().replace('    next_step: "Tip line', '    nextstep: "Tip line')
    )
    line = _line_of(town_copy, "nextstep:")
    with pytest.raises(KnowledgeError) as err:
        load_town(town_copy)
    assert f"west-hartford.yml:{line}: answers.anonymous_tip.nextstep" in str(err.value)


def test_bad_phone_number_is_an_error(town_copy: Path) -> None:
    town_copy.write_text(town_copy.read_text().replace("number: 860-523-5203", "number: 523-5203"))
    with pytest.raises(KnowledgeError, match=r"phones\.main\.number"):
        load_town(town_copy)


def test_unknown_source_id_is_an_error(town_copy: Path) -> None:
    town_copy.write_text(
        town_copy.read_text().replace("sources: [tips-2021]", "sources: [tips-2099]", 1)
    )
    with pytest.raises(KnowledgeError, match="cites 'tips-2099'"):
        load_town(town_copy)


def test_unknown_unit_is_an_error(town_copy: Path) -> None:
    text = town_copy.read_text().replace(
        "  animal_control:\n    name:", "  animal_patrol:\n    name:", 1
    )
    # an answer's `unit:` follows the renamed unit, so only the vocabulary check can object
    town_copy.write_text(text.replace("unit: animal_control", "unit: animal_patrol"))
    with pytest.raises(KnowledgeError, match=r"units\.animal_patrol: unknown unit"):
        load_town(town_copy)


def test_file_name_must_match_id(town_copy: Path) -> None:
    renamed = town_copy.with_name("newtown.yml")
    town_copy.rename(renamed)
    with pytest.raises(KnowledgeError, match="must match the file name"):
        load_town(renamed)


def test_yaml_syntax_error_is_reported(town_copy: Path) -> None:
    town_copy.write_text(town_copy.read_text() + "\nbroken: [unclosed\n")
    with pytest.raises(KnowledgeError, match="not valid YAML"):
        load_town(town_copy)


def test_one_broken_file_stops_the_whole_load(tmp_path: Path) -> None:
    for path in KNOWLEDGE_DIR.glob("*.yml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "danbury.yml").write_text("id: danbury\n")
    with pytest.raises(KnowledgeError, match=r"danbury\.yml"):
        load_all(tmp_path)


def test_widget_colour_too_light_for_white_text_is_an_error(town_copy: Path) -> None:
    town_copy.write_text(town_copy.read_text().replace('color: "#1d4f91"', 'color: "#7fa7e0"'))
    line = _line_of(town_copy, "color:")
    with pytest.raises(KnowledgeError) as err:
        load_town(town_copy)
    assert f"west-hartford.yml:{line}: widget.color" in str(err.value)
    assert "4.5:1" in str(err.value)


def test_widget_origin_with_a_path_is_an_error(town_copy: Path) -> None:
    town_copy.write_text(
        town_copy.read_text().replace(
            'color: "#1d4f91"\n', 'color: "#1d4f91"\n  origins: ["https://www.town.gov/police"]\n'
        )
    )
    with pytest.raises(KnowledgeError, match=r"widget\.origins.*no path"):
        load_town(town_copy)


def test_the_town_website_may_always_embed_the_widget() -> None:
    assert (
        "https://www.westhartfordct.gov"
        in load_town(KNOWLEDGE_DIR / "west-hartford.yml").widget_origins
    )
