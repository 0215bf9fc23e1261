"""The languages the assistant speaks, and how the language of a message is told.

One home for the list (en, es, pt: ../shared/contract.md, "Languages"). Detection uses lingua
(lingua-language-detector), which ships its models in the wheel and works offline on short,
texting-style messages; it was measured, not hand-written (README, "Languages"). Besides our three
languages it knows a few others, so that a French or German message is recognised as "another
language" instead of being forced into one of ours.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

SUPPORTED: tuple[str, ...] = ("en", "es", "pt")
DEFAULT = "en"
NAMES = {"en": "English", "es": "Español", "pt": "Português"}

# A message this short says too little to change the conversation's language ("ok", "sí", "2").
MIN_LETTERS = 12
# Among our three languages, the best must hold this share of their confidence (lingua's values).
MIN_SHARE = 0.5
# Another language wins only when lingua is this sure of it (a Spanish text often scores Italian).
OTHER_LANGUAGE = 0.6

# Words residents write in English whatever language they write in: place and unit names, and
# the loanwords of police services ("mi carro fue towed", "o ticket de parking"). They say nothing
# about the language of the message, so they are removed before detection. Town names and units
# come from the knowledge files and bot/kb/divisions.yml.
LOANWORDS = (
    "police report",
    "accident report",
    "crash report",
    "lost and found",
    "overnight",
    "property tax",
    "parking ticket",
    "ticket",
    "parking",
    "pistol permit",
    "permit",
    "internship",
    "background check",
    "records check",
    "fingerprinting",
    "fingerprints",
    "fingerprint",
    "car seat",
    "lobby",
    "private duty",
    "omit",
    "tag",
    "towed",
    "tow",
    "neighborhood watch",
    "drug take back",
    "police department",
    "police station",
    "police",
    "records",
    "email",
    "online",
    "report",
    "ct",
    "nra",
    "uber",
    "main st",
    "main street",
    "connecticut",
    # programs residents name in English whatever language they write in
    "national night out",
    "coffee with a cop",
    "citizens police academy",
    "citizen police academy",
    "citizen's police academy",
    "citizens academy",
    "police academy",
    "take back day",
    "eligibility certificate",
    "handgun",
)
# A street named the English way ("Farmington Ave", "White Street"): a name, not a language.
_STREET = r"[a-z]+ (?:ave|avenue|st|street|rd|road|blvd|boulevard|tpke|turnpike|hwy|highway)"
# When lingua hesitates between Spanish and Portuguese (their confidences this close), the
# spellings and short words only one of them has decide. 0.5, measured (fifth session) on the
# Spanish, Portuguese and English sets: one more Portuguese question told than at 0.3, none lost.
CLOSE = 0.5
_MARKERS = {
    "es": re.compile(
        r"\b(?:el|los|las|del|usted|ustedes|pa|dnd|donde|cuando|cual|cuanto|cuanta|hay|"
        r"tengo|necesito|puedo|quiero|esta|estoy|aqui|ahora|porque|xq|x favor|gracias|"
        r"hola|oficina|y|pero|mi|mis|yo|llamar|llamo|perro|la|una|un|lo|le|les|con|es|son|"
        r"muy|tambien|calle|al|ayuda|noche|buenos|buenas|disculpe|porfa|oiga|"
        r"su|sus|soy|voy|ya|hasta|eso|ese|esa|ella|hacer|hago|alarma|en|"
        r"\w+cion|\w+ciones)\b"
    ),
    "pt": re.compile(
        r"lh|nh|\b(?:o|os|do|da|dos|das|pra|pro|vc|vcs|voce|nao|"
        r"onde|quando|qual|quanto|tem|meu|minha|preciso|posso|quero|ta|to|aqui|agora|porque|"
        r"pq|obrigado|obrigada|ola|oi|mas|eu|ligar|ligo|cachorro|delegacia|um|uma|com|"
        r"sao|muito|tambem|rua|pela|pelo|em|pode|ajuda|medo|sim|num|numa|qnt|bom|boa|noite|"
        r"na|nas|ele|ela|eles|isso|esse|essa|seu|sua|sou|estou|vou|ja|ate|ou|fazer|faco|"
        r"hj|tb|tbm|pfv|obg|cade|kd|alarme|moro|moramos|eai|e ai|opa|\w+cao|\w+coes|\w+oes)\b"
    ),
}
# Letters only one of the two writes, read before accents are folded away ("reclamação").
_SPELLING = {"es": re.compile(r"[ñ¿¡]"), "pt": re.compile(r"[çãõêôâà]")}

# English's own short words: a message with none of them and two or more Spanish or Portuguese
# markers is not English, however short ("tem multa pra isso?", "dnd queda la estacion").
_ENGLISH = re.compile(
    r"\b(?:the|is|are|my|how|where|what|when|who|does|i|i'm|im|you|can|to|of|and|for|it|get|"
    r"with|this|that|have|need|please|thanks|hi|hello)\b"
)


def _by_markers(text: str, counts: dict[str, int]) -> str | None:
    """Spanish or Portuguese by their short words alone, when lingua could not tell."""
    if _ENGLISH.search(text.lower()):  # not folded: "tô" is not "to"
        return None
    code = _spanish_or_portuguese(counts)
    return code if code and counts[code] >= 2 else None


# Asking for a language, in any of them: "en español", "english please", "em português".
_SWITCH = {
    "es": re.compile(
        r"\b(?:en|in|habla(?:s|n)?|hablen|speak) (?:espanol|castellano|spanish)\b"
        r"|^(?:espanol|spanish)\s*(?:por favor|please)?[.!]*$"
    ),
    "pt": re.compile(
        r"\b(?:em|in|fala(?:s|m)?|falem|speak) (?:portugues|portuguese)\b"
        r"|^(?:portugues|portuguese)\s*(?:por favor|please)?[.!]*$"
    ),
    "en": re.compile(
        r"\b(?:in|en|em|speak|habla|fala) (?:english|ingles)\b"
        r"|^(?:english|ingles)\s*(?:please|por favor)?[.!]*$|\benglish please\b"
    ),
}


@dataclass(frozen=True)
class Detection:
    """What one message says about its language."""

    code: str | None  # one of SUPPORTED, "other" for another language, None if it can't be told
    confidence: float
    requested: bool = False  # the resident asked for this language in words

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "confidence": round(self.confidence, 3),
            "requested": self.requested,
        }


def fold(text: str) -> str:
    """Lower-case and without accents: how residents type on a phone ("policía" = "policia")."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).strip()


@functools.lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [
        Language.ENGLISH,
        Language.SPANISH,
        Language.PORTUGUESE,
        Language.FRENCH,
        Language.ITALIAN,
        Language.GERMAN,
    ]
    return (
        LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()
    )


_CODES = {"ENGLISH": "en", "SPANISH": "es", "PORTUGUESE": "pt"}


# "não fala inglês", "no hablo inglés", "i don't speak spanish well": a language named as one the
# writer (or someone) does not speak is not asked for
_NOT_SPOKEN = re.compile(
    r"\b(?:nao|no|not|don't|dont|doesn't|doesnt|nunca|never|mal|bad|poco|pouco|little)\b"
    r"(?: \w+){0,2} (?:\w+ )?(?:english|ingles|spanish|espanol|castellano|portuguese|portugues)\b"
)


def requested(text: str) -> str | None:
    """The language the resident asks for in words, if any."""
    folded = _NOT_SPOKEN.sub(" ", fold(text))
    for code, rx in _SWITCH.items():
        if rx.search(folded):
            return code
    return None


def _place_and_unit_names() -> set[str]:
    from bot.kb.loader import load_divisions, towns  # the knowledge files name them

    names = {alias for aliases in load_divisions().values() for alias in aliases}
    for town in towns().values():
        names |= {town.town, *town.aliases}
    return {name.lower() for name in names}


@functools.lru_cache(maxsize=1)
def _neutral() -> re.Pattern[str]:
    words = sorted({*LOANWORDS, *_place_and_unit_names()}, key=len, reverse=True)
    names = "|".join(re.escape(w) for w in words)
    return re.compile(r"\b(?:" + names + "|" + _STREET + r")\b", re.IGNORECASE)


def _marker_counts(text: str) -> dict[str, int]:
    """Each language's short words (accents folded) and own letters (accents kept)."""
    folded = fold(text)
    return {
        code: len(rx.findall(folded)) + len(_SPELLING[code].findall(text.lower()))
        for code, rx in _MARKERS.items()
    }


# A greeting or a cry for help of a few words shows its language by one word only one of Spanish
# and Portuguese writes ("hola", "oi", "ayuda", "ajuda"): the NLU reads it so for those intents
# only (bot/nlu/triage.py), never for a courtesy ("sí", "obrigado") that must not flip it.
WORDS_THAT_SHOW = 3


def word_language(text: str) -> str | None:
    """Spanish or Portuguese for a message of at most WORDS_THAT_SHOW words with no English word
    and short words of only one of the two; None otherwise."""
    neutral = _neutral().sub(" ", text)
    if len(fold(neutral).split()) > WORDS_THAT_SHOW or _ENGLISH.search(neutral.lower()):
        return None
    counts = _marker_counts(neutral)
    fewer, more = sorted(counts.values())
    return _spanish_or_portuguese(counts) if fewer == 0 and more >= 1 else None


def _one_sided(counts: dict[str, int]) -> bool:
    """Two or more of one language's marks and none of the other's: they outweigh lingua's
    reading of a short text ("quero tomar todos os remedios do armario" is not Spanish)."""
    fewer, more = sorted(counts.values())
    return fewer == 0 and more >= 2


def _spanish_or_portuguese(counts: dict[str, int]) -> str | None:
    if counts["es"] == counts["pt"]:
        return None
    return "es" if counts["es"] > counts["pt"] else "pt"


def detect(text: str) -> Detection:
    """The language of one message; `code` is None when the message is too short to tell.

    lingua on the text without names and English loanwords; among our three languages the best
    must hold MIN_SHARE of their confidence. Measured on the Spanish, Portuguese and English test
    sets (README, "Languages"): without these steps, 1 Spanish question in 5 went unrecognised."""
    asked = requested(text)
    if asked:
        return Detection(asked, 1.0, requested=True)
    if sum(c.isalpha() for c in text) == 0:
        return Detection(None, 0.0)
    neutral = _neutral().sub(" ", text)
    counts = _marker_counts(neutral)
    if sum(c.isalpha() for c in neutral) < MIN_LETTERS:
        return _undecided(neutral, counts, 0.0)
    values = _detector().compute_language_confidence_values(neutral)
    if not values:
        return _undecided(neutral, counts, 0.0, values)
    if values[0].language.name not in _CODES and values[0].value > OTHER_LANGUAGE:
        return Detection("other", values[0].value)
    ours = sorted(
        ((v.value, _CODES[v.language.name]) for v in values if v.language.name in _CODES),
        reverse=True,
    )
    total = sum(value for value, _ in ours)
    (best, code), (runner_up, second) = ours[0], ours[1]
    if code in ("es", "pt") and (best - runner_up < CLOSE or _one_sided(counts)):
        code = _spanish_or_portuguese(counts) or code
    share = best / total if total else 0.0
    if code == "en":
        # English names of programs and places carried lingua ("cuando es el national night out
        # en west hartford"): with no English short word and two Spanish or Portuguese ones, the
        # message is written in that language
        marked = _by_markers(neutral, counts)
        if marked:
            return Detection(marked, MIN_SHARE)
    if {code, second} == {"es", "pt"} and share < MIN_SHARE <= (best + runner_up) / total:
        # Spanish or Portuguese for sure, split between the two ("robo de identidad, como lo
        # reporto"): the markers above chose; 9 more of 625 routine questions told, no English lost
        share = (best + runner_up) / total
    if share < MIN_SHARE:
        return _undecided(neutral, counts, share, values)
    return Detection(code, share)


# Below this many letters, or in one word, a short message is not read ("ok", "no", "obrigado").
SHORT_LETTERS = 4


def _undecided(
    neutral: str, counts: dict[str, int], share: float, values: list | None = None
) -> Detection:
    """Too short or too split for lingua: Spanish or Portuguese short words may still tell, and
    with no English word in it, lingua's reading of a short message ("horario del lobby",
    "carrocinha danbury", "pagar fiança"). Measured (seventh session) on a development set of
    340 Spanish and Portuguese questions: 308 -> 321 told (with the loanwords and short words
    added beside it), and none of 1,129 English messages (the held-out, fresh, routine and
    real-FAQ sets) or 80 short English phrases taken for either."""
    folded = fold(neutral)
    code = _by_markers(neutral, counts)
    if code:
        return Detection(code, MIN_SHARE)
    if (
        _ENGLISH.search(neutral.lower())
        or sum(c.isalpha() for c in neutral) < SHORT_LETTERS
        or len(folded.split()) < 2  # one word ("obrigado", "gracias") is a courtesy, not a choice
    ):
        return Detection(None, share)
    if values is None:  # too short for detect() to have asked lingua
        values = _detector().compute_language_confidence_values(neutral)
    ours = sorted(
        ((v.value, _CODES[v.language.name]) for v in values if v.language.name in _CODES),
        reverse=True,
    )
    total = sum(value for value, _ in ours)
    if ours and ours[0][1] in ("es", "pt") and total and ours[0][0] / total >= MIN_SHARE:
        code = (_one_sided(counts) and _spanish_or_portuguese(counts)) or ours[0][1]
        return Detection(code, ours[0][0] / total)
    return Detection(None, share)


def shown_language(
    detection: Detection, hint: str | None = None, danger_words: str | None = None
) -> str | None:
    """The language one message shows, in the contract's order: the one asked for or written in,
    else the channel's hint, else the language of the danger words it used ("socorro!!" is too
    short to detect). None: the message says nothing, and the conversation keeps its language
    (the `language` slot is set only when this is not None)."""
    for code in (detection.code, hint, danger_words):
        if code in SUPPORTED:
            return code
    return None
