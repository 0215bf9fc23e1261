"""Residents' personal details replaced by typed placeholders before anything is stored or logged.

    redact("hi my name is Maria Lopez, call me at (860) 555-0143")
    -> "hi my name is [NAME], call me at [PHONE]"

Why: a resident writes their phone number, address or date of birth into a question ("can someone
call me back at 860 555 0143 about my report"), and a police department must be able to say that
none of it is kept (issue #17). The assistant still reads the original text in memory for the
current turn; only what is written down (the tracker store, the event broker, the logs) goes
through here: bot/stores.py for the database, `install_log_redaction()` (bot/serve.py,
bot/action_server.py) for the logs.

What is found, by what:

- [PHONE]: libphonenumber (`phonenumbers`, region US, valid numbers only, every written form and
  extensions); a 7 to 13 digit number right after "call me", "cell", "celular", "zap"... as well
  (local and foreign numbers libphonenumber can't place).
- [ADDRESS]: US street addresses ("42 elm st", "12 Oak Street, Danbury CT 06810", "apt 3b"), and
  "rua/calle Elm, 42" as Spanish and Portuguese speakers write them. Candidate spans come from the
  patterns below and are checked with `usaddress` (a house number, a street name).
- [EMAIL], [SSN] (dashed, or nine digits after "ssn", "social security"...), [CARD] (13 to 19
  digits that pass the Luhn check), [PLATE] (only after "plate", "tag", "placa"...), [DOB] (a date
  only after "born", "dob", "birthday", "nací", "nasci", "nacimiento"...), [NAME] (where a message
  introduces one: "my name is", "this is", "me llamo", "soy", "meu nome é", "aqui é"...).

The department's own numbers and addresses (everything in the knowledge files, and the responses
in bot/domain.yml, e.g. CT Safe Connect) stay, so "I called 860-523-5203 and nobody answered" keeps
its meaning. 911, 988, 311 and 211 are never touched (too short to be a phone number here).

It must be fast: it runs on every message and every log record. A text with no digit, no "@" and
no introduction returns after one regular-expression search (a few microseconds); a text already
seen to hold nothing (a bot answer stored again) is not searched twice; a message full of details
takes about a millisecond (scripts/redaction_eval.py measures: about 0.15 ms at the median).
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import phonenumbers
import usaddress

KINDS: tuple[str, ...] = ("EMAIL", "CARD", "SSN", "PHONE", "DOB", "PLATE", "ADDRESS", "NAME")
PRIORITY = {kind: rank for rank, kind in enumerate(KINDS)}  # an overlap goes to the earlier kind
DOMAIN_FILE = Path(__file__).resolve().parent / "domain.yml"


@dataclass(frozen=True)
class Finding:
    """One personal detail: its type (one of KINDS) and where it is in the text."""

    kind: str
    start: int
    end: int
    text: str


# ---------------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------------
_L = r"A-Za-zÀ-ÖØ-öø-ÿ"  # letters of English, Spanish and Portuguese
_BOUND_L = rf"(?<![{_L}\d])"  # not inside a word or a number
_BOUND_R = rf"(?![{_L}\d])"
_NUM_L = r"(?<![\w$#.,:/–-])"  # a house number is not "2–5", "$20", "3.5", "10:30"

# Words that are never part of a street's name or a person's name (function words, and the
# words residents put after "this is" / "soy" / "sou": "this is urgent", "soy de aquí").
_FUNCTION = """
a an the and or but nor so to of in on at by for from with without into onto off out up down over
under near about after before since until than then there here this that these those it its is
are was were be been being am do does did done have has had having will would can could should may
might must shall i me my mine you your yours he him his she her hers we us our they them their who
whom whose what which when where why how not no yes if as just also only very really too still
even ever never again all any some every each both either neither more most much many such own
same other another please thanks thank hi hello hey ok okay
y e o u ni que de del la las el los lo un una unos unas al en con sin por para sobre entre hasta
desde hacia mi mis tu tus su sus nuestro nuestra es son era fue ser estar esta está estoy están
hay muy más mas pero como cuando donde porque si sí no ya también tambien aquí aqui allí alli
me te se le les nos yo él ella ellos ellas usted ustedes hola gracias buenas buenos por favor
da do das dos na no nas nos num numa em um uma uns umas ao aos à às com sem pelo pela pelos pelas
meu minha meus minhas seu sua seus suas nosso nossa é são foi ser estar está estou estão tem têm
tenho muito mais mas como quando onde porque se sim não nao já ja também tambem aqui ali eu ele
ela eles elas você voce vocês voces oi olá ola obrigado obrigada bom boa
"""
_COMMON = """
calling writing texting asking wondering trying looking reaching contacting emailing messaging
going getting having being doing living moving staying visiting leaving working driving walking
new old young elderly senior local resident residents neighbor neighbour homeowner owner tenant
landlord renter parent mother father mom dad mum son daughter wife husband kid kids child
grandmother grandfather grandma grandpa brother sister aunt uncle cousin friend friends victim
witness student teacher nurse driver caller customer citizen veteran officer
worried scared afraid sorry sure unsure confused concerned upset frustrated annoyed angry mad sad
happy glad lost stuck locked alone home outside inside away back done ready able unable curious
interested deaf blind disabled pregnant sick ill hurt injured fine good great bad well ok okay
urgent important serious ridiculous crazy insane frustrating annoying weird strange wrong right
correct true false stupid unacceptable terrible awful horrible nuts silly absurd scary confusing
normal legal illegal allowed possible impossible free open closed late early correct real fake
a question quick follow followup follow-up regarding re concerning about just actually literally
the my our your his her their an one two three first second third last next another
police officer department station number line office phone message chat bot assistant
emergency report call text help problem issue complaint request
mamá mama papá papa madre padre hijo hija esposo esposa vecino vecina dueño dueña inquilino
inquilina residente víctima victima testigo estudiante ciudadano ciudadana nuevo nueva nuevos
viejo vieja mayor menor mexicano mexicana colombiano colombiana dominicano dominicana
ecuatoriano ecuatoriana guatemalteco guatemalteca hondureño hondureña salvadoreño salvadoreña
peruano peruana puertorriqueño puertorriqueña latino latina hispano hispana inmigrante
madre soltera trabajador trabajadora enfermera enfermero chofer conductor conductora
llamando escribiendo preguntando buscando tratando
mãe pai filho filha marido esposa vizinho vizinha dono dona morador moradora inquilino inquilina
vítima vitima testemunha estudante cidadão cidada novo nova velho velha brasileiro brasileira
mineiro mineira goiano goiana paulista carioca baiano baiana imigrante motorista enfermeira
ligando escrevendo perguntando procurando tentando
urgente importante serio sério grave ridículo ridiculo loco loca louco louca
casa trabajo trabalho mesmo misma mesma igual otro otra outro outra
american black white asian hispanic latinx jewish muslim christian catholic irish italian polish
indian haitian jamaican brazilian mexican colombian dominican ecuadorian guatemalan honduran
salvadoran peruvian portuguese spanish puerto rican korean chinese vietnamese filipino
casado casada divorciado divorciada separado separada soltero soltera solteiro solteira
jubilado jubilada aposentado aposentada desempleado desempleada desempregado desempregada
empleado empleada embarazada grávida gravida enfermo enferma doente
really totally literally honestly seriously actually definitely probably likely only finally
currently basically simply exactly truly early
""".split()
FUNCTION_WORDS: frozenset[str] = frozenset(_FUNCTION.split())
STOPWORDS: frozenset[str] = FUNCTION_WORDS | frozenset(_COMMON)
# Not a street's name: function words, and the counted things of "2 cars", "5 minutes", "3 guys"
_NOT_STREET = FUNCTION_WORDS | frozenset(
    """am pm minutes mins hours hrs days weeks months years times cars car people kids guys men
    women dogs cats dollars bucks miles feet ft blocks houses doors floors tickets officers
    calls texts emails nights mornings horas dias días semanas meses años anos veces vezes carros
    perros cachorros personas pessoas cuadras quadras""".split()
)

# ---------------------------------------------------------------------------------------------
# Places: Connecticut's 169 towns (an address's town), states, and the street types
# ---------------------------------------------------------------------------------------------
CT_TOWNS = """Andover|Ansonia|Ashford|Avon|Barkhamsted|Beacon Falls|Berlin|Bethany|Bethel|Bethlehem|
Bloomfield|Bolton|Bozrah|Branford|Bridgeport|Bridgewater|Bristol|Brookfield|Brooklyn|Burlington|
Canaan|Canterbury|Canton|Chaplin|Cheshire|Chester|Clinton|Colchester|Colebrook|Columbia|Cornwall|
Coventry|Cromwell|Danbury|Darien|Deep River|Derby|Durham|East Granby|East Haddam|East Hampton|
East Hartford|East Haven|East Lyme|East Windsor|Eastford|Easton|Ellington|Enfield|Essex|Fairfield|
Farmington|Franklin|Glastonbury|Goshen|Granby|Greenwich|Griswold|Groton|Guilford|Haddam|Hamden|
Hampton|Hartford|Hartland|Harwinton|Hebron|Kent|Killingly|Killingworth|Lebanon|Ledyard|Lisbon|
Litchfield|Lyme|Madison|Manchester|Mansfield|Marlborough|Meriden|Middlebury|Middlefield|
Middletown|Milford|Monroe|Montville|Morris|Naugatuck|New Britain|New Canaan|New Fairfield|
New Hartford|New Haven|New London|New Milford|Newington|Newtown|Norfolk|North Branford|
North Canaan|North Haven|North Stonington|Norwalk|Norwich|Old Lyme|Old Saybrook|Orange|Oxford|
Plainfield|Plainville|Plymouth|Pomfret|Portland|Preston|Prospect|Putnam|Redding|Ridgefield|
Rocky Hill|Roxbury|Salem|Salisbury|Scotland|Seymour|Sharon|Shelton|Sherman|Simsbury|Somers|
South Windsor|Southbury|Southington|Sprague|Stafford|Stamford|Sterling|Stonington|Stratford|
Suffield|Thomaston|Thompson|Tolland|Torrington|Trumbull|Union|Vernon|Voluntown|Wallingford|
Warren|Washington|Waterbury|Waterford|Watertown|West Hartford|West Haven|Westbrook|Weston|
Westport|Wethersfield|Willington|Wilton|Winchester|Windham|Windsor|Windsor Locks|Wolcott|
Woodbridge|Woodbury|Woodstock|W Hartford|W\\. Hartford|WeHa|Elmwood"""
_TOWN = "(?:" + "|".join(t.strip().replace(" ", r"\s+") for t in CT_TOWNS.split("|")) + ")"
_STATE = r"(?:ct|conn\.?|connecticut|ny|n\.y\.|new\s+york|ma|mass\.?|massachusetts|nj|ri)"
_ZIP = r"\d{5}(?:-\d{4})?"
# Street types that are only street types; the weaker ones ("park", "hill", "run", "way") are
# ordinary words too and count only in a capitalised name or with more of an address around them.
_STRONG_TYPE = (
    r"(?:street|str|st|avenue|ave|av|road|rd|drive|dr|lane|ln|court|crt|boulevard|blvd|place|pl|"
    r"terrace|terr|ter|circle|cir|parkway|pkwy|highway|hwy|turnpike|tpke|tpk|trail|trl|"
    r"extension|ext|ct)"
)
_WEAK_TYPE = (
    r"(?:way|hill|hl|ridge|rdg|run|path|pike|row|square|sq|crossing|xing|commons|heights|hts|"
    r"point|pt|park|grove|landing|loop|walk|green|manor|plaza|plz|alley|close|crescent|cres)"
)
_DIRECTION = r"(?:n|s|e|w|ne|nw|se|sw|north|south|east|west)\.?"
_NAME_WORD = rf"(?:[{_L}][{_L}'’.-]*|\d{{1,3}}(?:st|nd|rd|th))"
_HOUSE = r"\d{1,6}[a-z]?(?:-\d{1,4}[a-z]?)?"
_UNIT = (
    r"(?:\s*,?\s*(?:apartment|apartamento|apt|apto|ap|unit|suite|ste|fl|floor|rm|room|bldg|"
    r"building|depto|dpto|departamento|piso|andar|bloco|lote)\b\.?\s*(?:#|n[º°o]\.?)?\s*"
    r"[a-z0-9-]{1,6}(?![\w-])|\s*,?\s*#\s*[a-z0-9-]{1,6}(?![\w-]))?"
)
_WHERE = (
    rf"(?:\s*,?\s*{_TOWN}(?:\s*,?\s*{_STATE}\b)?(?:\s*,?\s*{_ZIP})?(?!\d)"
    rf"|\s*,\s*[{_L}][{_L} .'-]{{1,25}}?\s*,?\s*{_STATE}\b(?:\s*,?\s*{_ZIP})?(?!\d)"
    rf"|\s*,?\s*{_STATE}\s*,?\s*{_ZIP}(?!\d)"
    rf"|\s*,?\s*{_ZIP}(?!\d))?"
)
# 42 elm st / 1500 Farmington Ave Apt 3B, West Hartford, CT 06107 / 7 n. main street
_US_ADDRESS = re.compile(
    rf"{_NUM_L}(?P<num>{_HOUSE})\s+(?:de\s+|del\s+|da\s+|do\s+)?(?P<dir>{_DIRECTION}\s+)?"
    rf"(?P<name>(?:{_NAME_WORD}\s+){{0,3}}?{_NAME_WORD})\s+"
    rf"(?P<type>(?:{_WEAK_TYPE}\s+)?(?:{_STRONG_TYPE}|{_WEAK_TYPE}))\b(?![-–])\.?"
    rf"(?P<post>\s+{_DIRECTION}(?!\w))?"
    rf"(?P<unit>{_UNIT})(?P<where>{_WHERE})",
    re.IGNORECASE,
)
# 1200 route 7 / 45 rt 6
_ROUTE_ADDRESS = re.compile(
    rf"{_NUM_L}(?P<num>{_HOUSE})\s+(?P<name>(?:state\s+|us\s+)?(?:route|rte|rt|hwy|highway)\.?\s*"
    rf"\d{{1,3}}[a-z]?)\b(?P<unit>{_UNIT})(?P<where>{_WHERE})",
    re.IGNORECASE,
)
# rua Elm, 42 / calle Main #120 / avenida Pine número 88 apto 3
_LATIN_TYPE = r"(?:rua|r\.|avenida|av\.?|calle|c/|travessa|tv\.|estrada|alameda|camino|carretera)"
_LATIN_ADDRESS = re.compile(
    rf"(?<![{_L}])(?P<type>{_LATIN_TYPE})\s+(?P<name>(?:{_NAME_WORD}\s+){{0,3}}?{_NAME_WORD})"
    rf"(?:\s+(?:{_STRONG_TYPE}|{_WEAK_TYPE})\b\.?)?\s*,?\s*"
    rf"(?:n[º°o]\.?\s*|n[uú]mero\s*|num\.?\s*|#\s*)?(?P<num>{_HOUSE})(?![\w:/-])"
    rf"(?P<unit>{_UNIT})(?P<where>{_WHERE})",
    re.IGNORECASE,
)
# after "my address is" / "i live at" / "vivo en" / "moro na": a number and a street without type
_ADDRESS_CUE = re.compile(
    r"(?:address(?:\s+is)?|addr|i\s+live\s+(?:at|on)|i\s+(?:am|'m)\s+at|live\s+at|lives\s+at|"
    r"living\s+at|staying\s+at|located\s+at|mi\s+direcci[oó]n(?:\s+es)?|direcci[oó]n\s*:|"
    r"vivo\s+en(?:\s+el)?|estoy\s+en(?:\s+el)?|meu\s+endere[cç]o(?:\s+[eé])?|endere[cç]o\s*:|"
    r"moro\s+(?:na|no|em)|fico\s+(?:na|no))\s*:?\s*$",
    re.IGNORECASE,
)
_UNIT_WORD = r"(?!(?:apartment|apartamento|apt|apto|ap|unit|suite|ste|fl|floor|depto)\b)"
_BARE_ADDRESS = re.compile(
    rf"(?P<num>{_HOUSE})\s+(?P<dir>{_DIRECTION}\s+)?"
    rf"(?P<name>{_UNIT_WORD}{_NAME_WORD}(?:\s+{_UNIT_WORD}{_NAME_WORD}){{0,2}})"
    rf"(?P<unit>{_UNIT})(?P<where>{_WHERE})",
    re.IGNORECASE,
)
# moro na Elm Street 42 (street first, number after): only right after an address cue
_NUMBER_AFTER = re.compile(
    rf"(?P<name>(?:{_NAME_WORD}\s+){{0,3}}?{_NAME_WORD})\s+(?P<type>{_STRONG_TYPE}|{_WEAK_TYPE})"
    rf"\b\.?\s*,?\s*(?:n[º°o]\.?\s*|n[uú]mero\s*|#\s*)?(?P<num>{_HOUSE})(?![\w:/-])"
    rf"(?P<unit>{_UNIT})(?P<where>{_WHERE})",
    re.IGNORECASE,
)
_PO_BOX = re.compile(
    rf"{_BOUND_L}(?:p\.?\s*o\.?\s*box|post\s+office\s+box|caixa\s+postal|apartado\s+postal)"
    rf"\s*#?\s*\d{{1,6}}(?P<where>{_WHERE})",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])", re.UNICODE
)
_DOT = r"(?:\.|\(dot\)|\[dot\]|\bdot\b|\bponto\b|\bpunto\b)"
_EMAIL_SPOKEN = re.compile(
    rf"(?<![\w.+-])[\w.+-]+\s*(?:\(at\)|\[at\]|\bat\b|\barroba\b)\s*[A-Za-z0-9-]+"
    rf"(?:\s*{_DOT}\s*[A-Za-z0-9-]+)*?\s*{_DOT}\s*(?:com|net|org|edu|gov|us|br|mx|co|io|info)\b",
    re.IGNORECASE,
)
_SPOKEN = re.compile(r"\(at\)|\[at\]|\barroba\b|\bdot\b|\(dot\)|\[dot\]|\bponto\b|\bpunto\b", re.I)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_CARD = re.compile(r"(?<![\w+./-])(?:\d[ -]?){12,18}\d(?![\w-]|[.,]\d)")  # not 0.2857142857142857
# Every 3-2-4 number, valid or not: a resident's "000-12-3456" or an ITIN (9xx) is as private.
_SSN_DASHED = re.compile(r"(?<![\w-])\d{3}(?P<sep>[-–])\d{2}(?P=sep)\d{4}(?![\w-])")
_NINE = re.compile(r"(?<![\w.-])(?:\d{9}|\d{3}[ .–-]\d{2}[ .–-]\d{4})(?![\w-]|[.,]\d)")
_SSN_CUE = re.compile(
    r"\b(?:ssn|s\.s\.n\.?|ss\s*#|social(?:\s+security)?|seguro\s+social|segurança\s+social|"
    r"itin|tax\s+id|tin)\b",
    re.IGNORECASE,
)
_PHONE_CUE = re.compile(
    r"\b(?:phone|cell|cellphone|cel|mobile|tel|telephone|fone|telefone|tel[eé]fono|celular|"
    r"whats(?:app)?|zap|wpp|number|n[uú]mero|numero|contact|contato|contacto|"
    r"call|text|reach|ll[aá]m[ae]me|ll[aá]meme|llamar|marcar|textear|liga|ligar|ligue|me\s+liga)\b",
    re.IGNORECASE,
)
_NOT_PHONE_CUE = re.compile(
    r"\b(?:case|report|incident|ticket|citation|complaint|reference|ref|confirmation|permit|"
    r"badge|receipt|claim|order|invoice|tracking|account|policy|caso|reporte|denuncia|"
    r"boletim|ocorr[eê]ncia|protocolo|multa)\b[\w\s#:.-]{0,12}$",
    re.IGNORECASE,
)
# Seven digits or more with at most short separators between them: anything shorter is no phone
# number, and libphonenumber's matcher (about 0.2 ms) need not look at it ("$25 or $50 at 10:30").
_PHONE_SHAPE = re.compile(r"\d(?:[\s().\-/–]{0,3}\d){6,}")
_DIGIT_RUN = re.compile(r"(?<![\w.-])\+?\(?\d[\d ().-]{5,20}\d(?![\w-]|[.,]\d)")

# Dates, for [DOB] (only after a birth cue)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|"
    r"mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|ene|dic|"
    r"janeiro|fevereiro|mar[cç]o|maio|junho|julho|setembro|outubro|novembro|dezembro|fev|"
    r"set|out|dez)\.?"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|º|°)?"
_YEAR = r"(?:19|20)\d{2}"
_DATE = re.compile(
    rf"{_BOUND_L}(?:"
    rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})"  # 03/14/1985, 14.03.85
    rf"|{_YEAR}[/.-]\d{{1,2}}[/.-]\d{{1,2}}"  # 1985-03-14
    rf"|{_MONTHS}\s+{_DAY}(?:\s*,?\s*(?:of\s+)?(?:{_YEAR}|'?\d{{2}}))?"  # march 14th, 1985
    rf"|{_DAY}\s+(?:of\s+|de\s+)?{_MONTHS}(?:\s*,?\s*(?:de\s+|del\s+)?(?:{_YEAR}|'?\d{{2}}))?"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}(?![/.\d-])"  # 3/14
    rf"|{_MONTHS}\s+(?:de\s+)?{_YEAR}"  # march 1985
    rf"){_BOUND_R}",
    re.IGNORECASE,
)
_BIRTH_CUE = re.compile(
    r"(?:\bborn\b|\bbirth(?!day\s+(?:party|parties|celebration|cake|bash))|\bbday\b|"
    r"\bb-day\b|\bdob\b|\bd\.o\.b\b\.?|\bage\b|\bnac[ií]\b|\bnaci[oó]\b|\bnasceu\b|"
    r"\bnacimiento\b|\bnacid[oa]s?\b|\bcumple(?:años|anos)?\b|\bnasci\b|\bnascimento\b|"
    r"\bnascid[oa]s?\b|\banivers[aá]rio\b|\bfecha\s+(?:de\s+)?nac|\bdata\s+(?:de\s+)?nasc|"
    r"\bf\.?\s*nac\b|\bnasc\b|\bbirthdate\b)",
    re.IGNORECASE,
)
_BIRTH_YEAR = re.compile(
    rf"(?:\bborn|\bnac[ií]|\bnaci[oó]|\bnacid[oa]|\bnasci|\bnasceu|\bnascid[oa])\s+(?:in|on|en|el|em|no|na|\w+\s+)?"
    rf"\s*(?:el\s+a[nñ]o\s+|o\s+ano\s+de\s+|the\s+year\s+)?(?P<year>{_YEAR}){_BOUND_R}",
    re.IGNORECASE,
)

# Plates, only after the word
_PLATE_CUE = re.compile(
    r"(?:\blicen[cs]e\s+plates?|\bplates?|\btags?|\bplacas?|\bmatr[ií]cula|\bchapa|"
    r"\blicen[cs]e(?=\s+(?:ct|ny|ma|nj|ri)\b))"
    r"(?:\s*(?:number|num|no\.?|#|is|was|are|reads|read|says|said|shows|es|era|[eé]|eram?|de|do|da|"
    r"del|n[uú]mero|ct|ny|ma|nj|ri|conn\.?|connecticut|massachusetts|new\s+york|state|"
    r"out\s+of\s+state|:|,|-|=|\()\s*){0,4}",
    re.IGNORECASE,
)
_PLATE = re.compile(r"(?:[A-Za-z0-9]{1,4}[ -][A-Za-z0-9]{1,5}|[A-Za-z0-9]{2,8})(?![\w-])")
# A few words further on ("a placa do carro que bateu no meu é 7HGR215"): only a token that
# mixes letters and digits, five to eight of them, and is not "2nd", "10am" or "i84".
_PLATE_LATER = re.compile(
    r"(?<![\w-])(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])"
    r"(?!\d+(?:st|nd|rd|th|am|pm|h|hrs?|min|mins|x\d+)\b)(?![iI]-?\d)"
    r"[A-Za-z0-9]{1,4}-?[A-Za-z0-9]{1,5}(?![\w-])"
)

# ---------------------------------------------------------------------------------------------
# Names, where a message introduces one
# ---------------------------------------------------------------------------------------------
_GREETING = (
    r"(?:(?:hi+|hello+|he+y+|hiya|yo|good\s+(?:morning|afternoon|evening)|hola|buen[oa]s\s+"
    r"(?:d[ií]as|tardes|noches)|buenas|oi|ol[aá]|bom\s+dia|boa\s+(?:tarde|noite)|yes|ok|okay|"
    r"sorry|perd[oó]n|disculpe|desculpa|officer|sir|ma'?am|se[nñ]or|se[nñ]ora|senhor|senhora|"
    r"again|there|all|everyone|folks|police)[\s,.!-]*)*"
)
# Strong: anywhere in a message. Weak: at the start of a sentence (after a greeting), where an
# introduction is; the name then has to pass more checks (see _names).
_STRONG_NAME = re.compile(
    r"\b(?:my\s+(?:full\s+)?name\s+is|my\s+name'?s|my\s+names|name\s*:|full\s+name\s*:|"
    r"the\s+name\s+is|name\s+is|"
    r"me\s+llamo|mi\s+nombre\s+(?:completo\s+)?es|nombre\s*:|mi\s+nombre\s*:|"
    r"meu\s+nome\s+(?:completo\s+)?(?:é|e|eh)|me\s+chamo|nome\s*:|meu\s+nome\s*:)"
    r"(?:(?<=:)|(?![\w'’]))\s*",
    re.IGNORECASE,
)
# A form's field: "name Dan Nelson dob ...", "..., name brittany, ..." (at the start or after
# punctuation); the name must end at punctuation or the next field, not run on as a sentence.
_FIELD_NAME = re.compile(
    r"(?:(?:^|[,;:.!?(]\s*)(?:full\s+)?(?:name|nombre|nome)\s*[:=-]?\s+"
    r"|\b(?:contact\s+)?info(?:rmation)?(?:\s+(?:here|is|below))?\s*:\s*"
    r"|\bmis\s+datos\s*:\s*|\bmeus\s+dados\s*:\s*)",
    re.IGNORECASE,
)
_FIELDS = frozenset(
    """dob birth born date age phone cell tel telephone mobile number email e-mail address addr
    ssn social plate fecha telefono teléfono celular correo direccion dirección
    data telefone endereço endereco""".split()
)
_WEAK_NAME = re.compile(
    rf"(?:^|[.!?;:\n]\s*|,\s*|[\"'“‘(\[]){_GREETING}(?:(?:this\s+is|it'?s|i\s+am|i'?m|im)"
    r"|(?:yo\s+)?soy|le\s+habla|(?:aqu[ií]\s+)?habla"
    r"|aqui\s+(?:(?:é|e|eh)|quem\s+fala\s+(?:é|e))|quem\s+fala\s+(?:é|e)|(?:eu\s+)?sou)\s+",
    re.IGNORECASE,
)
_TITLE = re.compile(
    r"(?:(?:(?:a|o|la|el)\s+)?(?:mr|mrs|ms|miss|dr|sr|sra|srta|dona|don|do[nñ]a|seu|se[nñ]or|"
    r"se[nñ]ora|senhor|senhora|father|fr|pastor|pastora|rev|reverend|padre|coach|deacon)"
    r"\.?\s+|(?:a|o|la|el)\s+(?=[A-ZÀ-Ö]|\w+\s+\w+))?",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(rf"[{_L}][{_L}'’-]*")
_PARTICLES = frozenset(
    "de da do dos das del della di du van von der den le la los las st st. mc mac bin ben".split()
)
_NAME_END = frozenset(
    "and from here calling again speaking writing texting i im i'm my y e de del da do from "
    "with at in on who".split()
)

# What follows a name typed in lower case ("this is tony and...", "soy rosa y necesito...")
_AFTER_NAME = _NAME_END | frozenset(
    """my mi meu minha i im i'm and y e from de da do del here aqui aquí calling please pls plz
    por the a need needs necesito preciso quiero quero want wanted would have had tengo
    tenho can could how what when where who why is was como que qual cual cuál quando cuando
    onde donde dónde mom mother dad father
    """.split()
)

# Anything that could start a detail; a text without any of these is returned at once.
_MAYBE = re.compile(
    rf"\d|@|\bat\b|\barroba\b|{_STRONG_NAME.pattern}|\b(?:this\s+is|it'?s|i\s+am|i'?m|im|soy|"
    r"habla|aqui|quem|sou|name|nombre|nome|info|datos|dados|plates?|tags?|placas?|matr|chapa)\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# The department's own numbers and addresses
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Public:
    """What the department publishes itself: kept as written."""

    phones: frozenset[str]  # national numbers, digits only
    addresses: frozenset[str]  # _address_key() of each street address
    emails: frozenset[str]  # lower-cased


_EMPTY = Public(frozenset(), frozenset(), frozenset())


def _strings(value: Any) -> Iterator[str]:
    """Every string in parsed YAML."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _strings(item)


def public_texts() -> list[str]:
    """Every text the department itself gives out: the knowledge files and bot/domain.yml.

    The files are read as plain YAML, not through bot.kb.loader.towns(): every string in them
    counts (answers, units, sources), and a file that fails the schema (mid-edit) must not make
    the department's own numbers look like a resident's... nor stop redaction."""
    from ruamel.yaml import YAML

    from bot.kb.loader import knowledge_dir

    yaml = YAML(typ="safe")
    texts: list[str] = []
    for path in [*sorted(knowledge_dir().glob("*.yml")), DOMAIN_FILE]:
        try:
            texts.extend(_strings(yaml.load(path.read_text(encoding="utf-8"))))
        except Exception:  # one unreadable file: the others still count
            continue
    return texts


def public_from(texts: Iterable[str]) -> Public:
    """The phone numbers, addresses and emails found in `texts` (the department's own)."""
    phones, addresses, emails = set(), set(), set()
    for text in texts:
        for finding in _raw_findings(text, _EMPTY):
            if finding.kind == "PHONE":
                phones.add(_phone_key(finding.text))
            elif finding.kind == "ADDRESS":
                addresses.add(_address_key(finding.text))
            elif finding.kind == "EMAIL":
                emails.add(finding.text.lower())
    return Public(frozenset(phones - {""}), frozenset(addresses - {""}), frozenset(emails))


_public_lock = threading.Lock()
_public_cache: list[Public] = []


def public() -> Public:
    """The department's own details, loaded once. If the knowledge files can't be read, nothing
    is public (more is redacted, never less)."""
    if _public_cache:
        return _public_cache[0]
    with _public_lock:
        if not _public_cache:
            try:
                _public_cache.append(public_from(public_texts()))
            except Exception:  # a broken knowledge file stops the action server, not redaction
                _public_cache.append(_EMPTY)
    return _public_cache[0]


def _phone_key(text: str) -> str:
    """The national number of a phone number as written ("1-860-523-5203" -> "8605235203")."""
    try:
        number = phonenumbers.parse(text, "US")
    except phonenumbers.NumberParseException:
        return re.sub(r"\D", "", text)[-10:]
    return str(number.national_number)


_ABBREVIATIONS = {
    "st": "street",
    "str": "street",
    "ave": "avenue",
    "av": "avenue",
    "rd": "road",
    "dr": "drive",
    "ln": "lane",
    "crt": "court",
    "ct": "court",
    "blvd": "boulevard",
    "pl": "place",
    "ter": "terrace",
    "terr": "terrace",
    "cir": "circle",
    "pkwy": "parkway",
    "hwy": "highway",
    "tpke": "turnpike",
    "tpk": "turnpike",
    "n": "north",
    "s": "south",
    "e": "east",
    "w": "west",
}


def _address_key(text: str) -> str:
    """House number and street, normalised: "375 Main St., Danbury" -> "375 main street".

    Read from the same patterns that found the address (a second usaddress parse of the whole
    span cost 0.4 ms a message); the town, unit and zip are left out."""
    m = _US_ADDRESS.match(text) or _ROUTE_ADDRESS.match(text) or _LATIN_ADDRESS.match(text)
    if not m:
        m = _BARE_ADDRESS.match(text)
    if not m:
        return ""
    groups = m.groupdict()
    street = " ".join(g for g in (groups.get("dir"), groups["name"], groups.get("type")) if g)
    words = [_ABBREVIATIONS.get(w, w) for w in re.sub(r"[^\w\s]", "", street.lower()).split()]
    return f"{m.group('num').lower()} {' '.join(words)}"


# ---------------------------------------------------------------------------------------------
# Detectors
# ---------------------------------------------------------------------------------------------
def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _luhn(number: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(number)):
        digit = int(char)
        if index % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


# a sentence ends at "!", "?", a new line, or a full stop after a word (not "nac." or "tel.")
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{5})\.(?:\s|$)|[!?\n]")


def _cue_before(text: str, start: int, cue: re.Pattern[str], window: int) -> bool:
    """Whether `cue` occurs in the `window` characters before `start`, in the same sentence."""
    before = _SENTENCE_END.split(text[max(0, start - window) : start])[-1]
    return cue.search(before) is not None


def _emails(text: str, pub: Public) -> Iterator[Finding]:
    if "@" in text:
        for m in _EMAIL.finditer(text):
            if m.group().lower() not in pub.emails:
                yield Finding("EMAIL", m.start(), m.end(), m.group())
    if " at " in text.lower() or "arroba" in text.lower() or "(at)" in text.lower():
        for m in _EMAIL_SPOKEN.finditer(text):
            # "maria at example dot com", not "the form at accidents.ct.gov" (a website)
            if _SPOKEN.search(m.group()):
                yield Finding("EMAIL", m.start(), m.end(), m.group())


def _cards(text: str) -> Iterator[Finding]:
    for m in _CARD.finditer(text):
        digits = _digits(m.group())
        if 13 <= len(digits) <= 19 and _luhn(digits):
            yield Finding("CARD", m.start(), m.end(), m.group())


def _ssns(text: str) -> Iterator[Finding]:
    for m in _SSN_DASHED.finditer(text):
        yield Finding("SSN", m.start(), m.end(), m.group())
    for m in _NINE.finditer(text):
        after = text[m.end() : m.end() + 40]
        if _cue_before(text, m.start(), _SSN_CUE, 40) or _SSN_CUE.search(after):
            yield Finding("SSN", m.start(), m.end(), m.group())


def _phones(text: str, pub: Public) -> Iterator[Finding]:
    found: list[tuple[int, int]] = []
    for match in phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.VALID):
        found.append((match.start, match.end))
        number = match.number
        if number.country_code == 1 and str(number.national_number) in pub.phones:
            continue
        if _cue_before(text, match.start, _NOT_PHONE_CUE, 30):
            continue  # "case #2023-004512" reads as a valid US number
        if match.start >= 2 and text[match.start - 2].isdigit() and text[match.start - 1] in ".,":
            continue  # the decimals of a number ("confidence 0.8605550143")
        yield Finding("PHONE", match.start, match.end, match.raw_string)
    for m in _DIGIT_RUN.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in found):
            continue
        digits = _digits(m.group())
        if not 7 <= len(digits) <= 13 or digits[-10:] in pub.phones:
            continue
        if _cue_before(text, start, _PHONE_CUE, 32) and not _cue_before(
            text, start, _NOT_PHONE_CUE, 30
        ):
            yield Finding("PHONE", start, end, m.group())


def _dobs(text: str) -> Iterator[Finding]:
    if not _BIRTH_CUE.search(text):
        return
    for m in _DATE.finditer(text):
        if not _plausible_date(m.group()):
            continue  # "vision at least 20/50": no month 20 or 50
        after = text[m.end() : m.end() + 25]
        if _cue_before(text, m.start(), _BIRTH_CUE, 48) or re.match(
            r"[\s,()-]*(?:is\s+(?:my|his|her|their)\s+)?(?:\(?dob\b|birth|bday|b-day|"
            r"date\s+of\s+birth|es\s+mi\s+cumple|fecha\s+de\s+nac|data\s+de\s+nasc|"
            r"[eé]\s+(?:o\s+)?meu\s+anivers)",
            after,
            re.IGNORECASE,
        ):
            yield Finding("DOB", m.start(), m.end(), m.group())
    for m in _BIRTH_YEAR.finditer(text):
        yield Finding("DOB", m.start("year"), m.end("year"), m.group("year"))


def _plausible_date(text: str) -> bool:
    """A numeric date has a month (1-12) and a day (1-31), either way round; words are dates."""
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if not re.fullmatch(r"[\d/.\s-]+", text.strip()) or len(numbers) < 2:
        return True
    if numbers[0] > 31:  # 1985-03-14
        numbers = numbers[1:]
    first, second = numbers[0], numbers[1]
    return 1 <= min(first, second) <= 12 and 1 <= max(first, second) <= 31


def _plates(text: str) -> Iterator[Finding]:
    lowered = text.lower()
    if not any(w in lowered for w in ("plate", "tag", "placa", "matr", "chapa", "licen")):
        return
    mostly_lower = sum(c.isupper() for c in text) * 4 < sum(c.isalpha() for c in text)
    for cue in _PLATE_CUE.finditer(text):
        m = _PLATE.match(text, _skip_spaces(text, cue.end()))
        if not m or (not any(c.isdigit() for c in m.group()) and not m.group().isupper()):
            later = _plate_later(text, cue.end())
            if later:
                yield later
            continue
        token = m.group()
        parts = token.split(" ")
        if len(parts) == 2 and parts[1].lower() in STOPWORDS | _NOT_STREET:
            token = parts[0]  # "plate 7XK421 was" -> only the plate
        compact = re.sub(r"[ -]", "", token)
        has_digit = any(c.isdigit() for c in compact)
        vanity = compact.isalpha() and compact.isupper() and mostly_lower and len(compact) >= 3
        if 2 <= len(compact) <= 8 and (has_digit or vanity) and compact.lower() not in STOPWORDS:
            if has_digit and compact.isdigit() and len(compact) < 3:
                continue
            yield Finding("PLATE", m.start(), m.start() + len(token), token)
            # "plates 8TR551 and LVX0042": the next one too
            more = re.match(r"\s*(?:,|and|y|e|&)\s+", text[m.start() + len(token) :])
            if more:
                nxt = _plate_later(text, m.start() + len(token) + more.end())
                if nxt and nxt.start == m.start() + len(token) + more.end():
                    yield nxt


def _plate_later(text: str, position: int) -> Finding | None:
    """A plate-like token within the next few words of the same sentence."""
    window = re.split(r"[.!?;\n]", text[position : position + 48])[0]
    for m in _PLATE_LATER.finditer(window):
        end = m.end()
        rest = re.match(r" \d{2,4}(?![\w-])", window[end:])  # "5MX 219": one plate, two groups
        if rest and len(m.group()) <= 4:
            end += rest.end()
        token = window[m.start() : end]
        if 5 <= len(re.sub(r"[ -]", "", token)) <= 8:
            return Finding("PLATE", position + m.start(), position + end, token)
    return None


def _trim(text: str, start: int, end: int) -> int:
    """The end of a span without trailing spaces, commas and dots."""
    while end > start and text[end - 1] in " ,.;:":
        end -= 1
    return end


def _words_ok(name: str) -> bool:
    """A street name has no function words ("2 cars parked on elm st" is not an address)."""
    return not any(re.sub(r"[.'’]", "", w.lower()) in _NOT_STREET for w in name.split())


def _street_verified(candidate: str) -> bool:
    """usaddress reads a house number and a street name in it. Not cached: a cache would keep
    residents' addresses in memory."""
    try:
        tags = {tag for _token, tag in usaddress.parse(candidate)}
    except Exception:
        return False
    return "AddressNumber" in tags and any(t.startswith("StreetName") for t in tags)


def _address_span(text: str, m: re.Match[str], pub: Public) -> Finding | None:
    end = _trim(text, m.start(), m.end())
    span = text[m.start() : end]
    if pub.addresses and _address_key(span) in pub.addresses:
        return None
    return Finding("ADDRESS", m.start(), end, span)


def _addresses(text: str, pub: Public) -> Iterator[Finding]:
    for m in _US_ADDRESS.finditer(text):
        name, kind = m.group("name"), m.group("type")
        if not _words_ok(name) or name.lower() in {"the", "a"}:
            continue
        if kind.lower() == "ct" and re.fullmatch(_TOWN, name, re.IGNORECASE):
            continue  # "3b Ridgefield CT": a town and its state, not a court
        if re.fullmatch(_WEAK_TYPE, kind, re.IGNORECASE):
            capitalised = name[:1].isupper() and kind[:1].isupper()
            more = bool(m.group("unit") or m.group("where"))
            if not (capitalised or more or _cue_before(text, m.start(), _ADDRESS_CUE, 30)):
                continue
        if _street_verified(f"{m.group('num')} {name} {kind}"):
            finding = _address_span(text, m, pub)
            if finding:
                yield finding
    for m in _ROUTE_ADDRESS.finditer(text):
        if _cue_before(text, m.start(), _ADDRESS_CUE, 30) or m.group("where"):
            finding = _address_span(text, m, pub)
            if finding:
                yield finding
    for m in _LATIN_ADDRESS.finditer(text):
        if _words_ok(m.group("name")):
            finding = _address_span(text, m, pub)
            if finding:
                yield finding
    for m in _PO_BOX.finditer(text):
        yield Finding("ADDRESS", m.start(), _trim(text, m.start(), m.end()), m.group())
    for cue in _cue_ends(text):
        for pattern in (_BARE_ADDRESS, _NUMBER_AFTER):
            m = pattern.match(text, cue)
            if not m or not _words_ok(m.group("name")):
                continue
            if pattern is _BARE_ADDRESS and not _street_verified(m.group()):
                continue
            finding = _address_span(text, m, pub)
            if finding:
                yield finding
                break


def _cue_ends(text: str) -> Iterator[int]:
    """Where the text after an address cue ("i live at ", "moro na ") begins."""
    for m in re.finditer(
        r"(?:address(?:\s+is)?|addr|live\s+(?:at|on)|lives\s+at|living\s+at|staying\s+at|"
        r"located\s+at|direcci[oó]n(?:\s+es)?|vivo\s+en(?:\s+el|\s+la)?|"
        r"endere[cç]o(?:\s+(?:é|e|eh))?|moro\s+(?:na|no|em)|fico\s+(?:na|no))\s*:?\s*",
        text,
        re.IGNORECASE,
    ):
        yield m.end()


def _names(text: str) -> Iterator[Finding]:
    for cue in _STRONG_NAME.finditer(text):
        found = _name_after(text, cue.end(), strong=True)
        if found:
            yield found
    for cue in _WEAK_NAME.finditer(text):
        found = _name_after(text, cue.end(), strong=False)
        if found:
            yield found
    for cue in _FIELD_NAME.finditer(text):
        found = _name_after(text, cue.end(), strong=True)
        if found:
            rest = text[found.end :].lstrip()
            word = re.match(rf"[{_L}]+", rest)
            if not rest or rest[:1] in ",.;:!?()[" or (word and word.group().lower() in _FIELDS):
                yield found


def _name_after(text: str, position: int, strong: bool) -> Finding | None:
    """The name that starts at `position`, right after an introduction, if there is one."""
    title = _TITLE.match(text, position)
    position = title.end() if title else position
    tokens: list[re.Match[str]] = []
    cursor = position
    while len(tokens) < 5:
        m = _NAME_TOKEN.match(text, cursor)
        if (
            not m
            or text[m.end() : m.end() + 1] in ("_", "/", "@")
            or text[m.end() : m.end() + 1].isdigit()
        ):
            break  # "name: action_listen", a path or an address: an identifier, not a name
        word = m.group().lower().strip("'’-")
        if word in _PARTICLES and tokens:
            nxt = _NAME_TOKEN.match(text, _skip_spaces(text, m.end()))
            if nxt and nxt.group().lower() not in STOPWORDS:
                tokens.append(m)
                cursor = _skip_spaces(text, m.end())
                continue
            break
        # After "my name is", only function words end a name (surnames: Young, White, King);
        # after "this is" / "soy", so do the words that usually follow there ("urgent", "new").
        stop = STOPWORDS if not strong and not tokens else FUNCTION_WORDS
        if word in stop or word in _NAME_END or word in _FIELDS:
            break
        if not strong and m.group()[:1].islower() and _verb_like(word):
            break
        if tokens and not strong and m.group()[:1].islower() and tokens[0].group()[:1].isupper():
            break  # "This is Maria asking" : the capitals end at the name
        tokens.append(m)
        if m.end() < len(text) and text[m.end()] not in " \t":
            break  # punctuation ends a name ("Maria," "Maria's")
        cursor = _skip_spaces(text, m.end())
    while tokens and tokens[-1].group().lower() in _PARTICLES:
        tokens.pop()
    if not tokens:
        return None
    first = tokens[0].group()
    if not strong:
        # Written with capitals ("Hi, this is ridiculous"): a name has one. Typed in lower case
        # ("hey this is tony at 48 Town Hill Ave"): it may not.
        capitals = text.lstrip()[:1].isupper()
        if first[:1].islower() and capitals:
            return None
        if len(first) < 2:
            return None
        nxt = text[tokens[-1].end() :].lstrip()
        if first[:1].islower() and nxt and not _ends_name(nxt):
            return None  # "this is urgent help me": lower-case and going on like a sentence
    start, end = tokens[0].start(), tokens[-1].end()
    if not strong and re.match(rf"{_TOWN}\b", text[start:end], re.IGNORECASE):
        return None  # "this is Ridgefield or Danbury police?"
    return Finding("NAME", start, end, text[start:end])


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t":
        position += 1
    return position


def _verb_like(word: str) -> bool:
    """A lower-case English -ing or -ed word ("im trying", "im locked out"): not a name."""
    return len(word) > 4 and word.endswith(("ing", "ed"))


def _ends_name(rest: str) -> bool:
    """What may follow a name: punctuation, "and", "from", "calling", "here", "my", "i"..."""
    if rest[:1] in ",.!?;:-()\n'’":
        return True
    word = re.match(rf"[{_L}']+", rest)
    return bool(word) and word.group().lower() in _AFTER_NAME


# ---------------------------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------------------------
def _raw_findings(text: str, pub: Public) -> list[Finding]:
    found: list[Finding] = []
    found.extend(_emails(text, pub))
    if any(c.isdigit() for c in text):
        digit_count = sum(c.isdigit() for c in text)
        if digit_count >= 13:
            found.extend(_cards(text))
        if digit_count >= 9:
            found.extend(_ssns(text))
        if digit_count >= 7 and _PHONE_SHAPE.search(text):
            found.extend(_phones(text, pub))
        found.extend(_dobs(text))
        found.extend(_plates(text))
        found.extend(_addresses(text, pub))
    else:
        found.extend(_plates(text))  # a vanity plate has no digit
    found.extend(_names(text))
    return found


def findings(text: str, keep: Public | None = None) -> list[Finding]:
    """The personal details in `text`, in order, without overlaps (the department's own kept)."""
    if not text or not _MAYBE.search(text):
        return []
    raw = _raw_findings(text, public() if keep is None else keep)
    if "http" in text or "www." in text:
        # a link's digits and words are a page's, not the resident's (an archive's timestamp
        # can pass the Luhn check); an email address in it still counts
        links = [(m.start(), m.end()) for m in _URL.finditer(text)]
        raw = [
            f
            for f in raw
            if f.kind == "EMAIL" or not any(s <= f.start and f.end <= e for s, e in links)
        ]
    chosen: list[Finding] = []
    for f in sorted(raw, key=lambda f: (PRIORITY[f.kind], -(f.end - f.start), f.start)):
        if all(f.end <= c.start or c.end <= f.start for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


# Texts seen to hold no personal detail (bot replies, intent names, common questions): each turn
# stores the same answers again, so they are checked once. A text with a detail is never kept.
_CLEAN: dict[str, None] = {}
_CLEAN_MAX, _CLEAN_MAX_CHARS = 4096, 2000


def redact(text: str) -> str:
    """`text` with each personal detail replaced by its placeholder ("[PHONE]", "[NAME]"...)."""
    if not isinstance(text, str) or not text or text in _CLEAN:
        return text
    return _replaced(text, findings(text))


def _replaced(text: str, found: list[Finding]) -> str:
    """`text` with `found` (findings(text)) replaced by their placeholders."""
    if not found:
        if len(text) <= _CLEAN_MAX_CHARS:
            if len(_CLEAN) >= _CLEAN_MAX:
                _CLEAN.clear()
            _CLEAN[text] = None
        return text
    parts: list[str] = []
    cursor = 0
    for f in found:
        parts.append(text[cursor : f.start])
        parts.append(f"[{f.kind}]")
        cursor = f.end
    parts.append(text[cursor:])
    return "".join(parts)


# Keys whose values are identifiers Rasa needs as they are (an intent or action name, an entity
# type, the channel): they hold no resident's words, and changing them would change the tracker.
STRUCTURAL_KEYS = frozenset(
    {"event", "name", "entity", "extractor", "input_channel", "message_id", "intent_name"}
)


def redact_value(
    value: Any, known: Callable[[str], str] | None = None, memo: dict[str, str] | None = None
) -> Any:
    """A copy of a JSON-like value with every string redacted (structural keys kept as is);
    `known` redacts each string further (see redact_event); `memo` saves redacting a string
    twice (an event holds its text three times: text, parse data, a clause)."""
    memo = {} if memo is None else memo
    if isinstance(value, str):
        if value not in memo:
            out = redact(value)
            memo[value] = known(out) if known else out
        return memo[value]
    if isinstance(value, dict):
        return {
            k: v if k in STRUCTURAL_KEYS else redact_value(v, known, memo) for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact_value(v, known, memo) for v in value]
    return value


def _replacer(found: list[Finding]) -> Callable[[str], str] | None:
    """Replaces the details found in a message wherever they appear on their own."""
    details = sorted(
        {(f.text, f.kind) for f in found if len(f.text) >= 3}, key=lambda d: -len(d[0])
    )
    if not details:
        return None
    pattern = re.compile("|".join(re.escape(text) for text, _ in details), re.IGNORECASE)
    kinds = {text.lower(): kind for text, kind in details}

    def replace(text: str) -> str:
        return pattern.sub(lambda m: f"[{kinds.get(m.group().lower(), 'NAME')}]", text)

    return replace


def redact_event(event: dict[str, Any]) -> dict[str, Any]:
    """An event's dict (Event.as_dict()) as it may be stored or published: every text in it
    redacted: the text, the parse data, the metadata.

    The resident's words also appear out of their context: an entity's value ("Maria Lopez"),
    a clause InputGuard split off ("Maria Lopez and 860 555 0143"). So the details found in the
    event's text are also replaced wherever they appear in it on their own."""
    text = event.get("text")
    parse = event.get("parse_data")
    texts = [t for t in (text, parse.get("text") if isinstance(parse, dict) else None) if t]
    memo: dict[str, str] = {}
    found: list[Finding] = []
    for t in dict.fromkeys(t for t in texts if isinstance(t, str)):
        in_text = [] if t in _CLEAN else findings(t)
        found.extend(in_text)
        memo[t] = _replaced(t, in_text)
    known = _replacer(found) if found else None
    if known:
        memo = {original: known(out) for original, out in memo.items()}
    return redact_value(event, known, memo)


# ---------------------------------------------------------------------------------------------
# Logs
# ---------------------------------------------------------------------------------------------
_JSON_ESCAPE = re.compile(r"\\u[0-9a-fA-F]{4}(?:\\u[0-9a-fA-F]{4})?")
_WITHHELD = "[log message withheld: it could not be redacted]"


def _unescape(match: re.Match[str]) -> str:
    try:
        return json.loads(f'"{match.group()}"')
    except ValueError:
        return match.group()


def redact_log_text(text: str) -> str:
    """A log line redacted. JSON logs (Rasa's structlog) escape accents ("Jo\\u00e3o"), so
    escapes are read back first: the name triggers and the name itself must be visible."""
    if "\\u" in text:
        text = _JSON_ESCAPE.sub(_unescape, text)
    return redact(text)


class RedactingFilter(logging.Filter):
    """Redacts a log record in place: its message (with its arguments), the text of its
    exception and its stack. Never drops a record; if redaction itself fails, the message is
    withheld rather than written as it was. (Fields a logger adds with `extra=`, such as
    sanic's access-log request line, are set after the record is made and are not redacted:
    ours carry a method and a path, never a message.)"""

    _busy = threading.local()

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_redacted", False) or getattr(self._busy, "on", False):
            return True
        self._busy.on = True
        try:
            try:
                message = record.getMessage()
            except Exception:  # a broken format string: logging reports it; the raw msg is ours
                message = str(record.msg)
            record.msg, record.args = redact_log_text(message), None
            if record.exc_info and not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            if record.exc_text:
                # formatters print exc_text as it is; without exc_info no handler can print the
                # exception's own (unredacted) text again
                record.exc_text, record.exc_info = redact_log_text(record.exc_text), None
            if record.stack_info:
                record.stack_info = redact_log_text(record.stack_info)
        except Exception:
            record.msg, record.args, record.exc_text = _WITHHELD, None, None
            record.exc_info = None
        finally:
            self._busy.on = False
        record._redacted = True
        return True


_installed: list[Callable[..., logging.LogRecord]] = []


def install_log_redaction() -> RedactingFilter:
    """Every log record of this process passes through a RedactingFilter as it is created.

    Why at the record factory and not on a logger or a handler: a logger's filter does not see
    the records of its child loggers (rasa.core.processor, rasa_sdk.executor, sanic...), and Rasa,
    rasa_sdk and coloredlogs add their handlers after our code runs (`rasa run` configures logging
    itself). The factory sees each record once, before any handler, whichever logger made it;
    records below the log level are never created, so nothing is spent on them.
    """
    log_filter = RedactingFilter()
    if _installed:
        return log_filter
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        log_filter.filter(record)
        return record

    _installed.append(previous)
    public()  # loaded now, not inside the first record
    logging.setLogRecordFactory(factory)
    return log_filter
