"""The public "how this assistant works" page, built from the knowledge files and the domain.

    GET /webhooks/webchat/about?department=<town id>&lang=en|es|pt   (no department: every town)

Why generated: what the page says about a town (its sources and their dates, the line to call,
when its answers last changed, whether its translations were reviewed) lives in the town's
knowledge file, and what the assistant says when something is urgent lives in bot/domain.yml. A
page written by hand would drift from both; this one is rebuilt from them on every request.
The few sentences that exist nowhere else are in TEXTS below, one small dict per language;
everything else is read: the urgent replies and the widget notice's sentences through
bot/phrases.py, the rest from the town's `Town`.

It is plain HTML with no script (the CSP allows none), every value escaped, its one stylesheet
inline and allowed by its hash.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import html
import re
from pathlib import Path
from string import Template
from urllib.parse import urlencode

from bot.kb.schema import TRANSLATED, Town
from bot.languages import DEFAULT, NAMES, SUPPORTED
from bot.phrases import phrase

TEMPLATE = Path(__file__).parent / "static" / "about.html"
# What `make purge` deletes by default (Makefile `DAYS ?= 90`; README, "What is stored").
RETENTION_DAYS = 90
URGENT = ("emergency", "crisis", "domestic_violence")
# A phone number as the urgent replies and knowledge files write them: 911, (888) 774-2900...
_PHONE = re.compile(r"(?<![\w-])((?:1-)?(?:\(\d{3}\) ?|\d{3}-)\d{3}-\d{4}|911|988|311)(?![\w-])")
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)

# The page's own sentences, in each language. {placeholders} are filled in below.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "choose": "Language of this page",
        "intro_town": (
            "The {department} website has a chat assistant that answers everyday questions about "
            "the department. This page says what it is, where its answers come from and what "
            "happens to what you type. It is made from the same files the assistant answers from."
        ),
        "intro_all": (
            "The websites of {departments} have a chat assistant that answers everyday questions "
            "about the police department. This page says what it is, where its answers come from "
            "and what happens to what you type. It is made from the same files the assistant "
            "answers from."
        ),
        "what_title": "What it is, and what it is not",
        "answers_from": (
            "It answers from one file per town, which the town's staff keep up to date. It knows "
            "nothing about you, cannot see police records and cannot file a report."
        ),
        "urgent_intro": (
            "When a message sounds urgent, it always answers first with where to get help now. "
            "These are its words:"
        ),
        "urgent_emergency": "Someone in danger now",
        "urgent_crisis": "Thoughts of suicide, or a crisis",
        "urgent_domestic_violence": "Abuse at home",
        "kept_title": "What is kept, and for how long",
        "removed": (
            "Before a message is stored or written to a log, personal details are replaced by "
            "placeholders: phone numbers by [PHONE], emails by [EMAIL], street addresses by "
            "[ADDRESS], licence plates by [PLATE], Social Security numbers by [SSN], card "
            "numbers by [CARD], dates of birth by [DOB], and a name you give (\u201cmy name "
            "is\u2026\u201d) by [NAME]. The assistant reads your own words only while it answers."
        ),
        "not_removed": (
            "Details written another way (a number spelled out in words, a name mentioned in "
            "passing) may not be recognised: please don't type them."
        ),
        "kept": (
            "The rest is kept: your questions without those details, their topics, the "
            "assistant's replies and any rating you give an answer. It is deleted after "
            "{days} days."
        ),
        "records": (
            "What is kept may be released as a public record, like the town's other records."
        ),
        "browser": (
            "In your browser, the chat is kept only in this tab, never in cookies, and is gone "
            "when you close the tab or press \u201c{leave}\u201d. There are no trackers."
        ),
        "languages_title": "Languages",
        "languages": (
            "It answers in {languages}, and follows the language you write in. The Spanish and "
            "Portuguese answers are translations of the English ones, with the same facts and "
            "sources."
        ),
        "and": "and",
        "person_title": "Talking to a person",
        "person": "Call the {department}: {number} ({label}).",
        "address": "Headquarters: {address}.",
        "website": "The department's website",
        "changed_title": "When its answers last changed",
        "changed": (
            "The town's file was last checked on {checked}. The most recently checked answer "
            "is dated {newest}."
        ),
        "translations_title": "Translations",
        "reviewed": "reviewed by a native speaker ({reviewer}) on {date}",
        "not_reviewed": "not yet reviewed by a native speaker at the town",
        "sources_title": "Where its answers come from",
        "sources": (
            "The town's file has {answers} answers. Every fact in it comes from one of these "
            "{count} sources; the date is the one the page shows."
        ),
        "kind_OFFICIAL": "official",
        "kind_NEWS": "news",
        "kind_3RD-PARTY": "a copy on another site",
        "undated": "undated",
        "no_town": "There is no such town here. Choose one:",
        "date": "{month} {day}, {year}",
        "months": (
            "January February March April May June July August September October November December"
        ),
    },
    "es": {
        "choose": "Idioma de esta página",
        "intro_town": (
            "El sitio web del {department} tiene un asistente de chat que responde preguntas "
            "cotidianas sobre el departamento. Esta página explica qué es, de dónde salen sus "
            "respuestas y qué pasa con lo que usted escribe. Está hecha con los mismos archivos "
            "con los que responde el asistente."
        ),
        "intro_all": (
            "Los sitios web de {departments} tienen un asistente de chat que responde preguntas "
            "cotidianas sobre el departamento de policía. Esta página explica qué es, de dónde "
            "salen sus respuestas y qué pasa con lo que usted escribe. Está hecha con los mismos "
            "archivos con los que responde el asistente."
        ),
        "what_title": "Qué es y qué no es",
        "answers_from": (
            "Responde con un archivo por ciudad, que el personal de la ciudad mantiene al día. "
            "No sabe nada de usted, no puede ver registros policiales y no puede presentar un "
            "reporte."
        ),
        "urgent_intro": (
            "Cuando un mensaje parece urgente, siempre responde primero dónde conseguir ayuda "
            "ahora. Estas son sus palabras:"
        ),
        "urgent_emergency": "Alguien en peligro ahora",
        "urgent_crisis": "Pensamientos de suicidio o una crisis",
        "urgent_domestic_violence": "Abuso en el hogar",
        "kept_title": "Qué se guarda y por cuánto tiempo",
        "removed": (
            "Antes de guardar un mensaje o escribirlo en un registro, los datos personales se "
            "reemplazan por marcadores: los teléfonos por [PHONE], los correos por [EMAIL], las "
            "direcciones por [ADDRESS], las placas por [PLATE], los números de Seguro Social por "
            "[SSN], los de tarjeta por [CARD], las fechas de nacimiento por [DOB] y un nombre "
            "que usted dé (\u201cme llamo\u2026\u201d) por [NAME]. El asistente lee sus palabras "
            "solo mientras responde."
        ),
        "not_removed": (
            "Los datos escritos de otra forma (un número en letras, un nombre mencionado de "
            "paso) pueden no reconocerse: por favor, no los escriba."
        ),
        "kept": (
            "El resto se guarda: sus preguntas sin esos datos, sus temas, las respuestas del "
            "asistente y la calificación que dé a una respuesta. Se borra después de {days} días."
        ),
        "records": (
            "Lo que se guarda puede divulgarse como registro público, como los demás registros "
            "de la ciudad."
        ),
        "browser": (
            "En su navegador, el chat se guarda solo en esta pestaña, nunca en cookies, y "
            "desaparece al cerrar la pestaña o al pulsar \u201c{leave}\u201d. No hay rastreadores."
        ),
        "languages_title": "Idiomas",
        "languages": (
            "Responde en {languages}, y sigue el idioma en que usted escribe. Las respuestas en "
            "español y portugués son traducciones de las inglesas, con los mismos datos y fuentes."
        ),
        "and": "y",
        "person_title": "Hablar con una persona",
        "person": "Llame al {department}: {number} ({label}).",
        "address": "Sede: {address}.",
        "website": "El sitio web del departamento",
        "changed_title": "Cuándo cambiaron sus respuestas",
        "changed": (
            "El archivo de la ciudad se revisó por última vez el {checked}. La respuesta "
            "revisada más recientemente es del {newest}."
        ),
        "translations_title": "Traducciones",
        "reviewed": "revisada por un hablante nativo ({reviewer}) el {date}",
        "not_reviewed": "todavía no revisada por un hablante nativo en la ciudad",
        "sources_title": "De dónde salen sus respuestas",
        "sources": (
            "El archivo de la ciudad tiene {answers} respuestas. Cada dato sale de una de estas "
            "{count} fuentes; la fecha es la que muestra la página."
        ),
        "kind_OFFICIAL": "oficial",
        "kind_NEWS": "noticia",
        "kind_3RD-PARTY": "una copia en otro sitio",
        "undated": "sin fecha",
        "no_town": "Esa ciudad no está aquí. Elija una:",
        "date": "{day} de {month} de {year}",
        "months": (
            "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
            "diciembre"
        ),
    },
    "pt": {
        "choose": "Idioma desta página",
        "intro_town": (
            "O site do {department} tem um assistente de chat que responde perguntas do dia a "
            "dia sobre o departamento. Esta página explica o que ele é, de onde vêm as respostas "
            "e o que acontece com o que você digita. Ela é feita com os mesmos arquivos com que o "
            "assistente responde."
        ),
        "intro_all": (
            "Os sites de {departments} têm um assistente de chat que responde perguntas do dia a "
            "dia sobre o departamento de polícia. Esta página explica o que ele é, de onde vêm as "
            "respostas e o que acontece com o que você digita. Ela é feita com os mesmos "
            "arquivos com que o assistente responde."
        ),
        "what_title": "O que ele é e o que não é",
        "answers_from": (
            "Ele responde com um arquivo por cidade, que a equipe da cidade mantém atualizado. "
            "Ele não sabe nada sobre você, não pode ver registros da polícia e não pode fazer um "
            "boletim de ocorrência."
        ),
        "urgent_intro": (
            "Quando uma mensagem parece urgente, ele sempre responde primeiro onde conseguir "
            "ajuda agora. Estas são as palavras dele:"
        ),
        "urgent_emergency": "Alguém em perigo agora",
        "urgent_crisis": "Pensamentos de suicídio ou uma crise",
        "urgent_domestic_violence": "Violência em casa",
        "kept_title": "O que fica guardado e por quanto tempo",
        "removed": (
            "Antes de uma mensagem ser guardada ou escrita em um registro, os dados pessoais são "
            "trocados por marcadores: telefones por [PHONE], e-mails por [EMAIL], endereços por "
            "[ADDRESS], placas por [PLATE], números do Seguro Social por [SSN], de cartão por "
            "[CARD], datas de nascimento por [DOB] e um nome que você diga (\u201cmeu nome "
            "é\u2026\u201d) por [NAME]. O assistente lê suas palavras só enquanto responde."
        ),
        "not_removed": (
            "Dados escritos de outra forma (um número por extenso, um nome citado de passagem) "
            "podem não ser reconhecidos: por favor, não os digite."
        ),
        "kept": (
            "O resto fica guardado: suas perguntas sem esses dados, os assuntos, as respostas do "
            "assistente e a avaliação que você der a uma resposta. Tudo é apagado depois de "
            "{days} dias."
        ),
        "records": (
            "O que fica guardado pode ser divulgado como registro público, como os outros "
            "registros da cidade."
        ),
        "browser": (
            "No seu navegador, o chat fica guardado só nesta aba, nunca em cookies, e some "
            "quando você fecha a aba ou aperta \u201c{leave}\u201d. Não há rastreadores."
        ),
        "languages_title": "Idiomas",
        "languages": (
            "Ele responde em {languages}, e segue o idioma em que você escreve. As respostas em "
            "espanhol e português são traduções das respostas em inglês, com os mesmos dados e "
            "fontes."
        ),
        "and": "e",
        "person_title": "Falar com uma pessoa",
        "person": "Ligue para o {department}: {number} ({label}).",
        "address": "Sede: {address}.",
        "website": "O site do departamento",
        "changed_title": "Quando as respostas mudaram",
        "changed": (
            "O arquivo da cidade foi conferido pela última vez em {checked}. A resposta "
            "conferida mais recentemente é de {newest}."
        ),
        "translations_title": "Traduções",
        "reviewed": "revisada por um falante nativo ({reviewer}) em {date}",
        "not_reviewed": "ainda não revisada por um falante nativo na cidade",
        "sources_title": "De onde vêm as respostas",
        "sources": (
            "O arquivo da cidade tem {answers} respostas. Cada dado vem de uma destas {count} "
            "fontes; a data é a que a página mostra."
        ),
        "kind_OFFICIAL": "oficial",
        "kind_NEWS": "notícia",
        "kind_3RD-PARTY": "uma cópia em outro site",
        "undated": "sem data",
        "no_town": "Essa cidade não está aqui. Escolha uma:",
        "date": "{day} de {month} de {year}",
        "months": (
            "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
            "dezembro"
        ),
    },
}
# The language names as each page says them (the switcher uses each language's own name).
LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "en": {"en": "English", "es": "Spanish", "pt": "Portuguese"},
    "es": {"en": "inglés", "es": "español", "pt": "portugués"},
    "pt": {"en": "inglês", "es": "espanhol", "pt": "português"},
}


def page_language(value: str | None) -> str:
    """`?lang=` as one of ours; anything else is the default (never an error)."""
    code = (value or "").strip().lower()[:2]
    return code if code in SUPPORTED else DEFAULT


def _t(language: str, key: str, **values: object) -> str:
    return TEXTS[language][key].format(**values)


def _html(language: str, key: str, **values: str) -> str:
    """TEXTS[language][key] escaped, with `values` (already HTML) in its placeholders."""
    marks = {name: f"\x00{n}\x00" for n, name in enumerate(values)}
    text = _e(TEXTS[language][key].format(**marks))
    for name, mark in marks.items():
        text = text.replace(mark, values[name])
    return text


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def long_date(day: dt.date, language: str) -> str:
    """A date as a resident of that language writes it, in a <time> element."""
    month = TEXTS[language]["months"].split()[day.month - 1]
    text = _t(language, "date", month=month, day=day.day, year=day.year)
    return f'<time datetime="{day.isoformat()}">{_e(text)}</time>'


def _series(items: list[str], language: str) -> str:
    """a, b and c (already escaped)."""
    if len(items) < 3:
        return f" {_e(_t(language, 'and'))} ".join(items)
    return ", ".join(items[:-1]) + f" {_e(_t(language, 'and'))} " + items[-1]


def _tel(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    if len(digits) <= 3:
        return f"tel:{digits}"
    return "tel:+" + ("1" + digits if len(digits) == 10 else digits)


def _with_phone_links(text: str) -> str:
    """`text` escaped, its phone numbers as tel: links (the digits survive escaping unchanged)."""
    return _PHONE.sub(lambda m: f'<a href="{_tel(m.group(1))}">{m.group(1)}</a>', _e(text))


def _english(text: str, language: str) -> str:
    """A knowledge-file text that exists in English only (a source's title), marked so for screen
    readers on a Spanish or Portuguese page (WCAG 3.1.2)."""
    return _e(text) if language == "en" else f'<span lang="en">{_e(text)}</span>'


def about_url(department: str | None, language: str) -> str:
    query = {"department": department} if department else {}
    return "about?" + urlencode({**query, "lang": language})


# --- the sections -----------------------------------------------------------------------------
def _general(language: str) -> str:
    """What holds for every town: what it is, what is kept, the languages."""
    urgent = "".join(
        f"<li><strong>{_e(_t(language, f'urgent_{kind}'))}:</strong> "
        f"<q>{_with_phone_links(phrase(f'utter_{kind}', language))}</q></li>"
        for kind in URGENT
    )
    names = LANGUAGE_NAMES[language]
    languages = _series([_e(names[code]) for code in SUPPORTED], language)
    leave = _e(phrase("utter_widget_leave", language))
    kept = [
        _e(_t(language, "removed")),
        _e(_t(language, "not_removed")),
        _html(language, "kept", days=str(RETENTION_DAYS)),
        _e(_t(language, "records")),
        _html(language, "browser", leave=leave),
    ]
    return (
        f'<section aria-labelledby="what"><h2 id="what">{_e(_t(language, "what_title"))}</h2>'
        f"<p>{_with_phone_links(phrase('utter_widget_notice_automated', language))}</p>"
        f"<p>{_e(_t(language, 'answers_from'))}</p>"
        f"<p>{_e(_t(language, 'urgent_intro'))}</p>"
        f'<ul class="urgent" id="urgent">{urgent}</ul></section>'
        f'<section aria-labelledby="kept"><h2 id="kept">{_e(_t(language, "kept_title"))}</h2>'
        f"<ul>{''.join(f'<li>{item}</li>' for item in kept)}</ul></section>"
        f'<section aria-labelledby="languages"><h2 id="languages">'
        f"{_e(_t(language, 'languages_title'))}</h2>"
        f"<p>{_html(language, 'languages', languages=languages)}</p></section>"
    )


def _town(town: Town, language: str) -> str:
    """One town's part, under its h2: the line to call, when its answers changed, its
    translations, its sources."""
    h = "h3"
    anchor = f"town-{_e(town.id)}"
    phone = town.main_phone
    person = _html(
        language,
        "person",
        department=_e(town.name_in(language)),
        number=f'<a href="{_tel(phone.number)}">{_e(phone.number)}</a>',
        label=_e(phone.in_language("label", language)),
    )
    newest = max(answer.checked for answer in town.answers.values())
    changed = _html(
        language,
        "changed",
        checked=long_date(town.checked, language),
        newest=long_date(newest, language),
    )
    reviews = []
    for code in TRANSLATED:
        review = town.translations[code]
        if review.reviewed and review.date:
            state = _html(
                language,
                "reviewed",
                reviewer=_e(review.reviewer),
                date=long_date(review.date, language),
            )
        else:
            state = _e(_t(language, "not_reviewed"))
        name = _e(LANGUAGE_NAMES[language][code])
        reviews.append(f'<li id="{anchor}-review-{code}">{name}: {state}</li>')
    sources = []
    for source in town.sources.values():
        url = str(source.url)
        title = _english(source.title, language) if source.title else _e(url)
        date = _t(language, "undated") if source.date == "undated" else source.date
        kind = _t(language, f"kind_{source.kind}")
        sources.append(f'<li><a href="{_e(url)}">{title}</a> ({_e(kind)}, {_e(date)})</li>')
    count = _t(language, "sources", answers=len(town.answers), count=len(town.sources))
    return (
        f'<{h} id="{anchor}-person">{_e(_t(language, "person_title"))}</{h}>'
        f"<p>{person}<br>{_e(_t(language, 'address', address=town.address))}<br>"
        f'<a href="{_e(str(town.website))}">{_e(_t(language, "website"))}</a></p>'
        f'<{h} id="{anchor}-changed">{_e(_t(language, "changed_title"))}</{h}>'
        f"<p>{changed}</p>"
        f'<{h} id="{anchor}-translations">{_e(_t(language, "translations_title"))}</{h}>'
        f"<ul>{''.join(reviews)}</ul>"
        f'<{h} id="{anchor}-sources">{_e(_t(language, "sources_title"))}</{h}>'
        f'<p>{_e(count)}</p><ul class="sources" id="{anchor}-source-list">{"".join(sources)}</ul>'
    )


def _town_section(town: Town, language: str) -> str:
    anchor = f"town-{_e(town.id)}"
    return (
        f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{_e(town.name_in(language))}</h2>'
        f"{_town(town, language)}</section>"
    )


def _switcher(department: str | None, language: str) -> str:
    links = "".join(
        f'<li><a href="{_e(about_url(department, code))}" hreflang="{code}" lang="{code}"'
        + (' aria-current="page"' if code == language else "")
        + f">{_e(NAMES[code])}</a></li>"
        for code in SUPPORTED
    )
    label = _e(_t(language, "choose"))
    return f'<nav aria-label="{label}"><ul class="languages">{links}</ul></nav>'


@functools.lru_cache(maxsize=1)
def _template() -> tuple[Template, str]:
    """The page's template and its stylesheet's CSP hash (the only style it may apply)."""
    text = TEMPLATE.read_text(encoding="utf-8")
    style = _STYLE.search(text)
    css = style.group(1) if style else ""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()
    return Template(text), f"'sha256-{digest}'"


def content_security_policy() -> str:
    """No script at all; only the page's own inline stylesheet, by its hash; no framing."""
    return (
        f"default-src 'none'; style-src {_template()[1]}; img-src 'self'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )


def about_page(towns: list[Town], language: str, department: str | None = None) -> str:
    """The page for one town (`department` set, `towns` its one Town) or for every town."""
    heading = phrase("utter_widget_about_link", language)
    if department is not None and len(towns) == 1:
        town = towns[0]
        title = f"{heading}: {town.name_in(language)}"
        intro = _e(_t(language, "intro_town", department=town.name_in(language)))
        towns_html = _town_section(town, language)
    else:
        title = heading
        names = _series([_e(t.name_in(language)) for t in towns], language)
        intro = _html(language, "intro_all", departments=names)
        towns_html = "".join(_town_section(t, language) for t in towns)
    body = f"<p>{intro}</p>{_general(language)}{towns_html}"
    return _template()[0].substitute(
        lang=language,
        title=_e(title),
        nav=_switcher(department, language),
        body=body,
    )


def not_found_page(towns: list[Town], language: str) -> str:
    """An unknown town: the list of the real ones (what was asked for is not repeated)."""
    links = "".join(
        f'<li><a href="{_e(about_url(t.id, language))}">{_e(t.name_in(language))}</a></li>'
        for t in towns
    )
    return _template()[0].substitute(
        lang=language,
        title=_e(phrase("utter_widget_about_link", language)),
        nav=_switcher(None, language),
        body=f"<p>{_e(_t(language, 'no_town'))}</p><ul>{links}</ul>",
    )
