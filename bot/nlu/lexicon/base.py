"""The engine every language's danger lexicon shares: patterns, context, and one verdict.

Each language (bot/nlu/lexicon/en.py, es.py, pt.py) gives its own normalisation, danger patterns
and context rules (past time, records, how-to, permits, negation, "they're gone", present time).
The *meaning* of a context is the same in every language, so which context can make which kind of
match routine (DEMOTED_BY) lives here, once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.languages import fold

# Urgency categories, most urgent first: a message is judged by the most urgent one it shows.
CATEGORIES: tuple[str, ...] = ("emergency", "crisis", "domestic_violence")
CONTEXT_NAMES: tuple[str, ...] = (
    "past",
    "records",
    "informational",
    "permit",
    "negation",
    "gone",
    "property",
    "audience",
    "safe",
    "resolved",
)


@dataclass(frozen=True)
class Pattern:
    name: str
    category: str  # "emergency", "crisis" or "domestic_violence"
    kind: str  # crime | violence | fire | ... (the keys of DEMOTED_BY)
    regex: re.Pattern[str]


# not k: "kkkk" is Brazilian laughter, which the Portuguese lexicon reads as such
_STRETCHED = re.compile(r"([a-jl-z])\1{2,}")


def stretched(text: str) -> str:
    """A letter typed three times or more counts once: "ayudaaa", "socorrooo", "helppp"."""
    return _STRETCHED.sub(r"\1", text)


def folding_normaliser(texting: dict[str, str]) -> Callable[[str], str]:
    """A normaliser for a language typed with or without accents: lower-case, accents folded
    (bot/languages.fold), texting spellings expanded, one space."""

    def normalise(text: str) -> str:
        text = stretched(fold(text))
        for rx, replacement in texting.items():
            text = re.sub(rx, replacement, text)
        return re.sub(r"\s+", " ", text).strip()

    return normalise


def pattern(name: str, category: str, kind: str, regex: str) -> Pattern:
    return Pattern(name, category, kind, re.compile(regex))


# Laughter and hyperbole, in every language: "voy a matar a mi hermano si se come mi pizza jaja",
# "to morrendo de saudade", "mi bebé me tiene muerta". Triage lets them undo a threat or an idiom
# the classifier took for danger, never a lexicon match of self-harm, abuse, fire or a medical
# emergency (bot/nlu/triage.py).
_PARENTS = (
    r"my (?:mom|mother|dad|father|parents|grandma|grandpa|(?:mother|father)-in-law)"
    r"|mi (?:mama|papa|madre|padre|suegr[oa]|abuel[oa])|minha (?:mae|sogra|avo)|meu (?:pai|sogro|avo)"
)
_PARENT_KILLS_ME = (
    rf"(?:(?:{_PARENTS}) (?:is (?:gonna|going to) kill me|will kill me|me va a matar|vai me matar)"
    # "me va a matar mi mamá si llego tarde"
    rf"|(?:me va a matar|vai me matar) (?:{_PARENTS}))"
)
_ORDINARY_CAUSE = r"lost|forgot|ticket|towed|license|dent(?:ed)?|scratch(?:ed)?|perdi|perder|perco|multa|licencia|guinch\w*|carteira|audiencia"
JOKING = re.compile(
    r"\b(?:ja){2,}\b|\bje(?:je)+\b|\bjsjs\w*|\bk{3,}\b|\brs(?:rs)*\b|\bha(?:ha)+h?\b|\bhehe\w*|\blol\b|\blmf?ao\b"
    r"|\U0001F602|\U0001F923|\U0001F606|\U0001F605"
    r"|\b(?:muero|muriendo|morir(?:me|se)?|muerto|muerta) de (?:la )?(?:risa|sueno|hambre|frio|calor|ganas|verguenza"
    r"|aburrimiento|amor|celos|envidia|cansancio|cansad[oa]|nervios|sed|curiosidad|la emocion|emocion|buen[oa]|ric[oa])\b"
    r"|\bme (?:tiene|tienen|dejo|dejaron) muert[oa]s?\b|\bataque de risa\b"
    r"|\b(?:morrendo|morrer|morri|morta|morto) de (?:fome|sono|rir|vontade|saudades?|frio|calor|vergonha|tedio|amores"
    r"|inveja|cansaco|cansad[oa]|sede|curiosidade|ciumes|amor|emocao)\b"
    # (twelfth sets) "esse trânsito tá de matar"; "lo van a matar en el examen de la academia"
    r"|\b(?:ta|esta|e) de matar\b|\b(?:me|te|lo|la|nos|los) (?:va|van) a matar en (?:el|la) (?:examen|prueba|entrenamiento|gym|gimnasio|academia|practica)\b"
    r"|\bdying (?:of|from) (?:laughter|laughing|boredom|embarrassment|hunger|curiosity)\b|\b(?:die|dying|died|dead) (?:of |from )?laugh(?:ing|ter)\b"
    r"|\bunder the gun\b|\bfire away\b|\bkiller (?:deals?|sales?|prices?|workout|views?|app|playlist|game)\b|\b(?:me|se|te) matar de (?:estudar|trabalhar|rir|tanto)\b|\bmatarme (?:estudiando|trabajando)\b|\b(?:me|te|se|nos) muer(?:o|e|en|es) por (?:conocer|ver|ir|saber|probar|tener|comer|salir)\w*|\bdying to (?:know|meet|see|try|go|get|find out|hear)\b|\b(?:ticket|photo|bath) bomb\b"
    r"|\brob(?:bing|bed|s)? (?:me|us|people|them|everyone) blind\b|\b(?:highway|daylight) robbery\b|\b(?:holding|held|holds|hold|keeping) (?:my|our|the|his|her|their) (?:\w+ )?(?:car|truck|vehicle|van|stuff|money|deposit|package|keys|phone) hostage\b"
    r"|\b(?:mi jefe|mi profe\w*|meu chefe|meu professor|my boss|my teacher|my coach|my landlord|my manager|my supervisor|mi casero|meu senhorio) (?:me va a matar|vai me matar|is (?:gonna|going to) kill me|will (?:kill|murder) me)\b"
    # (eleventh sets) a parent "is going to kill me" over a lost license or a ticket: only with
    # the ordinary cause named beside it, before or after
    rf"|\b{_PARENT_KILLS_ME}\b.{{0,40}}\b(?:{_ORDINARY_CAUSE}|late|tarde)\b"
    rf"|\b(?:{_ORDINARY_CAUSE})\b.{{0,60}}\b{_PARENT_KILLS_ME}\b"
)


# ...unless the writer says it is no joke
SERIOUS = re.compile(
    r"\bno es (?:broma|chiste|juego)\b|\ben serio\b|\bnao (?:e|eh|to|estou) brincando\b|\b(?:mas|e) (?:e |eh )?serio\b"
    r"|\bnot (?:joking|kidding)\b|\bi'?m serious\b|\bfor real\b|\bno joke\b|\b(?:not|isn'?t|no longer) (?:really )?a joke\b|\bya no es broma\b|\bnao e mais brincadeira\b"
)


def joking(text: str) -> bool:
    """Laughter or a hyperbole ("me muero de sueño") anywhere in the message, and no "it's no
    joke" ("me quiero morir jaja no es broma")."""
    folded = fold(text)
    return bool(JOKING.search(folded)) and not SERIOUS.search(folded)


# Which context can make a match of each kind routine (when no present-time marker is seen).
DEMOTED_BY: dict[str, tuple[str, ...]] = {
    "crime": (
        "past",
        "records",
        "informational",
        "permit",
        "gone",
        "property",
        "audience",
        "resolved",
    ),
    # a weapon lost, found or handed in is property ("lost my pocket knife at the park"); only
    # weapons and crime words give way to it, never a missing person or a medical emergency
    "violence": ("past", "records", "informational", "permit", "property", "audience", "resolved"),
    "fire": ("past", "records", "informational", "permit", "audience", "resolved"),
    # "he had a heart attack in september, he's fine now"
    "medical": ("past", "records", "informational", "audience", "resolved", "safe"),
    "crash": ("past", "records", "informational", "negation", "audience", "resolved", "safe"),
    "missing": ("past", "records", "informational", "audience", "resolved"),
    "plea": ("negation", "informational", "audience", "resolved"),
    "past_verb": ("past", "records", "informational", "permit", "gone", "audience", "resolved"),
    "crisis": ("records", "informational", "audience"),
    "abuse": ("records", "informational", "negation", "audience", "safe"),
    "abuse_help": ("records", "audience", "safe"),
    # abuse told as what the writer lives with: a question beside it doesn't make it routine
    "abuse_ongoing": ("negation",),
    # the subject named, not a disclosure ("a paper on domestic violence", "the hotline number")
    "abuse_topic": ("past", "records", "informational", "permit", "negation", "audience", "safe"),
    # the writer's own wish to die; an armed person on the move; a child who swallowed something:
    # a question asked beside them does not make them routine
    "crisis_self": ("negation",),
    "threat_now": ("past", "gone", "negation", "records", "informational"),
    "medical_now": ("past", "negation"),
    # a child not home all night and not answering: "last night" is when it began, not its end
    "missing_now": ("negation", "resolved"),
}
# The writer says no one is hurt or the danger has left: a present-time word does not undo that.
# "resolved": a false alarm, "all good now", "it was a truck backfiring".
FINAL_CONTEXT = frozenset({"negation", "gone", "resolved"})


@dataclass(frozen=True)
class Lexicon:
    """One language's patterns and context rules."""

    language: str
    normalise: Callable[[str], str]
    patterns: tuple[Pattern, ...]
    contexts: dict[str, re.Pattern[str]]
    present: re.Pattern[str]

    def __post_init__(self) -> None:
        kinds = {p.kind for p in self.patterns} - set(DEMOTED_BY)
        assert not kinds, f"{self.language}: kinds without demotion rules: {kinds}"
        assert set(self.contexts) <= set(CONTEXT_NAMES), f"{self.language}: unknown contexts"


@dataclass
class Verdict:
    """What triage concluded about one message; shown in /model/parse as `triage`."""

    # "emergency" | "crisis" | "domestic_violence" | "routine" (alarming words, routine context)
    # | "none" (no alarming words)
    verdict: str
    matches: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    urgent_kinds: list[str] = field(default_factory=list)  # kinds of the matches that stayed urgent
    language: str | None = None  # the lexicon that matched

    def as_dict(self) -> dict[str, object]:
        return {
            "verdict": self.verdict,
            "matches": self.matches,
            "context": self.context,
            "urgent_kinds": self.urgent_kinds,
            "lexicon": self.language,
        }

    @property
    def rank(self) -> int:
        """Lower is more urgent; "routine" (alarming words) before "none"."""
        order = (*CATEGORIES, "routine", "none")
        return order.index(self.verdict)


def _stays_urgent(p: Pattern, context: list[str]) -> bool:
    demoters = set(DEMOTED_BY[p.kind]) & set(context)
    if demoters & FINAL_CONTEXT:
        return False
    if p.kind == "past_verb":
        return "present" in context
    return not demoters or "present" in context


# Context that belongs to a question ("how do I get the report", "a pistol permit") only tempers
# danger words close to it: in "how do I get a permit someone just fired shots on my street" the
# permit is a different matter from the shots. Time, negation and "they left" describe the whole
# situation and count anywhere in the message.
LOCAL_CONTEXT = frozenset({"records", "informational", "permit", "property"})
# "audience" (a flyer, a school paper, a talk for a class) and "safe" ("that was years ago, I'm
# safe now") describe the whole message, like time and negation.
WINDOW_WORDS = 12
_WORDS = re.compile(r"\S+")


def read_context(lexicon: Lexicon, text: str) -> tuple[str, set[str]]:
    """The text as this lexicon reads it, and the context it sees in it."""
    norm = lexicon.normalise(text)
    context = {name for name, rx in lexicon.contexts.items() if rx.search(norm)}
    if lexicon.present.search(norm):
        context.add("present")
    return norm, context


def _window(norm: str, match: re.Match[str]) -> str:
    """The match with WINDOW_WORDS words on each side."""
    spans = [w.span() for w in _WORDS.finditer(norm)]
    first = next((i for i, (_, end) in enumerate(spans) if end > match.start()), 0)
    last = next((i for i, (start, _) in enumerate(spans) if start >= match.end()), len(spans))
    lo, hi = max(0, first - WINDOW_WORDS), min(len(spans), last + WINDOW_WORDS)
    return norm[spans[lo][0] : spans[hi - 1][1]] if spans else norm


def _local_context(lexicons: tuple[Lexicon, ...], window: str) -> set[str]:
    return {
        name
        for lexicon in lexicons
        for name, rx in lexicon.contexts.items()
        if name in LOCAL_CONTEXT and rx.search(lexicon.normalise(window))
    }


def judge(
    lexicon: Lexicon, norm: str, context: list[str], lexicons: tuple[Lexicon, ...] = ()
) -> Verdict:
    """One language's patterns on text it normalised, tempered by the context of every language.

    Context is shared: Spanish and Portuguese share most danger words, and "permiso de pistola"
    must be a permit question for the Portuguese patterns too ("licenca" for the Spanish ones).
    A question's context (LOCAL_CONTEXT) counts only near the match.
    """
    situation = [c for c in context if c not in LOCAL_CONTEXT]
    hits: list[tuple[Pattern, list[str]]] = []
    for p in lexicon.patterns:
        match = p.regex.search(norm)
        if match:
            local = _local_context(lexicons or (lexicon,), _window(norm, match))
            hits.append((p, [*situation, *sorted(local & set(context))]))
    if not hits:
        return Verdict("none", [], context, language=lexicon.language)
    urgent = [(p, c) for p, c in hits if _stays_urgent(p, c)]
    names = [p.name for p, _ in hits]
    kinds = sorted({p.kind for p, _ in urgent})
    seen = sorted({c for _, c in (urgent or hits) for c in c})
    order = [c for c in (*CONTEXT_NAMES, "present") if c in seen]
    for category in ("emergency", "crisis"):
        if any(p.category == category for p, _ in urgent):
            return Verdict(category, names, order, kinds, lexicon.language)
    if any(p.category == "domestic_violence" for p, _ in urgent):
        # abuse happening now is an emergency; otherwise it gets the domestic-violence reply
        category = "emergency" if "present" in context else "domestic_violence"
        return Verdict(category, names, order, kinds, lexicon.language)
    return Verdict("routine", names, order, language=lexicon.language)


def assess_with(lexicons: tuple[Lexicon, ...], text: str) -> Verdict:
    """The most urgent reading of `text` by any lexicon, with the context all of them see."""
    read = [(lexicon, *read_context(lexicon, text)) for lexicon in lexicons]
    seen = set().union(*(context for _, _, context in read))
    context = [c for c in (*CONTEXT_NAMES, "present") if c in seen]
    verdicts = [judge(lexicon, norm, context, lexicons) for lexicon, norm, _ in read]
    best = min(verdicts, key=lambda v: v.rank)
    if best.verdict in ("routine", "none"):
        best.matches = sorted({m for v in verdicts for m in v.matches})
        best.language = None
        if best.verdict == "routine":
            best.context = sorted(
                {c for v in verdicts if v.verdict == "routine" for c in v.context},
                key=(*CONTEXT_NAMES, "present").index,
            )
    return best
