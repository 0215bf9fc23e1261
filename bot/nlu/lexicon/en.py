"""The reviewed danger lexicon behind urgent triage, and the context that tempers it.

Why a lexicon beside a trained classifier: a missed emergency is the one mistake this assistant
must not make, and a classifier's confidence is not a guarantee. Every pattern here is a phrase a
person in danger writes; every context rule is a reason a *routine* question uses the same words
("the report from when my house was broken into last month"). Change a pattern only with a test in
tests/test_triage.py that shows why (both a message it must catch and one it must leave alone).

Rules of thumb, in order of precedence:
- a present-time marker ("right now", "is breaking in", "still here", "help!!") keeps a match urgent;
- otherwise, a past-time, records, how-to or permit context makes an emergency match routine;
- a crisis match (suicide, self-harm) is made routine only by a records / how-to / training
  context, never by past time alone ("since last week I want to die" is still a crisis);
- an explicit "not an emergency" / "nobody was hurt" neutralises injury and plea matches only.
"""

from __future__ import annotations

import re
import unicodedata

from bot.nlu.lexicon.base import Lexicon, stretched
from bot.nlu.lexicon.base import pattern as _p

# --- normalisation ------------------------------------------------------------------------------

_TEXTING = {
    r"\bu\b": "you",
    r"\bur\b": "your",
    r"\bpl[sz]\b": "please",
    r"\bplz+\b": "please",
    r"\brn\b": "right now",
    r"\bsum1\b|\bsome1\b": "someone",
    r"\bsumone\b|\bsomeon\b": "someone",
    r"\bppl\b": "people",
    r"\bim\b": "i'm",
    r"\bive\b": "i've",
    r"\bhes\b": "he's",
    r"\bshes\b": "she's",
    r"\btheres\b": "there's",
    r"\btheyre\b": "they're",
    r"\bwanna\b": "want to",
    r"\bhell\b(?= (?:kill|hurt|shoot|stab|beat|find|take|come))": "he'll",
    r"\bhed\b(?= (?:kill|hurt|shoot|stab|beat|burn|find|take|come))": "he'd",
    r"\bshell\b(?= (?:kill|hurt|shoot|stab|beat|find|take|come))": "she'll",
    r"\bgonna\b": "going to",
    r"\bkms\b": "kill myself",
    r"\bkys\b": "kill yourself",
    r"\bcuz\b|\bbc\b": "because",
    r"\bw/": "with ",
    r"\bmyslef\b|\bmysef\b|\bmyselff\b": "myself",
    r"\bkillin\b": "killing",
    r"\bthinkin\b": "thinking",
    r"\bthinking bout\b": "thinking about",
    r"\b(dont|cant|wont|isnt|doesnt|didnt|wasnt|arent|aint|havent|couldnt|shouldnt)\b": "",
}
_CONTRACTION_FIX = {
    "dont": "don't",
    "cant": "can't",
    "wont": "won't",
    "isnt": "isn't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "wasnt": "wasn't",
    "arent": "aren't",
    "aint": "ain't",
    "havent": "haven't",
    "couldnt": "couldn't",
    "shouldnt": "shouldn't",
}


def normalise(text: str) -> str:
    """Lower-case, fold typographic quotes and spacing, expand texting shorthand."""
    text = stretched(unicodedata.normalize("NFKC", text).lower())
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(
        r"\b(" + "|".join(_CONTRACTION_FIX) + r")\b", lambda m: _CONTRACTION_FIX[m.group(1)], text
    )
    for pattern, replacement in _TEXTING.items():
        if replacement:
            text = re.sub(pattern, replacement, text)
    return re.sub(r"\s+", " ", text).strip()


# --- the lexicon --------------------------------------------------------------------------------

PERSON = (
    r"(?:some ?(?:one|body)|a (?:man|woman|guy|person|kid|child|stranger)|(?:a|the) (?:guy|man|woman)|"
    r"he|she|they|my (?:\w+ )?(?:husband|wife|boyfriend|girlfriend|partner|ex|dad|father|mom|mother|"
    r"son|daughter|brother|sister|roommate|neighbou?r|friend|uncle|aunt|cousin|stepdad|stepfather))"
)
FAMILY = (
    r"(?:husband|wife|boyfriend|girlfriend|bf|gf|partner|baby daddy|baby mama|baby'?s (?:father|mother)|fianc[eé]e?|spouse|ex|ex-husband|ex-wife|ex-boyfriend|ex-girlfriend"
    r"|dad|father|mom|mother|son|daughter|brother|sister|stepdad|stepfather|stepmom|stepmother|grandson|granddaughter"
    r"|uncle|aunt|cousin|family member|parents?)"
)
CHILD = r"(?:child|kid|son|daughter|toddler|baby|boy|girl|grandson|granddaughter|little (?:one|brother|sister|girl|boy)|[0-9]+ ?(?:yo|y/o|yr old|year old|year-old))"


PATTERNS = (
    # crime in progress
    _p(
        "break-in",
        "emergency",
        "crime",
        rf"\b{PERSON}(?: is|'s| are|'re)? (?:breaking|trying to (?:break|get|force (?:their|his|her) way)) in"
        r"|\bbreaking into (?:my|our|the|a)\b|\bclimbing (?:in|through)\b|\bbreakin\b|\bbreak-?in (?:in progress|happening|right now)"
        r"|\b(?:is|'s|are) (?:in|inside) (?:my|our) (?:house|home|apartment|room|garage|basement)"
        r"|\bintruders?\b|\bprowler\b|\btrying (?:car )?doors\b|\bchecking (?:car )?door handles\b|\bhome invasion\b"
        r"|\b(?:some ?one|some ?body|a (?:man|guy|stranger|person)|burglars?|people|strangers?) (?:is |'s |are )?(?:in|inside) (?:my|our|the|my neighbou?r's) (?:house|home|apartment|basement|attic|garage|room|building)"
        r"|\bburglary in progress\b|\bburglars? (?:is|are) (?:in|inside|still)\b|\bbreaking in(?:to)?\b"
        r"|\b(?:kick|kicking|bust|busting|force|forcing|break|breaking|bang|banging) (?:in|down|open) (?:my|our|the) (?:\w+ )?(?:door|window)\b"
        r"|\b(?:kick|kicking|bust|busting) (?:my|our|the) (?:\w+ )?(?:door|window) (?:in|down|open)\b"
        r"|\b(?:hear|heard) (?:someone|somebody|a noise|noises|footsteps) (?:\w+ ){0,2}(?:in|inside|downstairs|upstairs)",
    ),
    _p(
        "robbery",
        "emergency",
        "crime",
        r"\b(?:being|getting|just got|just been) (?:robbed|mugged|carjacked|kidnapped|abducted|jumped|shot|stabbed)\b|\b(?:got|been) (?:shot|stabbed)\b|\brobbery in progress"
        r"|\b(?:is|are) robbing\b|\bcarjack(?:ing|ed)?\b|\barmed robbery\b|\bhostages?\b"
        r"|\bkidnapp?(?:ed|ing)\b|\babduct(?:ed|ing)\b|\btook my (?:kid|child|son|daughter|baby)\b|\b(?:child|kid|girl|boy|baby|toddler) (?:was |just |was just )?(?:taken|grabbed|snatched)\b|\b(?:grabbed|snatched|took) (?:a|my|the|our) (?:little )?(?:child|kid|girl|boy|baby|toddler)\b"
        r"|\bshoplifter (?:is )?(?:still )?(?:here|fighting)"
        r"|\b(?:being|getting|was just|just got) (?:dragged|forced|pulled|pushed|thrown) into (?:a |the |his |her )?(?:car|van|truck|vehicle)\b"
        r"|\b(?:dragging|forcing|pulling|pushing) (?:a |the |my )?(?:woman|man|girl|boy|kid|child|person|someone|her|him) into (?:a |the |his |her )?(?:car|van|truck|vehicle)\b"
        r"|\bexposing (?:himself|herself|themselves)\b|\bindecent exposure\b"
        r"|\b(?:pushed|thrown|shoved|kicked) out of (?:a |the )?(?:moving )?(?:car|vehicle|van|truck|window)\b"
        r"|\b(?:trying to|tried to) (?:lure|grab|take) (?:a |the |my )?(?:kids?|child(?:ren)?|girls?|boys?)\b",
    ),
    _p(
        "followed",
        "emergency",
        "crime",
        r"\b(?:being|getting) (?:followed|stalked|chased)\b|\b(?:is|'s|keeps) following me\b"
        r"|\b(?:someone|somebody|a (?:man|guy|car)) (?:is |'s )?(?:outside|at) (?:my|our|the) (?:door|window|house|car)"
        r"|\btrying to (?:open|get into) (?:my|our) (?:front |back |side |car |bedroom )?(?:door|car|window)",
    ),
    # a past-tense verb is urgent only with a present-time marker ("someone broke in, he's still here")
    _p(
        "broke-in",
        "emergency",
        "past_verb",
        r"\bbroke in(?:to)?\b|\bjust (?:got )?(?:broke|broken) in",
    ),
    _p(
        "past-incident",
        "emergency",
        "past_verb",
        r"\b(?:was|were|got|been)(?: just)? (?:robbed|mugged|assaulted|attacked|stabbed|shot|carjacked|burglari[sz]ed|broken into|beaten|beat up|threatened|jumped|hit)\b"
        r"|\b(?:burglary|robbery|break-?in|home invasion|assault|stabbing|carjacking|hit and run|house fire|car fire)\b",
    ),
    # violence and weapons
    _p(
        "weapon",
        "emergency",
        "violence",
        r"(?<!water )(?<!nail )(?<!glue )(?<!nerf )(?<!toy )(?<!squirt )(?<!butter )\b(?:gun|guns|pistol|rifle|firearm|knife|knives|machete|weapon|blade)\b(?!\s*(?:permit|license|licence|course|class|safety|range|show|shop|store|laws?|rules?|registration|training|lock|safe|buy ?back))"
        r"|\bshots? fired\b|\bfir(?:ed|ing) (?:shots|a gun|at)\b|\bgun ?shots?\b|\bgunfire\b|\bshooting\b(?! (?:range|star|hoops|pool|photos?|videos?))|\bshooter\b|\bshot (?:him|her|me|someone|them|at)\b"
        r"|\bstabb(?:ed|ing)\b|(?<!bath )(?<!photo )\bbomb\b(?! squad)|\bexplosi(?:ve|on)\b",
    ),
    _p(
        "assault",
        "emergency",
        "violence",
        r"\b(?:being|getting) (?:attacked|assaulted|beaten|beat up|hit|stabbed|shot|raped|choked|strangled|jumped)\b"
        rf"|\b{PERSON}(?: is|'s| are|'re| keeps)? (?:hitting|beating|punching|kicking|choking|strangling|attacking|hurting|slapping|threatening to kill|going to kill|gonna kill|trying to kill)\b(?!sel| (?:him|her|them)sel)"
        r"|\b(?:hitting|beating|punching|kicking|choking|strangling|attacking) (?:me|her|him|my|us|them)\b"
        r"|\b(?:will|going to|gonna|trying to|threatened to|threatening to|says he'll|says she'll|said he'?d|said she'?d) (?:kill|shoot|stab|hurt) (?:me|us|her|him|them|my|people|everyone|someone|anyone)\b"
        r"|\bscreaming (?:for help|and crying)\b|\bglass breaking\b|\bsmashing (?:things|everything|windows)\b|\bthreatening (?:us|me) (?:with|right)\b"
        r"|\bdog (?:is )?(?:attacking|mauling|biting) (?:a |my |the )?(?:kid|child|person|someone|man|woman|me)\b|\bmaul(?:ing|ed)\b"
        r"|\b(?:fight|fighting|brawl|riot) (?:outside|in the street|in front|right now|happening|going on)"
        r"|\b(?:fistfight|fist fight|street fight)\b|\braped?\b|\bsexual(?:ly)? assault",
    ),
    # an armed person heading into a school, a store, a crowd: a permit question beside it is a
    # different matter (only "they left", the past or "not" make it routine)
    _p(
        "armed-now",
        "emergency",
        "threat_now",
        r"\b(?:gun|guns|rifle|shotgun|weapon|knife|machete|ar-?15)\b.{0,40}\b(?:walking|going|heading|running|went) (?:into|in|toward|towards|to) (?:the |a |my )?(?:high school|school|mall|church|store|building|bar|office|playground|park|crowd)\b"
        r"|\b(?:walking|going|heading|running) (?:into|toward|towards) (?:the |a |my )?(?:high school|school|mall|church|store|building|bar|office|playground|crowd)\b.{0,40}\b(?:gun|rifle|shotgun|weapon|knife|machete)\b",
    ),
    # a child who swallowed medicine or a chemical: poison control and 911, whatever was asked
    _p(
        "child-swallowed",
        "emergency",
        "medical_now",
        rf"\b(?:my |the |our )?{CHILD}\b.{{0,30}}\b(?:just )?(?:swallowed|ate|drank|took) (?:a bunch of|a lot of|some of|all of|some|a few|the) (?:them|my|his|her|pills|meds|medicine|medications|bleach|detergent|pods|batteries|\w+ pills)\b",
    ),
    # fire, smoke, gas, carbon monoxide
    _p(
        "fire",
        "emergency",
        "fire",
        r"(?<!was there a )(?<!were there any )(?<!was that a )\bfire\b(?!\s*(?:lane|lanes|department|departments|dept|depts|truck|trucks|engine|fighters?|company|house|chief|museum|prevention|stations|works?|pit|place|arm|arms|safety|drill|marshal|permit|hydrant parking|code|extinguisher|alarms?|inspection|academy|truck parking|wood|station|hall))"
        r"|\bon fire\b|\bflames?\b|\bburning\b(?! (?:permit|ban|season|questions?))|\b(?:full of|filled with|filling with|filling up with|filled up with) smoke\b|\bsmoke (?:is )?(?:coming|pouring|everywhere|filling|in (?:the|my|our))"
        r"|\bsmell(?:s|ing)? (?:of )?(?:smoke|gas|burning)\b|\bgas leak\b|\bleaking gas\b|\bsmell gas\b|\bgas smell\b|\bsmells? like gas\b"
        r"|\bcarbon monoxide\b(?! detector)|\bco (?:alarm|detector) (?:is )?(?:going off|beeping|sounding)"
        r"|\bexplod(?:ed|ing)\b|\bwires? (?:down|sparking)\b|\belectrical fire\b|\b(?:power |electrical )?(?:lines?|wires?) (?:are )?(?:down|sparking)\b",
    ),
    # medical
    _p(
        "medical",
        "emergency",
        "medical",
        r"\b(?:not|isn't|isnt|stopped|can't|cant|cannot|trouble|hard time|struggling|barely) breathing\b|\bcan't breathe\b"
        r"|\bunconscious\b|\bunresponsive\b|\bslumped over\b|\b(?:can't|cannot|cant|couldn't) wake (?:him|her|them|my \w+|up)\b|\balcohol poisoning\b|\bnot responding\b|\b(?:kid|child|baby|toddler|infant|dog|puppy) (?:is )?(?:locked|left|trapped|stuck) in (?:a |the |their |his |her )?(?:hot )?car\b|\bpassed out\b|\bcollapsed\b|\bwon't wake up\b|\bnot waking up\b"
        r"|\bheart attack\b|\bchest pains?\b|\bstroke\b|\bseizure\b|\bconvuls|\boverdos(?:e|ed|ing)\b|\bod'?(?:ing|d)\b"
        r"|\bchoking\b|\bbleeding (?:badly|heavily|a lot|everywhere|out|profusely|from)\b|\blots of blood\b"
        r"|\bdrowning\b(?! in (?:paperwork|work|bills|debt|homework|emails?|laundry|assignments|tasks|stress|forms))|\bwent under (?:the water )?(?:and|&) (?:didn't|didnt|did not|hasn't|hasnt|never) (?:come|came) (?:back )?up\b|\bface ?down in the (?:water|pool|pond|lake|river|tub)\b|\b(?:lips|face) (?:are|is|turning|look|looks) (?:blue|purple|gray|grey)\b|\banaphyla|\ballergic reaction\b|\bno pulse\b|\b(?:he|she|they|someone|somebody|person|baby|man|woman|kid|child)(?: is|'s)? not moving\b|\bfell and can't get up\b|\b(?:lying|laying) (?:in|on) the (?:road|street|ground|floor|sidewalk)\b|\bfell through the ice\b"
        r"|\bgiving birth\b|\bwater broke\b|\bunder the ice\b|\bturning blue\b|\b(?:gave|give|needs) (?:him|her|them) narcan\b"
        r"|\b(?:is|are|'s|'re) bleeding\b|\bpeople (?:are )?(?:hurt|injured|bleeding|down)\b",
    ),
    # crashes with injuries
    _p(
        "crash-injury",
        "emergency",
        "crash",
        r"\b(?:crash|accident|wreck|collision|crashed|rolled over|flipped)\b.*\b(?:hurt|injur\w*|bleeding|trapped|pinned|unconscious|ambulance|not moving|dead|blood)\b"
        r"|\b(?:hurt|injur\w*|bleeding|trapped|pinned|unconscious)\b.*\b(?:crash|accident|wreck|collision)\b"
        r"|\b(?:hit|struck|run over) by a (?:car|truck|bus|vehicle|driver)\b|\bhit and run\b.*\b(?:hurt|injur\w*|bleeding|lying)\b"
        r"|\b(?:pedestrian|cyclist|biker|kid|child|person|man|woman) (?:was |got |just |just got |has been )?(?:hit|struck)\b|\b(?:drove|driven|crashed|plowed) into (?:a |the )?(?:crowd|people|house|building|store)\b|\bcar (?:just )?(?:flipped|overturned|rolled)\b"
        r"|\b(?:flipped|rolled) over\b.*\b(?:people|someone|somebody|kids?|driver|person|family) (?:inside|in it|trapped|stuck)\b"
        r"|\bdrunk driver\b.*\b(?:right now|swerving|on the road|heading)\b|\bwrong way driver\b",
    ),
    # missing children and vulnerable people
    _p(
        "missing-person",
        "emergency",
        "missing",
        rf"\b(?:my|our|a|the) (?:\w+ ){{0,3}}{CHILD} (?:is |has |'s |has been |'s been )?(?:missing|gone|lost|disappeared|went missing|wandered off|ran away|not home)"
        rf"|\b(?:my|our) {CHILD}\b.{{0,50}}\b(?:never|didn't|did not|hasn't|has not) (?:made it|make it|arrived|got there|shown up|showed up)\b"
        rf"|\bcan't find (?:my|our) {CHILD}\b|\b(?:my|our) {CHILD}\b.{{0,40}}\b(?:he|she|they) (?:never|didn't|did not|hasn't|has not) (?:come|came|got|gotten) home\b|\b{CHILD} (?:didn't|did not|hasn't|has not|never) (?:come|came) home\b|\bmissing (?:child|kid|toddler|baby)\b|\blost (?:my|our) {CHILD}\b"
        r"|\b(?:my|our) (?:mom|mother|dad|father|grandma|grandmother|grandpa|grandfather)(?: with dementia| who has dementia)? (?:is |'s |has )?(?:missing|wandered off|gone missing)",
    ),
    # pleas for immediate help
    _p(
        "plea",
        "emergency",
        "plea",
        r"\bsend (?:help|police|the police|cops|the cops|an? (?:officer|ambulance|cop)|someone)\b"
        r"|(?:^|please |pls |someone |somebody |can you |could you )call (?:the )?(?:police|cops|911|an? ambulance)(?: for me)?(?: please)?(?: now)?\s*[!.]*$"
        r"|\b(?:this is|it's|it is|i have|we have|there's) an emergency\b|^(?:emergency|sos|911)\s*[!.]*$"
        r"|^help\s*(?:me)?\s*!+|^(?:please )?help (?:me|us)(?: please)?\s*[!.]*$|^please help\s*[!.]*$|\bhelp me!|(?<!can )(?<!could )(?<!would )(?<!will )\bsome(?:one|body) (?:please )?help\b(?! me (?:with|find|install|understand|figure|get|know|learn|fill|choose|pick|set)\b)|\bplease help(?: me| us)? (?:now|fast|quick|asap)\b"
        r"|\bplease hurry\b|\bhurry please\b|\bneed (?:help|police|an ambulance|the police|an officer) (?:now|right now|asap|immediately|fast)\b"
        r"|\bi'm (?:hiding|locked in|trapped)\b|\bi'm scared for my life\b|\bafraid for my life\b|\bin danger\b(?! of (?:losing|getting a ticket))"
        r"|\bsos\b|\U0001F198|\bmayday\b",
    ),
    # a suicide attempt happening now is an emergency (911), not only a crisis line call
    _p(
        "attempt-now",
        "emergency",
        "medical_now",
        r"\b(?:threatening|about|going|trying) to jump\b|\b(?:on|at) the (?:roof|ledge|edge of)\b.*\bjump"
        r"|\b(?:took|swallowed|has taken|downed) (?:a bunch of|a lot of|all (?:of )?(?:his|her|their|the)|a whole bottle of|the whole bottle of|an entire bottle of|a bottle of|like \d+ of (?:my|his|her|their) (?:\w+ )?) ?(?:pills|meds|tablets|sleeping pills|\w+ pills)\b|\bhanging (?:himself|herself|themselves)\b",
    ),
    # abuse by a partner or family member (an emergency only when it is happening now)
    _p(
        "domestic-violence",
        "domestic_violence",
        "abuse",
        rf"\b(?:my|her|his|our) (?:\w+ )?{FAMILY} (?:\w+ ){{0,2}}(?:hit|hits|hitting|beat|beats|beating|punched|punches|punching|choked|chokes|choking|slapped|slaps|slapping|pushed|pushes|pushing|shoved|shoves|shoving|kicked|kicks|kicking|grabbed|grabs|grabbing|abuses|abused|abusing|threatened|threatens|threatening|hurt|hurts|hurting|raped|strangled|strangles) (?:me|her|him|us|them|my)\b"
        rf"|\bmy (?:\w+ )?{FAMILY}\b.{{0,80}}\b(?:he|she) (?:hit|hits|beat|beats|slapped|choked|pushed|kicked|punched|grabbed|strangled) (?:me|my)\b"
        rf"|\bmy (?:\w+ )?{FAMILY}\b.{{0,60}}\b(?:threatened|threatens|threatening|says he'll|says she'll|said he'd|said she'd|says he will|says she will) (?:to )?(?:\w+ ){{0,5}}(?:hurt|kill|shoot|stab|burn|take the (?:baby|kids?|children)) ?(?:me|us|my|the)?\b"
        rf"|\b(?:abusive|violent) (?:\w+ )?(?:{FAMILY}|relationship|home)\b",
    ),
    # abuse the writer is living with, told beside a routine question ("how do I get a records
    # check on my boyfriend, he's been getting violent and grabbing my neck"): the question's own
    # context (a record, a permit) does not make it routine, so this kind gives way only to "not"
    _p(
        "abuse-ongoing",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:he|she)(?:'s| is|s| has|'s been| has been|s been| keeps| kept) (?:been )?(?:getting (?:violent|physical|rough)|hitting|beating|choking|strangling|slapping|punching|kicking|shoving|pushing|hurting|grabbing) (?:me|my (?:neck|throat|arm|arms|hair|mom|mother|dad|kids?|children|son|daughter|sister|brother|grandma|grandmother))\b"
        r"|\b(?:he|she) (?:beats|hits|chokes|slaps|punches|kicks|shoves|pushes|strangles|hurts|bites) me\b|\b(?:shoves|pushes|knocks|slaps|beats) (?:me|us) around\b"
        r"|\b(?:grabs|grabbed|grabbing|squeezes|squeezed|squeezing) (?:me by )?(?:my|the) (?:neck|throat)\b|\b(?:throws|threw|throwing) (?:things|stuff|plates|dishes|\w+) at me\b"
        r"|\b(?:says?|said|told me|tells me) (?:that )?(?:he'?ll|hell|she'?ll|shell|he will|she will|he'?d|she'?d|he would|she would) (?:hurt|kill) me\b|\b(?:he|she)(?:'s| is)? (?:back )?(?:\w+ ){0,3}(?:threatening|threatens) (?:me|us|my (?:kids?|children|family))(?: again)?\b|\bpointed a (?:gun|knife) at me\b"
        r"|\b(?:he|she) (?:hit|beat|choked|punched|slapped|kicked|strangled) me\b|\bpushed me down\b|\bkeeps? (?:hitting|beating|hurting|choking|slapping) (?:me|my|her|him)\b|\b(?:he|she) beats me\b",
    ),
    # asking for protection from an abuser: the domestic-violence reply (Safe Connect, the court)
    _p(
        "protective-order",
        "domestic_violence",
        "abuse_help",
        r"\b(?:restraining|protective|protection) orders?\b|\borders? of protection\b"
        r"|\b(?:leave|leaving|get out of|escape|escaping) (?:an? |my )?(?:abusive|violent) (?:relationship|marriage|home|partner|husband|wife|boyfriend|girlfriend)\b",
    ),
    # warning signs of suicide said indirectly (988 Lifeline and AFSP warning-sign lists): saying
    # goodbye, giving things away, getting the means, being a burden, no reason to live, wanting to
    # disappear or not wake up, affairs put in order, someone else talking about dying
    _p(
        "warning-signs",
        "crisis",
        "crisis",
        r"\b(?:wrote|writing|written|write|left|leaving|sent|texted|posted|recorded) (?:\w+ ){0,3}(?:goodbye|farewell|suicide|last) (?:letters?|notes?|messages?|texts?|posts?|videos?)\b"
        r"|\b(?:saying|said|say|texted|messaged) (?:my |his |her )?goodbyes?\b(?! to (?:the|a|our) (?:officer|chief|retir))|\bgoodbye (?:letters?|notes?|texts?|messages?) to\b"
        r"|\bgiv(?:e|es|ing|en|ng) away (?:all |most )?(?:of )?(?:my|his|her|their) (?:stuff|things|belongings|possessions|clothes|stuff|guitar|games|jewelry|pets?|dog|cat|cats|dogs|money)\b"
        r"|\bwon't (?:be needing|need) (?:it|them|any of (?:it|this|them)|my \w+)\b(?! for)|\bwhere i'm going\b"
        r"|\b(?:bought|buying|got|getting|ordered|found) (?:a |some |the )?(?:rope|noose)\b|\bnoose\b|\btie a noose\b"
        r"|\b(?:saving|saved|stockpil\w*|hoard\w*|collecting|stash\w*) (?:up )?(?:my |all my |his |her |their |a bunch of )?(?:pills|meds|medications?|sleeping pills|painkillers)\b"
        r"|\b(?:i'm|i am|i feel like|feel like|feeling like|i've become|i'm just) (?:\w+ )?(?:a |such a )?burden\b|\beveryone(?:'d| would) be better off\b|\bbetter off (?:if i (?:was|were|wasn't|weren't)|without (?:me|him|her|them))\b"
        r"|\b(?:no one|nobody|noone|no-one) would (?:even )?(?:notice|care|miss me) if i\b|\bwhen i'm (?:gone|not here|dead)\b|\bafter i'm gone\b"
        r"|\bno (?:reason|point) (?:to|in|for) (?:live|living|go on|going on|keep going|keeping going|being here|being alive|anything|trying|me)\b"
        r"|\b(?:don't|can't|do not|cannot) see (?:the |any )?point (?:in|of|to) (?:going on|living|life|anything|any of (?:it|this)|being here|trying|keep going)\b|\bwhat'?s the point (?:of|in) (?:living|life|going on|being alive|anything|even trying|me)\b|\bwhat'?s the point anymore\b"
        r"|\b(?:want|wish i could|just want to|i'd like to) (?:to )?(?:disappear|vanish|not exist|stop existing|go to sleep (?:and|forever)|sleep forever|not wake up|never wake up|not be here|fade away)\b"
        r"|\b(?:won't|will not|wont|not going to) be (?:here|around|alive) (?:much longer|tomorrow|anymore|for long|next week|by|to (?:see|start|finish|watch|celebrate|enjoy|need|use) it)\b|\bnot be (?:here|around) (?:much longer|anymore)\b|\bi'll be gone soon\b"
        r"|\bno way out\b|\bcan't (?:keep|go on) (?:living )?like this\b|\b(?:tired|sick) of (?:living|being alive|life)\b|\bdone with (?:life|living|being alive|it all)\b|\bgive up on (?:life|living)\b"
        r"|\b(?:unbearable|can't bear (?:the|this)) pain\b|\bpain (?:will|would) (?:stop|end) (?:if|when) i\b"
        r"|\b(?:putting|put|getting|got) (?:my|his|her|their) affairs in order\b|\b(?:made|wrote|written|updated) (?:my|a|his|her) will\b.*\b(?:tonight|goodbye|won't|anymore|soon|ready)\b"
        r"|\b(?:talking|talks|talked|posting|posted|posts|joking|jokes|keeps? saying|said|says|texted|writing) (?:\w+ ){0,2}about (?:dying|death|killing (?:himself|herself|themselves|myself)|ending (?:it|his life|her life|their life)|not being (?:here|around)|wanting to die|suicide|disappearing forever)\b"
        r"|\b(?:pray|praying|hope|hoping|wish|wishing) (?:that )?i (?:don't|do not|never|won't|wouldn't) (?:wake up|come back|make it|survive)\b|\bhoping (?:\w+ ){0,5}(?:hits|kills|finishes|runs over|takes) me\b"
        r"|\b(?:world|everyone|everybody|my family|they)(?:'d| would| will)? (?:be )?(?:better|lighter|happier|easier) without me\b|\b(?:world|nobody|no one) (?:doesn't|does not) need me\b"
        r"|\b(?:thinking about|think about|thought about|considering|going to|plan on|ready for|ready to start) ending it\b|\bending it (?:feels|seems|is) like\b|\bend (?:it all|things|everything|my life|it for good)\b"
        r"|\bcheck(?:ing)? out for good\b|\b(?:have|made|got|i've got) a plan (?:and a date|to (?:end|kill|die|do it)|for how)\b|\bplann(?:ing|ed) how to do it\b|\brehears\w* (?:it|how|my)\b"
        r"|\b(?:think|thinking|thought|fantasi[sz]e|fantasi[sz]ing|dream|dreaming) about (?:dying|death|being dead|killing myself|not being alive|not existing|overdosing|taking all my (?:pills|meds))\b"
        r"|\b(?:saving|saved|stockpil\w*|hoard\w*|collecting) (?:them|these|it) (?:up )?to take (?:them |it )?all at once\b"
        r"|\b(?:step|stepping|jump|jumping|walk|walking) (?:off|in front of|into) (?:the|a) (?:platform|train|bus|truck|traffic|ledge|bridge)\b|\bin front of (?:a|the) (?:bus|train|truck) on purpose\b"
        r"|\bdrive (?:it |my car |the car )?(?:off|into) (?:a|the) (?:cliff|bridge|wall|tree|reservoir|river|lake|quarry)\b"
        r"|\b(?:sitting|sit|sat) in (?:the|my) garage with the (?:car|engine) running\b|\bgarage with the (?:car|engine) running\b"
        r"|\b(?:waste of (?:space|air|oxygen)|nothing but a burden)\b|\bone last time\b.*\b(?:love|goodbye|sorry)\b|\b(?:love|goodbye|sorry)\b.*\bone last time\b"
        r"|\b(?:sleep|go to sleep) and (?:not|never) wake up\b|\bready to (?:die|go)\b(?! (?:to|on|out|home|back|shopping)\b)|\bmy last (?:day|night) (?:alive|on earth)\b|\bthis is my last (?:message|text|night)\b|\bthis is (?:probably |likely |prob )?my last (?:week|day|weekend)\s*[.!]*$",
    ),
    # a person at the door or window, threatening, now ("my ex is outside my door right now with a bat")
    _p(
        "at-the-door",
        "emergency",
        "crime",
        rf"\b{PERSON}(?: is|'s| are|'re| keeps?)? (?:outside|at|banging on|pounding on|kicking|trying) (?:\w+ )?(?:my|our|the) (?:front |back |bedroom |apartment )?(?:door|window|house|apartment)\b.*\b(?:with a|bat|crowbar|hammer|axe|threat|won't leave|yelling|screaming|banging|kicking|right now|now)\b"
        r"|\b(?:with a|holding a|has a|swinging a) (?:baseball )?(?:bat|crowbar|hammer|axe|tire iron)\b.*\b(?:outside|door|window|threat|coming|now)\b",
    ),
    # crisis: suicide, self-harm, mental-health crisis
    # the writer's own wish to die, said beside a question ("how do I get a pistol permit, I want
    # a gun to end my life"): a question's how-to context never makes this routine
    _p(
        "self-harm-first-person",
        "crisis",
        "crisis_self",
        r"\bi (?:want|need|am going|'m going|plan|intend) (?:\w+ ){0,4}(?:to )?(?:end my (?:life|own life)|kill myself|take my (?:own )?life|die tonight)\b"
        r"|\bto (?:end my (?:life|own life)|kill myself|take my own life)\b",
    ),
    _p(
        "self-harm",
        "crisis",
        "crisis",
        r"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|burn|burning|end|ending) (?:my ?self|myself)\b"
        r"|\bsuicid(?:e|al)\b|\bend (?:my|it|her|his|their) (?:life|all)\b|\bunaliv|\bbetter off without me\b|\b(?:been|started|keep|am|i'm) cutting (?:again|myself|my (?:arms?|wrists?|legs?))\b|\bcutting again\b|\b(?:going to|want to|will|plan to|ready to) end (?:it|things|everything)\b|\b(?:nobody|no one|no-one) would (?:miss|care about) me\b|\blife (?:isn't|is not|ain't) worth living\b"
        r"|\bdark thoughts\b|\bfeel(?:ing)? hopeless\b|\bcrisis (?:counselor|line|hotline)\b"
        r"|\b(?:take|took|swallow|swallowed) (?:them all|all (?:of )?(?:my|the|these|them)(?: pills)?|a bunch of pills|a lot of pills)\b|\bending (?:my life|it all)\b|\bend it all\b"
        r"|\b(?:want|wants|wanting|going|ready|wish|wishes) (?:to )?(?:die|be dead)\b(?! (?:laughing|of (?:laughter|embarrassment|boredom|hunger|cringe)|from (?:embarrassment|laughing)))|\bwish i (?:was|were) dead\b|\bbetter off dead\b"
        r"|\b(?:don't|doesn't|dont|doesnt|do not|does not) want to (?:live|be alive|be here|exist|wake up)\b|\bno (?:reason|point) (?:to|in) (?:live|living|go on)\b"
        r"|\btake my (?:own )?life\b|\bunalive\b|\bnot worth living\b|\bi can't go on\b"
        r"|\b(?:pills|rope|bridge) to end\b|\bjump off (?:a|the) (?:bridge|roof|building)\b|\bslit (?:my|her|his) wrists?\b"
        r"|\b(?:kill(?:ing)?|hurt(?:ing)?|harm(?:ing)?|cut(?:ting)?|burn(?:ing)?|hang(?:ed|ing)?|overdose) (?:him|her|them|my)sel(?:f|ves)\b|\bthreatening suicide\b|\btalking about suicide\b"
        r"|\bmental health (?:crisis|emergency)\b|\bhaving a (?:breakdown|mental breakdown|psychotic)\b|\bpanic attack\b"
        r"|\bvoices (?:are )?telling (?:me|him|her) to\b",
    ),
)

# --- context --------------------------------------------------------------------------------

PRESENT = re.compile(
    r"(?<!not )\bright now\b|(?<!safe )(?<!okay )(?<!ok )(?<!fine )(?<!over )(?<!open )(?<!happens )(?<!do )(?<!closed )(?<!different )(?<!better )(?<!done )\bnow\s*[!.]*$|\bnow!|\b(?:here|there|outside|inside|happening|going on|coming|come|hurry|help|please) now\b"
    r"|\band now\b|\bnow (?:he|she|they|it|there)(?:'s| is| are|'re)\b|\bcurrently\b|\bat the moment\b|\bas we speak\b|\bas i (?:type|write|text)\b"
    # (thirteenth sets) "someone is stealing my catalytic converter, I can hear it"
    r"|\bi can (?:hear|see) (?:it|them|him|her)\b(?! (?:every|all the time|at night|sometimes|on weekends))"
    r"|\b(?:is|are|'s|'re) happening\b|\bin progress\b|\bstill (?:here|there|inside|outside|in the|in my|at|on(?! file| record)|going|burning|bleeding|not)\b"
    r"|\bhurry\b|\bplease help\b|\bhelp me\b|!!|\bjust (?:now|happened|broke|shot|stabbed|hit|collapsed|been|got|was|robbed|mugged|attacked|assaulted|fired|flipped|crashed|fell|grabbed|swallowed|took off|ran off|drove off|went under|stopped breathing|passed out)\b"
    r"|\b(?:is|are|'s|'re) (?:on the floor|on the ground|not breathing|unconscious|unresponsive|not moving|turning blue)\b|\bspreading\b|\b(?:alarm|detector) (?:is |'s )?(?:going off|beeping|sounding)\b"
    r"|\b(?:is|are|'s|'re) (?:breaking|trying|coming|hitting|beating|choking|strangling|stabbing|punching|kicking|slapping|hurting|threatening|shooting|attacking|fighting|following|chasing|stalking|screaming|waving|pointing|running|fleeing|hiding|lurking|burning|bleeding|dying|drowning|outside|inside|here)\b"
    r"|\b(?:está|esta|estão) \w+(?:ando|endo|indo)\b"
    r"|\bi'm (?:hiding|bleeding|trapped)\b|\b(?:he|she|they)(?:'s| has|'ve) got\b|\bhas a (?:gun|knife|weapon)\b"
)
PAST = re.compile(
    r"\bovernight\b(?! (?:parking|park|permits?|omits?|pass(?:es)?|rules?|ban))|\blast (?:night|week|month|year|weekend|spring|summer|fall|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|time)\b"
    r"|\b(?:\d+|a|an|one|two|three|four|five|six|few|couple(?: of)?|several) (?:days?|weeks?|months?|years?) ago\b"
    r"|\byesterday\b|\bback in\b|\bin (?:january|february|march|april|june|july|august|sept?|september|october|november|december|jan|feb|aug|oct|nov|dec)\b|\bin (?:19|20)\d\d\b|\bin the (?:19|20)?\d0'?s\b|\bdid time\b|\bserved time\b|\ba while (?:ago|back)\b|\bover the (?:weekend|summer|holidays)\b"
    r"|\bpreviously\b|\bearlier this (?:week|month|year)\b|\bwhen (?:\w+ ){0,4}(?:was|were|got|had) \w+|\bfrom when\b|\bafter (?:\w+ ){0,3}(?:was|were|got) \w+"
    r"|\bthe other (?:day|night|week)\b|\bon (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\bthere (?:was|were) (?:a|an|some)\b|\b(?:we|i) had (?:a|an)\b"
)
RECORDS = re.compile(
    r"\b(?:video|footage|recording|body ?cam|dash ?cam)s? (?:of|from)\b|\bbody ?cam\b|\battorney\b|\b(?:copy|copies) of\b|\b(?:police|accident|crash|incident|case|arrest) reports?\b|\breport (?:number|#)\b"
    r"|\b(?:restraining|protective|protection) order (?:paperwork|forms?)\b"
    r"|\bcase (?:number|#)\b|\bget (?:a|the|my) report\b|\bfor (?:my |the )?insurance\b|\brecords? (?:request|division|office)\b"
    r"|\bfollow ?up on\b|\bupdate on (?:my|the) case\b|\bdetective (?:assigned|handling|on my case)\b|\bfile a report\b|\bmake a report\b"
    r"|\breport (?:a|an|the|my) (?:theft|break-?in|burglary|stolen|crime|incident|accident)\b"
    # (eleventh sets)
    r"|\brenew(?:al|ed|ing|s)?\b"
)
INFORMATIONAL = re.compile(
    r"\bwhat (?:should|do|can) (?:i|you|we|people) do (?:if|when|in case|in an?|during|about|with)\b|\bwhen (?:i|you|we|they) (?:call|text|dial)\b|\bdispos(?:e|al)\b|\bis it legal\b|\blegal to\b|\billegal to (?:carry|own|have|keep|buy|sell|ship|bring|transport|possess|use|shoot|hunt)\b|\billegal in (?:ct|connecticut)\b|\bis (?:that|it|this) true\b|\brumou?rs?\b|\bnextdoor\b|\b(?:saw|read|seen) (?:it )?on (?:facebook|fb|nextdoor|the news|instagram|tiktok|twitter)\b|\bpeople (?:keep|are) saying\b"
    r"|(?:^|[.?!,] )(?:hypothetically,? )?if (?:i|you|we|there|someone) (?:ever|was ever|were ever|is ever)\b|\bhypothetically\b|\bwhat (?:do|should) (?:i|you|we) do if\b|\bgood samaritan\b"
    r"|\b(?:do|does|can|would|will|should|what does|what do) (?:an? |the )?(?:officer|cop|police officer|detective)s?\b|\b988 (?:is |only )|\b(?:is|does|can|what is|whats|what's) 988\b"
    r"|\bstats\b|\b(?:hockey|softball|basketball|football|baseball|charity) (?:game|match|tournament)\b|\bguns (?:and|n|&) hoses\b|\bhow (?:do|can) (?:i|you) become\b|\bnegotiator\b"
    r"|\bdrills?\b|\bawareness\b|\bvigil\b|\bpresentation\b|\bassessment\b|\btrain (?:teachers|staff|employees|our)\b|\b(?:nearly|almost) had a heart attack\b|\bgave (?:me|him|her) a heart attack\b"
    r"|\b(?:do|does|are|can) (?:police|officers?|cops|the police)\b|\bpolice officers? (?:use|carry|have)\b|\bwhat (?:to do|happens) (?:if|when)\b"
    r"|\bhow (?:do|can|should) (?:i|you|we|people) (?:text|call|dial|report|use|prepare|prevent|protect|keep|avoid|get|know|tell|recognize|spot|help someone)\b"
    r"|\bwhen (?:should|do|can) (?:i|you|we) (?:call|text|use) 911\b|\b(?:should|can|do|could) (?:i|we) (?:call|text|dial) (?:911|the police|the cops|police)\b|\bis it (?:ok|okay|alright) to call 911\b"
    r"|\b(?:safety )?tips?\b|\bprevent(?:ion|ing)?\b|\bclass(?:es)?\b|\bcourse\b|\btraining\b|\bworkshop\b|\bacademy\b"
    r"|\bsmoke (?:detector|alarm)s?\b|\bdocumentar(?:y|ies)\b|\bfire (?:safety|drill|extinguisher)\b|\bcpr\b|\bnarcan training\b|\b(?:overdose|naloxone|narcan) (?:response |prevention |reversal |awareness )?(?:kits?|nights?|trainings?|programs?|events?|boxes)\b|\boverdose (?:prevention|awareness|response)\b|\bin case of\b|\bif (?:someone|a person|there's|there is|i see)\b"
    r"|\bmisdial|\bby (?:mistake|accident)\b|\baccidentally (?:called|dialed|dialled|texted)\b|\bpocket dial|\bbutt dial"
    r"|\blegal (?:blade|length|limit|size|age)\b|\bblade (?:length|lenght|size)s?\b|\blessons?\b|\bstatistics\b|\bcrime rate\b|\bhow (?:many|often)\b|\bnews\b|\barticle\b|\bmovie\b|\bvideo game\b|\bbook\b|\bsong\b|\b(?:tell|know|heard|a good|funny|cop|police) jokes?\b"
    r"|\b(?:is|are) (?:it |they |we |you |people )?(?:\w+ ){0,4}allowed\b|\bam i allowed\b|\bwhat to do (?:during|in)\b"
    r"|\bwhat'?s the (?:process|procedure|rule|law|policy)\b|\bwho do (?:i|we) (?:call|tell|notify|report (?:it|this|that) to)\b"
    r"|\b(?:student |short |indie )?films?\b|\bfilming\b|\bescape plan\b|\bis there a (?:program|class|group|service)\b"
    r"|\b(?:i'm|we're|you're|he's|she's) on fire (?:at|in|today|tonight|this|lately)\b|\blegally\b|\bwarning signs\b|\b(?:died|passed away|passed) by suicide\b|\blost (?:\w+ ){0,3}to suicide\b"
    r"|\bfree fire\b|\bfortnite\b|\bcall of duty\b|\bgta\b"
    r"|\b(?:cat|dog|deer|bird|raccoon|squirrel|possum|skunk|animal|pet|goose|fox) (?:\w+ ){0,3}(?:died|dead|got hit|was hit|run over|hit by)\b"
    # (eleventh sets)
    r"|\b(?:home|house|vacation|residential) (?:security |watch )?checks?\b"
    r"|\b(?:event|party|show|food|class|game|concert|thing)\b.{0,30}\bwas (?:straight |so |lowkey |really |actually )?fire\b"
    # (twelfth sets)
    r"|\bwhat am i supposed to do (?:if|when)\b|(?:^|[.?!,] )if (?:my|our) (?:\w+ ){0,2}(?:ever|was ever|were ever)\b|\bjust (?:want|wanted|trying) to be prepared\b|\bjust curious\b"
    r"|\bis it (?:ok|okay|alright|safe) to (?:keep|carry|have|store|own|bring|leave)\b"
    # (thirteenth sets) preparing ahead ("we want to be prepared"); what the law counts as a
    # firearm ("is a crossbow considered a firearm")
    r"|\b(?:want|wanted|trying|like|need|try) to be (?:better |more )?prepared\b|\bpreparedness\b|\b(?:come|coming|visit|stop by) (?:\w+ ){0,4}to (?:talk|speak|present) (?:to (?:\w+ ){1,3})?(?:about|on)\b"
    r"|\b(?:considered|classified as|counts? as|counted as|qualif(?:y|ies) as|defined as) (?:an? |the )?(?:\w+ )?(?:firearm|weapon|gun|deadly weapon)s?\b"
)
PERMIT = re.compile(
    r"\b(?:career|job) fairs?\b|\b(?:pistol|gun|handgun|firearms?|weapons?) (?:permit|license|licence|course|class|safety|registration|training|laws?|rules?|carry|locks?|buy ?backs?)\b"
    r"|\b(?:cable|trigger) locks?\b|\bbuy ?back\b|\bno questions asked\b|\bmoved (?:here )?(?:from \w+ )?with (?:my|our) (?:guns|firearms)\b"
    r"|\b(?:permit|license|licence) (?:for|to carry) (?:a )?(?:pistol|gun|handgun|firearm)\b|\beligibility certificate\b"
    r"|\b(?:permit|premit|permitt|pemit)\b|\b(?:nerf|toy|water|squirt|airsoft|bb|paintball|cap|glue|nail) guns?\b|\bshooting range\b|\bgun (?:club|range|show|shop|store)\b|\bfire (?:lane|department|marshal|hydrant)\b|\bfirework"
    r"|\bknife (?:sharpening|laws?)\b|\bbomb squad\b|\bsmoke shop\b|\bsmoking (?:ban|area)\b|\bfired from\b|\bburn(?:ing)? permit\b"
    r"|\bsell(?:ing|s)?\b|\bbuy(?:ing)? (?:a|an|my|his|her) (?:\w+ )?(?:gun|rifle|pistol|shotgun|handgun|knife|bow)\b|\bminimum age\b|\bhunters?\b|\b(?:bow|deer|hunting|turkey) season\b"
    r"|\bcan i (?:legally )?(?:bring|carry|take|have|keep|own|buy|transport|ship|mail|sell|give)\b|\bantique\b|\bheirloom\b|\bww ?(?:2|ii|1|i)\b|\bcollection\b|\bdecorative\b|\bpocket ?kni(?:fe|ves)\b|\bswiss army\b|\bkitchen knife\b|\bregister(?:ed|ing)?\b|\bregistration\b|\bfor (?:the )?(?:yard|garden|brush|kitchen)\b|\bsolicit|\bsales(?:man|person|people)?\b|\bpeddl|\bdoor-to-door\b"
    # lawful carry at a traffic stop tempers a weapon named, like a permit (not a weapon drawn, which
    # only "informational" would temper)
    r"|\b(?:legal|legally owned|licensed|registered|permitted|lawful) (?:firearm|gun|handgun|pistol|weapon|rifle)s?\b|\b(?:pulls?|pulled|stops?|stopped) me over\b|\bpulled over\b|\btraffic stop\b"
    r"|\btransport(?:ing)?\b|\bunloaded\b|\blocked (?:case|box|safe|container)\b|\btarget (?:shooting|practice)\b|\bprop (?:guns?|knife|knives|weapons?)\b"
    r"|\bsurrender(?:ing)? (?:it|them|a|an|the|my|his|her|our)\b|\bget rid of (?:a|an|the|my|his|her|our|their) (?:old )?(?:\w+ )?(?:guns?|rifles?|shotguns?|pistols?|firearms?|revolvers?)\b|\bhunting\b"
    r"|\b(?:the|a) range\b|\b(?:police|firing|outdoor|indoor|public|town) range\b|\bpractice (?:shooting )?with (?:my|a|the|his|her) (?:new )?(?:pistol|gun|rifle|handgun|shotgun|revolver)\b"
    r"|\b(?:fire|town|noon) (?:sirens?|whistles?|horns?)\b|\blocked in the (?:trunk|car|case)\b|\bfake\b|\breplicas?\b|\bcostume\b|\bhalloween\b|\bcosplay\b"
    r"|\bregister(?:ing)? (?:my|a|the|our|his|her) (?:\w+ )?(?:guns?|firearms?|pistols?|rifles?|handguns?)\b"
    # (ninth sets) an inherited gun, transferred; "is a switchblade legal in CT"; storing guns
    r"|\binherited (?:a |an |my |his |her |our |the )?(?:\w+'s |\w+ ){0,2}(?:guns?|rifles?|shotguns?|pistols?|revolvers?|firearms?|handguns?)\b|\btransfer (?:them|it|the (?:\w+ )?(?:guns?|firearms?|rifles?|shotguns?|pistols?)) (?:in)?to (?:my|our|his|her) name\b"
    # ("legal to carry" is informational already)
    r"|\b(?:legal|illegal|allowed|lawful) in (?:ct|connecticut|the state|this state|town|west hartford|danbury)\b"
    r"|\bstor(?:e|ing|age of) (?:my |our |the |a |your )?(?:\w+ )?(?:guns?|firearms?|rifles?|pistols?|ammo|ammunition)\b|\block ?box(?:es)?\b|\bgun safes?\b"
    r"|\b(?:late \w+|grand(?:father|mother|pa|ma)|dad|father|uncle|aunt) left (?:me |us )?(?:a|an|his|her|some|a few|several|two|three|all (?:his|her|of his|of her)) (?:\w+ ){0,2}(?:guns?|revolvers?|rifles?|shotguns?|pistols?|firearms?)\b"
    r"|\b(?:guns?|revolvers?|rifles?|shotguns?|pistols?|firearms?) (?:\w+ ){0,3}(?:to )?get rid of\s*[.!?]*$"
    # (eleventh sets)
    r"|\bdoes (?:ct|connecticut|the state|the law|the town) require\b|\b(?:buy|buying|bought|sell|selling) (?:\w+ ){0,4}privately\b|\bprivate (?:sale|transfer)s?\b"
    r"|\bcheck (?:if|whether) (?:a|the|my|this) (?:\w+ ){0,3}(?:gun|firearm|rifle|pistol|shotgun)\b|\bsharpen(?:ed|ing)?\b"
)
NEGATION = re.compile(
    r"\bnot (?:threatening|hurting|bothering) (?:anyone|anybody)\b|\bin general,? not right now\b|\bnot happening (?:right )?now\b|\bnothing (?:serious|urgent)\b|\b(?:no ?one|nobody|noone|no-one|none of us) (?:was|is|got|were|'s) (?:hurt|injured|harmed)\b|\bno (?:injuries|injury|one hurt)\b"
    r"|\b(?:everyone|everybody)(?: is| was|'s|s) (?:ok|okay|fine|safe|alright|unhurt)\b"
    r"|\b(?:it's not|it is not|this is not|this isn't|it isn't|not) (?:an |a real )?emergency\b|(?<!the )(?<!your )\bnon-?emergency\b(?! (?:line|number|phone|#))|\bnot urgent\b"
    r"|\b(?:nobody|no ?one|noone|no-one) (?:hurt|injured)\b|\bminor (?:accident|crash|fender|collision)\b|\bsmall (?:accident|crash|fender|collision)\b|\bfender ?bender\b|\bjust (?:a )?(?:scratch|dent|bump)\b"
    # (eleventh sets)
    r"|\b(?:it's|its|it is|this is) not (?:happening )?(?:right )?now\b|\b(?:there's |there is |there was )?no violence\b"
)

GONE = re.compile(
    r"(?<!after )(?<!when )(?<!once )(?<!before )(?<!if )\b(?:they're|they are|he's|she's|they've|he has|she has|they have) (?:gone|left)\b|\bno longer (?:there|here)\b"
    r"|\b(?:the )?(?:cars|trucks|vehicles|cops|police|fire trucks|ambulances|crowd) (?:are|were) (?:all |long )?gone\b"
    r"|\b(?:caught|arrested|got) (?:the guy|the shooter|the suspect|the man|the person)\b|\b(?:caught|arrested) (?:him|her|them)\b"
    r"|\b(?:nobody|no ?one)(?: is|'s) (?:there|home|inside)(?: now| anymore)?\b|\bwhile (?:we|i) (?:were|was) (?:away|out|gone)\b"
)

# Lost, found and handed-in things: a knife or a gun as property, not as a threat.
PROPERTY = re.compile(
    r"\blost (?:my|a|an|his|her|our|their|the|one of my)\b|^lost \w+|\bstarter pistol\b|\bempty holster\b|\bfound a (?:bag|box|case|backpack) with\b|\blost and found\b|\bmisplaced\b"
    r"|\b(?:turn(?:ed|s)?|hand(?:ed|s)?) (?:it |them |one |this |that )?in\b|\bturn in (?:a|an|my|the)\b"
    r"|\b(?:did|has) (?:anyone|anybody|someone) (?:find|found|turn|turned|hand|handed)\b"
    r"|\b(?:lost|stolen) or (?:lost|stolen)\b|\breport(?:ing)? (?:a |my |the |our )?(?:lost|stolen|missing) (?:gun|firearm|pistol|rifle|handgun|shotgun|weapon)s?\b"
    r"|\bleft my\b|\bfound (?:a|an|the|some|this|my \w+'?s?|an old|a rusty|an empty) (?:\w+ )?"
    r"(?:knife|knives|gun|pistol|revolver|rifle|bullets?|ammo|ammunition|shell casings?|machete|"
    r"holster|gun case|bow|pellet gun|starter pistol)s?\b"
    # (twelfth sets)
    r"|\b(?:can't|cannot|can not) find (?:my|our|his|her) (?:old )?(?:\w+ )?(?:guns?|rifles?|pistols?|shotguns?|handguns?|revolvers?|firearms?|knife|knives|machete)\b"
)


# Third pass (2026-12-01, session 5), general causes from the urgent sets' mistakes:
PATTERNS = (
    *PATTERNS,
    # the subject of domestic violence named, not a disclosure: a question's context makes it routine
    _p("dv-topic", "domestic_violence", "abuse_topic", r"\bdomestic (?:violence|abuse)\b"),
    # signs that someone is dying now: "by accident" or a how-to beside them changes nothing
    _p(
        "medical-now",
        "emergency",
        "medical_now",
        r"\b(?:won'?t|doesn'?t|isn'?t|can'?t|not) (?:wake|waking) (?:up|her|him)?\b"
        r"|\b(?:isn'?t|is not|not|stopped|stop) breathing\b|\bunresponsive\b|\bturning (?:blue|purple)\b|\bno pulse\b"
        r"|\bface (?:is )?drooping\b|\bslurr(?:ed|ing) (?:speech|words|her words|his words)\b|\bcan'?t (?:talk|speak) right\b",
    ),
    # on the railway tracks, waiting: a suicide attempt now
    _p(
        "tracks",
        "emergency",
        "medical_now",
        r"\b(?:standing|parked|sitting|lying|laying|waiting|walking) on (?:the )?(?:train |railroad |railway )?tracks\b|\bbefore the train comes\b",
    ),
    _p(
        "coming-at-me",
        "emergency",
        "threat_now",
        r"\b(?:is|s|'s|are|'re) (?:coming at|coming after|charging at|lunging at) (?:me|us|my)\b",
    ),
    _p(
        "no-reason",
        "crisis",
        "crisis_self",
        r"\bno (?:reason|point) (?:to|in) (?:stick(?:ing)? around|stay(?:ing)?|keep(?:ing)? going|be(?:ing)? here|trying anymore)\b",
    ),
)


# Fourth pass (2026-12-01, session 6), general causes from the fourth urgent sets' mistakes:
# - a message written for others (a flyer, a school paper, a talk for a class, a group chat) asks
#   about danger, it does not report one ("audience");
# - abuse the writer says is behind them ("that was 8 years ago, I'm safe now") is not DV now;
# - lawful guns: transporting, surrendering, target shooting, props; "is X allowed";
# - warning signs: asking how lethal a method is, "forgive me for everything";
# - abuse by control: locked in, papers taken, threats of deportation; power lines sparking.
AUDIENCE = re.compile(
    r"\b(?:brochures?|pamphlets?|leaflets?|handouts?)\b|\b(?:flyers?|posters?) (?:about|on|for)\b|\bin my (?:screenplay|novel|story|script|book|play)\b|"
    r"\b(?:to|and) (?:post|share|print|hand out|pass out|distribute) (?:it|this|that|them|these|the (?:number|numbers|info|information|hotline|line))?\s?(?:in|on|at|for|around|with) (?:our|the|my|a|his|her|their)\b"
    r"|(?<!not )\bfor (?:a|my|our|his|her|their|the) (?:\w+ ){0,2}(?:flyers?|posters?|brochures?|pamphlets?|newsletter|bulletin|handouts?|website|group chat|school (?:paper|project|assignment|report)|paper|project|assignment|essay|speech|presentation|class|classroom|students|event|fundraiser|walk|vigil|training|seminar|podcast|article|novel|story|screenplay)\b"
    r"|\b(?:making|make|made|design(?:ing)?|print(?:ing)?|put(?:ting)? together|writ(?:e|ing)) (?:a |some |the |our )?(?:\w+ )?(?:flyers?|posters?|brochures?|pamphlets?|handouts?|newsletter|bulletin|speech|essay|paper|novel|story|screenplay|script)\b"
    r"|(?<!not for a )(?<!not for my )(?<!not for )\b(?:school|class|college|research|term|history|health class) (?:paper|project|assignment|report|presentation)\b|\binterview (?:an?|one of your|a police) (?:officer|detective|cop|dispatcher)\b"
    r"|\b(?:talk|speak|present|come in) to (?:my|our|the) (?:class|students|kids|group|church|congregation|club|team|staff|employees|members|troop)\b"
    r"|\b(?:a|the) (?:talk|presentation|session|speaker|seminar) (?:on|about|for)\b|\bmemorial (?:walk|run|event|service|vigil)\b|\bawareness (?:event|walk|month|week|campaign)\b"
    r"|\bfor (?:our|my) (?:church|mosque|temple|congregation|school|pta|club|troop|team|neighbou?rs|students)\b|\b(?:just )?asking in general\b|\bwhat'?s the difference between\b|\bparalegal\b|\blaw school\b|\basking for (?:my|a) (?:\w+ )?(?:course|class|paper|homework)\b"
    r"|\bdoing a (?:\w+ ){0,2}(?:project|paper|report|study) (?:on|about)\b|\bstudents? (?:doing|working on|writing)\b"
    r"|\bvolunteer(?:ing|s)?\b|\bgot out of (?:an? )?(?:abusive|violent|bad) (?:relationship|marriage)\b"
    r"|\bwhere can (?:i|we) (?:get|find) (?:the |some )?(?:data|statistics|stats|numbers)\b|\b(?:have|got) a (?:pamphlet|brochure|flyer|handout)\b|\bfundrais\w+|\bcharity (?:walk|run|event)\b"
    # (eleventh sets)
    r"|\b(?:tv|cop|police|crime|detective) (?:show|series|drama)s?\b|\btrue crime\b|\bpodcasts?\b|\b(?:a|my|the) (?:research )?paper (?:i'm|im|i am) writing\b"
    # (twelfth sets)
    r"|\b(?:loss )?survivors? (?:group|network|walk)\b|\bdonat(?:e|ing|ions?) (?:\w+ ){0,4}(?:to|for) (?:a|the|your|our) (?:\w+ ){0,3}(?:shelters?|drives?|programs?|charit(?:y|ies))\b|\b(?:have|invite|get) (?:an |one of your )?officers? (?:to )?(?:come (?:in )?(?:and )?)?(?:speak|talk|present|visit)\b"
)
SAFE = re.compile(
    r"\b(?:i'm|i am|we're|we are|she's|she is|he's|he is|they're|they are|my (?:mom|mother|sister|daughter|friend) is|we were|were) (?:totally |completely |doing )?(?:safe|fine|ok|okay|good|well|doing well|doing fine|doing ok) now\b"
    r"|\b(?:i'm|i am|we're|we are) safe\b|\bno longer (?:with|together|in contact)\b|\b(?:i|we) (?:left|divorced|got away from|moved away from) (?:him|her|them|my \w+) (?:\w+ ){0,3}(?:ago|years|months|and)\b"
    r"|\b(?:that|it|this) (?:was|happened) (?:\w+ ){0,2}(?:years?|months?|a long time) ago\b|\bused to (?:hit|beat|abuse|hurt|slap|choke) (?:me|us|her|him|my)\b.*\b(?:years?|months?) ago\b"
    r"|\bget along (?:fine|well|great|ok|okay)\b|\bon good terms\b|\bco-?parent(?:ing)?\b|\bworked (?:things|it) out\b|\b(?:it's|its|it has) been over a year\b|\b(?:drop|dropped|lift|lifted|remove|removed|cancel) (?:the|a|my) (?:protective|restraining) order\b|\b(?:protective|restraining) order (?:dropped|lifted|removed)\b"
    r"|\b(?:protective|restraining|protection) order (?:from (?:19|20)\d\d )?(?:that )?(?:expired|ended|lapsed)\b|\bthe order (?:expired|ended|lapsed)\b"
    # (fourteenth sets) an order that expired or was dismissed ("from my divorce expired in
    # october", "that got dismissed"); the abuser in jail
    r"|\b(?:protective|restraining|protection) order\b(?: \w+){0,4} (?:expired|ended|lapsed|(?:was|got|has been) (?:dismissed|dropped|lifted|vacated))\b"
    r"|\b(?:he's|he is|she's|she is|they're|they are) (?:in jail|in prison|locked up|behind bars|incarcerated)\b"
)

# ...and from the fifth sets' mistakes (the same session): more warning signs (not planning on
# being around, looking up the tallest garage, pets given away "for after", "it isn't for
# protection", a welfare check for someone suicidal), a weapon drawn, pills in hand, a person found
# hanging; shelters; and what settles a message ("false alarm", "all good", "a truck backfiring").
RESOLVED = re.compile(
    r"\b(?:it was|it's|its|just|was just|turned out to be|only|probably) a false alarm\b|\ball good\b|\b(?:checked it|said it was|bad sensor|faulty (?:sensor|detector|alarm))\b|\bit was just (?:a|the|my|our)\b|\b(?:it's|it is|everything's|everything is|all is|we're all|we are all) (?:fine|good|ok|okay) now\b|\bbackfir\w*"
    r"|\b(?:fd|fire department|fire dept|firefighters|fire fighters|the firemen) put (?:it|the fire) out\b"
    r"|\bcontrolled burn\b|\b(?:it was|it's|its|was|were|probably|prob|prolly|likely|must have been|just) (?:just |only |probably )?fireworks\b|\b(?:they were|they're|it was) (?:just )?filming\b|\bburn(?:t|ed) (?:the |my )?(?:toast|food|popcorn|dinner|bacon|pizza|pan)\b|\bjust (?:steam|the shower|cooking)\b"
    r"|\b(?:got|get|getting|received|receive) (?:one of those|a|these|those|some|a few) (?:\w+ )?(?:texts?|calls?|emails?|messages?) (?:saying|that said|that says|claiming|telling me)\b|\b(?:didn't|did not|didnt) click (?:it|on it|the link|anything)\b"
    # (eleventh sets)
    r"|^false alarm\b|\b(?:found|made) (?:his|her|their) way (?:back )?home\b|\bsorry to worry\b"
    r"|\bit was just (?:someone's|someones|somebody's|somebodys|the neighbou?rs?'?s?)\b|\ball (?:fine|ok|okay|clear) now\b"
    r"|\b(?:a |the )?package (?:is |was )?(?:held|on hold|stuck|delayed)\b|\b(?:do|would) (?:you|the police|cops|police) (?:guys )?(?:really )?(?:call|text) (?:people|like that|to ask)\b"
    # (twelfth sets) someone found and home, a fight "over now"
    # (thirteenth sets) a detector asking for its battery; shots explained by the season
    r"|\b(?:low|dead|dying|weak) batter(?:y|ies)\b|\b(?:it's|its|it is|probably|prob|must be|just|only|i think it's|i think its) (?:just |only |probably )?(?:the |a )?batter(?:y|ies)\b|\bend[- ]of[- ]life (?:chirp|beep|warning|signal|alert)s?\b"
    r"|\b(?:it's|its|it is|they're|theyre|probably|prob|must be|pretty sure (?:it's|its|it is|they're|theyre)) (?:just |only )?(?:hunters|hunting|target practice|the (?:gun|shooting) range)\b"
    r"|\b(?:is|'s|are|'re|got|made it) home safe\b|\bfound (?:her|him|them)\b(?!.{0,40}\bnot\b).{0,40}\b(?:safe|fine|okay|ok)\b|\b(?:it's|its|it is|that's|thats) (?:all )?over now\b"
)
PATTERNS = (
    *PATTERNS,
    _p(
        "warning-signs-5",
        "crisis",
        "crisis_self",
        r"\b(?:plan|planning|expect|expecting|going) on being (?:here|around|alive) (?:\w+ )?(?:longer|long)\b|\bhow (?:much )?longer i can (?:hold on|keep going|do this|take (?:it|this)|go on|last)\b|\bcan't hold on (?:much )?(?:longer|anymore)\b"
        r"|\b(?:wellness|welfare) check\b.{0,60}\b(?:suicid\w*|mental health crisis|kill (?:him|her|them)sel\w*|overdos\w*|hurt (?:him|her|them)sel\w*)|\b(?:suicid\w*|mental health crisis)\b.{0,60}\b(?:wellness|welfare) checks?\b"
        r"|\b(?:gun|pistol|rifle|rope|pills)\b.{0,40}\b(?:isn't|is not|not|ain't) for (?:protection|hunting|self.?defen[cs]e)\b"
        r"|\b(?:stop|quit) (?:wanting|want) to (?:die|kill (?:myself|yourself)|end it)\b|\bwanting to kill (?:yourself|myself)\b"
        r"|\bgiv(?:e|ing) up for good\b|\b(?:been|keeps?|kept|keep on) (?:talking|posting|texting|joking|writing) (?:\w+ ){0,2}about (?:suicide|killing (?:him|her|them)sel\w*|ending (?:it|his life|her life|their life)|dying|wanting to die)\b"
        r"|\bloaded (?:my|his|her|the|my \w+) (?:\w+ )?(?:gun|pistol|rifle|revolver|shotgun)\b.{0,60}\b(?:tonight|nightstand|bed|just in case|in case|ready)\b"
        r"|\b(?:nobody|no one|no-one|nothing) (?:can|will|is going to|could) (?:talk me out of|stop me|change my mind)\b"
        r"|\bi (?:really |just |honestly |truly )?(?:don't|do not) want to (?:live|be alive|exist|wake up)(?: anymore)?\b|\bi (?:just |really )?want to die\b|\bi wish i (?:was|were) dead\b"
        r"|\b(?:hit|hitting|punch|punching|bruise|bruising|scratch|scratching|starve|starving) myself\b|\bbang(?:ing)? my head (?:against|on) (?:the )?wall\b"
        r"|\b(?:i'm|i am) (?:so |just )?done fighting\b|\b(?:not|never) (?:planning on|going to|gonna) (?:use|using) it on (?:anybody|anyone|someone|somebody) else\b"
        r"|\b(?:need|want|going|plan|planning) (?:it |them )?to (?:drive|jump|walk|step) (?:off|into|in front of) (?:a|the)\b"
        r"|\b(?:crash|drive|wreck|flip) (?:my|the) (?:car|truck) (?:\w+ ){0,4}on purpose\b|\b(?:die|kill myself|end it|do it) (?:without (?:it hurting|pain|feeling it)|painlessly)\b"
        r"|\bworks? (?:better|best|faster) on (?:yourself|myself)\b|\buse (?:it|a gun|one|the gun) on (?:myself|yourself)\b"
        r"|\b(?:pills|meds|gun|rope) (?:is |are )?in my hand\b|\bhow much (?:\w+ ){0,3}(?:would kill|does it take to kill|to die|is lethal)\b",
    ),
    _p(
        "warning-signs-5b",
        "crisis",
        "crisis",
        r"\b(?:looked up|looking up|searching|searched|googled|researching) (?:for )?(?:the )?(?:tallest|highest) (?:parking garage|garage|building|bridge|roof|point|cliff)\b"
        r"|\b(?:gave|giving|give|given) (?:away )?(?:my|all my) (?:dog|cat|pets?|stuff|things|belongings|guitar|clothes|games|collection)\b.{0,60}\b(?:after|when i'm gone|won't need|will not need|don't need|anymore|for good)\s*[.!]*$"
        r"|\b(?:die|dies|dead|death|suicide|kill)\b.{0,60}\basking for a friend (?:who is|that is|who's) me\b",
    ),
    _p(
        "found-hanging",
        "emergency",
        "medical_now",
        r"\b(?:found|find|finding|just found) (?:my |a |the )?(?:roommate|friend|son|daughter|brother|sister|husband|wife|partner|mom|mother|dad|father|boyfriend|girlfriend|neighbou?r|cousin|uncle|aunt|kid|child|him|her|someone|somebody|man|woman|person|body) hanging\b",
    ),
    _p(
        "weapon-drawn",
        "emergency",
        "threat_now",
        r"\b(?:pulled|drew|pulling|drawing|pulls|pulled out|whipped out) (?:out )?(?:a|his|her|their) (?:gun|knife|pistol|weapon|blade|machete)\b|\b(?:pulled|drew) (?:a )?(?:gun|knife) on\b",
    ),
    _p(
        "shelter",
        "domestic_violence",
        "abuse_help",
        r"\b(?:battered|abused) wom[ae]n\b|\b(?:women's|womens|domestic violence|dv) shelters?\b|\bsafe (?:place|house|home) for (?:women|me and my kids|my kids and me)\b"
        r"|\bthreaten(?:s|ed|ing)? to take (?:the|our) (?:kids|children|baby)\b",
    ),
)

PATTERNS = (
    *PATTERNS,
    _p(
        "method-research",
        "crisis",
        "crisis_self",
        r"\bbleed (?:out|to death)\b|\blethal (?:dose|amount|combination|together|mix)\b|\b(?:meds|pills|medications?|drugs) (?:\w+ ){0,3}(?:are|is|would be) (?:lethal|deadly|fatal)\b"
        r"|\bwhich (?:\w+ ){0,4}(?:are|is) (?:lethal|deadly|fatal)\b|\b(?:does it|would it|will it) hurt to (?:od|overdose|die|bleed|hang|drown)\b"
        r"|\bhow many (?:\w+ ){0,2}(?:pills|tablets|tylenol|advil|sleeping pills) (?:\w+ ){0,3}(?:to die|would kill|to kill|is (?:lethal|fatal|too many|an overdose)|to overdose)\b"
        r"|\b(?:painless|quickest|easiest|fastest) way to (?:die|go|end it)\b|\bhow long (?:does it|would it) take to die\b",
    ),
    _p(
        "forgive-me",
        "crisis",
        "crisis",
        r"\b(?:forgive me|i'm sorry|i am sorry|sorry) for everything\b.*\b(?:love|goodbye|bye)\b|\b(?:love you|goodbye|bye)\b.*\bforgive me\b",
    ),
    _p(
        "control-abuse",
        "domestic_violence",
        "abuse_ongoing",
        rf"\b(?:he|she|my (?:\w+ )?{FAMILY})(?:'s| is)? (?:locks|locked|keeps|kept) me (?:in|inside|locked)\b|\b(?:won't|will not|doesn't|does not) (?:ever )?let me (?:leave|out of) (?:the house|the apartment|home|the room)\b"
        rf"|\b(?:he|she|my (?:\w+ )?{FAMILY}) (?:took|takes|hid|hides|has|keeps|kept|burned|tore up) (?:away )?my (?:passport|green card|papers|documents|immigration papers|id|visa)\b"
        r"|\bthreaten(?:s|ed|ing)? to (?:call ice|call immigration|report me to immigration|have me deported|get me deported|take my (?:kids|children|baby))\b",
    ),
    _p(
        "lines-sparking",
        "emergency",
        "fire",
        r"\b(?:power ?lines?|wires?|cables?)\b.{0,40}\b(?:sparking|arcing|on fire|smoking)\b|\bdowned (?:power )?lines?\b",
    ),
    _p(
        "smashing-now",
        "emergency",
        "violence",
        r"\b(?:smashing|bashing|beating|hitting|kicking) (?:in )?(?:my|our|the) (?:car|truck|windows?|windshield|door|front door|house)\b(?! (?:last|yesterday))",
    ),
)

PATTERNS = (
    *PATTERNS,
    # a theft told in the past, with the thief still running: urgent only with present time
    _p(
        "snatched",
        "emergency",
        "past_verb",
        r"\b(?:snatched|grabbed|ripped) (?:my|her|his) (?:purse|bag|phone|wallet|necklace|chain|backpack)\b",
    ),
)

# the writer says they live with it: a how-to or "for years" beside it does not make it routine
PATTERNS = (
    *PATTERNS,
    _p(
        "dv-disclosed",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:i'm|i am|i've been|i have been) (?:a victim of|experiencing|going through|living with|suffering|dealing with) (?:\w+ )?domestic (?:violence|abuse)\b",
    ),
)

# ...and from the sixth sets' mistakes (the same session): a will and the dog provided for, "if I
# die, asking for real", "what if I didn't exist", not feeling like living, "if anything happens to
# me take care of", "what's the point of going on"; someone being beaten up now, heart-attack
# signs, a car in the water, a choke told without "my husband"; the whole bottle.
PATTERNS = (
    *PATTERNS,
    _p(
        "warning-signs-6",
        "crisis",
        "crisis_self",
        r"\b(?:made|wrote|written|updated|did|finished) (?:my|a) will\b.*\b(?:peaceful|calm|ready|gets? (?:the|my) (?:dog|cat)|take (?:the|my) (?:dog|cat)|i'm \d\d|i am \d\d)\b"
        r"|\bif i (?:die|died|was gone|were gone|wasn't here|weren't here|didn't exist|disappeared)\b.*\b(?:for real|asking for real|serious(?:ly)?|not joking|no joke|i'm serious|serious question)\b"
        r"|\bwhat if i (?:just )?(?:didn't exist|wasn't here|was gone|disappeared|died|wasn't around)\b"
        r"|\bif (?:anything|something) (?:happens|were to happen) to me\b.{0,60}\b(?:take care|look after|tell|give|make sure|adopted|rehomed?)\b"
        r"|\bif (?:anything|something) (?:happens|were to happen) to me\b.{0,30}\b(?:soon|this week|tonight|any day now)\b"
        r"|\bwhat'?s the point (?:of|in) (?:going on|living|trying|being alive|any of it)\b|\bwhy (?:bother|keep) (?:living|going on|trying)\b",
    ),
    _p(
        "not-living",
        "crisis",
        "crisis_self",
        r"\b(?:haven't|have not|don't|do not|didn't) (?:felt|feel) like (?:living|being alive|being here|going on|waking up)\b"
        r"|\b(?:take|taking|took|swallow) (?:the|a) whole (?:bottle|box|pack|package)\b|\bhow to (?:kill|hang|hurt) (?:myself|yourself)\b",
    ),
    _p(
        "beaten-now",
        "emergency",
        "violence",
        r"\b(?:beat|beating|jump|jumping|stomp|stomping) (?:someone|somebody|a (?:guy|man|woman|kid|girl|boy)|him|her|them) up\b|\bbeat(?:ing)? up (?:a|some|this|the) (?:guy|man|woman|kid|girl|boy|person|dude)\b",
    ),
    _p(
        "heart-signs",
        "emergency",
        "medical_now",
        r"\b(?:left )?arm (?:went|is|going|feels|is going) numb\b|\bchest is killing me\b|\bcrushing (?:chest )?pain\b",
    ),
    _p(
        "car-in-water",
        "emergency",
        "medical_now",
        r"\bcar (?:is |went |just went )?(?:in|into|under) (?:the )?(?:river|lake|pond|water|reservoir)\b|\bheadlights under (?:the )?water\b",
    ),
    _p(
        "choked",
        "domestic_violence",
        # strangulation is the strongest warning of a homicide to come: "sin querer", "ayer" or a
        # question beside it does not make it routine
        "abuse_ongoing",
        r"\b(?:he|she) (?:choked|strangled|choke[sd]?|chokes|strangles) me\b|\b(?:his|her) hands? (?:around|on) my (?:neck|throat)\b",
    ),  # (seventh sets) a poison or a battery swallowed, by anyone; "I'm not ok" with a plea to talk;
    # losing everything; the means within reach of someone depressed; the day chosen
    _p(
        "swallowed-poison",
        "emergency",
        "medical_now",
        r"\b(?:drank|drunk|swallowed|ate|drinking|swallowing) (?:some |a (?:cup|glass|bottle) of |the )?(?:bleach|antifreeze|poison|rat poison|drain cleaner|lye|pesticide|weed killer|tide pods?|laundry pods?|button batter(?:y|ies)|a batter(?:y|ies)|batteries|a magnet|magnets)\b",
    ),
    _p(
        "not-ok",
        "crisis",
        "crisis",
        r"\b(?:i'm|i am) (?:really |just |so |very |honestly )?not (?:ok|okay|alright|all right|doing (?:ok|okay|well|good))\b(?! with\b| about\b| paying\b)(?=.*\b(?:talk|someone|somebody|anyone|help|please|pls)\b)"
        r"|\b(?:need|want) (?:to talk|someone to talk) to (?:someone|somebody|anyone)\b.{0,30}\b(?:not (?:ok|okay|alright)|can't (?:do this|take it)|falling apart|breaking down)\b"
        r"|\b(?:i'm|i am) at (?:my|the) (?:limit|breaking point|end of my rope)\b|\blost everything\b.{0,40}\bwhat'?s (?:left|the point)\b",
    ),
    _p(
        "means-depressed",
        "crisis",
        "crisis",
        r"\bdepress\w*\b.{0,80}\b(?:gun|guns|pistol|rifle|shotgun|revolver|rope|pills)\b|\b(?:gun|guns|pistol|rifle|shotgun|revolver)\b.{0,80}\bdepress\w*",
    ),
    _p(
        "date-chosen",
        "crisis",
        "crisis_self",
        r"^(?:i )?(?:already |finally )?(?:picked|chose|chosen|set) (?:a|the) (?:date|day)\s*[.!]*$|^i(?:'ve| have) (?:already )?(?:picked|chosen|set) (?:a|the) (?:date|day)\s*[.!]*$",
    ),
    # (eighth sets) sorry to have woken up; a height "high enough"; found before the children;
    # leaving nothing behind; a pet seen to "after"; someone hiding in the car or the house; a
    # suspicious bag with wires
    _p(
        "warning-signs-8",
        "crisis",
        "crisis_self",
        r"\b(?:hate|hated|disappointed|sad|upset|angry|mad|pissed) (?:that )?i (?:woke|wake|keep waking|still wake) up\b|\bwish(?:ed)? i (?:hadn't|didn't|never|wouldn't) (?:woke|wake|woken) up\b"
        r"|\b(?:bridges?|buildings?|roofs?|rooftops?|garages?|cliffs?|overpass(?:es)?|towers?)\b.{0,50}\b(?:high|tall) enough\b|\b(?:high|tall) enough\b.{0,30}\b(?:bridges?|buildings?|roofs?|cliffs?|overpass(?:es)?|to jump)\b"
        r"|\b(?:find|finds|found) me before (?:my|the|our) (?:kids|children|family|wife|husband|son|daughter|mom|dad|parents|roommate)\b"
        r"|\bleave nothing behind\b|\b(?:close my eyes|go to sleep|fall asleep)\b.{0,40}\bhope\b.{0,20}\bthe last time\b"
        r"|\b(?:pills|meds|gun|rope|razors?|blades?)\b.{0,15}\b(?:in front of me|next to me|right here|on the table|beside me)\b|\bswallowed (?:everything|all (?:of )?the (?:pills|meds)|whatever)\b|\bmake sure (?:\w+ ){1,3}(?:is|are|will be|gets?) (?:ok|okay|fine|taken care of|looked after) after\s*[.!?]*$",
    ),
    # (ninth sets) "before I do something", a funeral planned, a will written young, "I want
    # out, permanently", "if I vanished nobody would notice"; an overdose by accident, breathing
    # gone wrong
    _p(
        "warning-signs-9",
        "crisis",
        "crisis_self",
        r"\bbefore i do something\s*[.!?]*$|\bbefore i do something (?:stupid|dumb|bad|i (?:might |will |would |'ll )?regret|to myself)\b"
        r"|\b(?:playlist|songs|music|outfit|eulogy|speech) for my (?:own )?funeral\b|\b(?:planning|planned|picked out|picking out) (?:my own|my) funeral\b"
        r"|\b(?:writing|updating|wrote|made|making|doing) (?:out )?(?:my|a) will (?:at|and i'm|and i am) (?:1[0-9]|2[0-9])\b"
        r"|\bi (?:just |really |honestly )?want out,? (?:permanently|for good|forever)\b|\btired of existing\b"
        r"|\bif i (?:vanished|disappeared|was gone|were gone|died)\b.{0,40}\b(?:nobody|no one|no-one|noone) would (?:notice|care|miss me)\b",
    ),
    _p(
        "overdose-now",
        "emergency",
        "medical_now",
        r"\b(?:took|has taken|just took|swallowed|snorted|smoked) (?:some |a lot of |too much )?(?:fentanyl|heroin|opioids?|oxy(?:contin)?)\b.{0,60}\b(?:breathing|wake|awake|responding|blue|passed out)\b"
        r"|\bbreathing (?:weird|funny|strange|strangely|really slow|so slow|shallow)\b",
    ),
    # (ninth sets) carbon monoxide with symptoms; control over work and family; forced sex;
    # bruises from him; fear he does it again; fled home and need a place to stay
    _p(
        "co-symptoms-9",
        "emergency",
        "medical_now",
        r"\b(?:carbon monoxide|co) (?:detector|alarm)\b.{0,80}\b(?:headaches?|dizzy|dizziness|nause\w+|throwing up|vomit\w+|passed out|fainted)\b",
    ),
    _p(
        "abuse-9",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:my (?:husband|wife|boyfriend|girlfriend|partner|ex|fiance|fiancee)|he|she) (?:won't|doesn't|does not|will not) let me (?:work|leave the house|go out|see my (?:family|friends|parents|mom|kids)|have a phone)\b"
        r"|\b(?:he|she) (?:forces|forced|makes|made) me (?:to )?have sex\b|\bforces? (?:himself|herself) on me\b"
        r"|\bbruises? (?:on|all over) my (?:arms?|neck|face|legs?|back)\b.{0,40}\b(?:he|she) (?:grabbed|hit|squeezed|choked|punched|kicked)\b"
        r"|\b(?:afraid|scared|terrified) (?:that )?(?:he|she)(?:'ll| will| might| is going to|'s going to) (?:do it|hurt me|hit me|choke me) again\b"
        r"|\b(?:ran away|fled|escaped|got out)(?: of| from)? (?:home|the house|my house|our house|him|her)\b.{0,80}\b(?:place to stay|shelter|somewhere to (?:stay|go))\b",
    ),
    _p(
        "fell-not-moving-9",
        "emergency",
        "medical_now",
        r"\b(?:jumped|fell) (?:from|off|out of) (?:the |a |his |her |our )?(?:balcony|roof|bridge|window|building|ladder|deck)\b.{0,40}\b(?:isn't|is not|not|won't|wont) (?:moving|breathing|responding|waking up)\b",
    ),
    _p(
        "hiding-inside",
        "emergency",
        "crime",
        r"\bsome(?:one|body)(?:'s|s| is)? (?:hiding )?in (?:the |my |our )(?:back ?seat|trunk|closet|attic|crawl ?space|basement)\b"
        r"|\b(?:see|seeing|saw|can see) (?:someone|somebody|a (?:man|guy|person|stranger)|people) (?:\w+ )?(?:in|inside) (?:my|our|the) (?:living room|house|home|kitchen|bedroom|basement|garage|apartment|backyard)\b"
        # (tenth sets) the alarm going off and someone seen inside on the camera
        r"|\b(?:see|seeing|saw|can see) (?:someone|somebody|a (?:man|guy|person|stranger)|people) inside\b(?! (?:the (?:station|lobby)))"
        r"|\b(?:can |i )?still hear(?:ing)? (?:them|him|someone|somebody|people|footsteps|voices) (?:downstairs|upstairs|inside|in the (?:house|kitchen|basement|garage|attic|hall))\b",
    ),
    _p(
        "suspicious-package",
        "emergency",
        "crime",
        r"\bsuspicious (?:package|bag|backpack|box|device|suitcase)\b.{0,60}\b(?:wires?|ticking|leaking|smoke)\b|\b(?:package|bag|backpack|box|suitcase)\b.{0,30}\b(?:with )?wires? (?:sticking|coming) out\b",
    ),
)

# Eleventh pass (2026-12-02, eleventh session), general causes from the eleventh sets' mistakes:
# a child taken into a car, someone dragged from a car, a lot of blood; "how long until someone
# finds you", a gun borrowed "for the range, but it's not", the courage to do it, "before i do
# something stupid", goodbye to everyone, another person "going to end it"; phones and keys taken
# so the writer can't call, fear of him; a neck squeezed (in abuse-ongoing).
PATTERNS = (
    *PATTERNS,
    _p(
        "child-taken-11",
        "emergency",
        "missing_now",
        r"\b(?:some(?:one|body)|a (?:man|guy|woman|stranger)|(?:two|some) (?:men|guys)|they) (?:just )?(?:took|grabbed|snatched|pulled) my (?:\w+ )?"
        r"(?:son|daughter|kid|child|baby|boy|girl|nephew|niece|grandson|granddaughter|toddler)\b(?!'| ?'s)"
        r"|\b(?:pulled|dragged|forced|put|threw|pushed) (?:him|her|my (?:\w+ )?(?:son|daughter|kid|child|nephew|niece)) into (?:a|an|the|his|their) (?:\w+ )?(?:car|van|truck|suv)\b",
    ),
    _p(
        "dragged-11",
        "emergency",
        "threat_now",
        r"\btrying to (?:drag|pull|yank) (?:me|us|my \w+|her|him) (?:out|into|from)\b",
    ),
    _p(
        "much-blood-11",
        "emergency",
        "medical_now",
        r"\b(?:a lot of|so much|lots of|tons of|way too much) blood\b|\bbleeding (?:a lot|badly|so much|everywhere|heavily)\b",
    ),
    _p(
        "warning-signs-11",
        "crisis",
        "crisis_self",
        r"\bhow long (?:does it take|would it take|until|before|till) (?:for )?(?:someone|anyone|somebody|people) (?:to |would |will |could )?(?:finds?|notices?) (?:you|me|your body|a body)\b"
        r"|\b(?:told|said to) (?:him|her|them) (?:it was|it's|its) for (?:the range|hunting|protection|target practice)\b.{0,20}\b(?:it's not|its not|it isn't|it is not|but not|it really isn't)\b"
        r"|\b(?:just |only )?need (?:the |some )?(?:courage|guts|nerve) to (?:do it|go through with it|finally do it)\b"
        r"|\b(?:better off|best if i|best to) (?:just )?(?:disappear(?:ing)?|vanish(?:ing)?|gone)\b(?! for)",
    ),
    _p(
        "crisis-11",
        "crisis",
        "crisis_self",
        r"\bbefore i do something (?:stupid|i regret|dumb|i can't take back)\b|\bgoodbye (?:everyone|everybody|world|all of you)\b"
        r"|\b(?:he|she|they)(?:'s|s| is| are|'re)? (?:going to|planning to|about to|says (?:he's|she's) going to) end it\b(?! with)"
        # (twelfth sets) "told him he's going to kill himself this weekend"
        r"|\b(?:he|she|they)(?:'s|s| is| are|'re)? (?:going to|planning to|about to) (?:kill (?:himself|herself|themselves|themself)|take (?:his|her|their) (?:own )?life)\b",
    ),
    _p(
        "abuse-11",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:took|takes|taken|grabbed|hid|hides|broke|smashed) (?:away )?my (?:phone|cell|keys|car keys|passport|documents|papers)\b.{0,40}\b(?:so (?:that )?i (?:can't|cannot|won't|couldn't)|can't call|from calling)\b"
        r"|\b(?:scared|afraid|terrified) of (?:him|her|my (?:husband|boyfriend|partner|ex|wife|girlfriend|fiance|fiancee))\b(?! dog)",
    ),
)

# Twelfth pass (2026-12-03, twelfth session), general causes from the twelfth sets' mistakes: a
# handful of pills swallowed, throwing oneself off something; a person hit by a car; someone with
# dementia gone and not found; gas smelled where people smoke; a partner who tracks the writer.
PATTERNS = (
    *PATTERNS,
    _p(
        "warning-signs-12",
        "crisis",
        "crisis_self",
        r"\b(?:swallowed|took|taken|downed|ate) (?:a |like a |about a )?(?:whole )?handful of (?:my |his |her |the |those )?(?:pills|meds|medications?|tablets|sleeping pills|xanax|tylenol|advil|painkillers)\b"
        r"|\b(?:throw|yeet|launch|fling|toss)(?:ing)? myself (?:off|from|in front of)\b",
    ),
    _p(
        "person-hit-12",
        "emergency",
        "crash",
        r"\b(?:hit|ran over|run over|struck|knocked down|mowed down) (?:a|an|some|this|the) (?:guy|man|woman|kid|child|person|pedestrian|cyclist|biker|boy|girl|lady|dude|jogger)\b",
    ),
    _p(
        "dementia-missing-12",
        "emergency",
        "missing_now",
        r"\b(?:alzheimer'?s?|dementia|memory loss)\b.{0,80}\b(?:(?:don't|do not|can't|cannot) (?:know|find) where (?:he|she|they) (?:is|are|went)|can't find (?:him|her|them)|(?:is|are) missing|(?:hasn't|has not|haven't) (?:come|came) back)\b",
    ),
    _p(
        "gas-flame-12",
        "emergency",
        "medical_now",
        r"\b(?:smell|smells|smelling) (?:of )?gas\b.{0,80}\b(?:smoking|lighting (?:a |up )?(?:cigarettes?|candles?|matches|the stove)|lit a)\b",
    ),
    _p(
        "tracked-12",
        "domestic_violence",
        "abuse",
        r"\b(?:put|hid|found|installed) (?:a )?(?:tracker|gps|airtag|tracking device|tracking app)\b.{0,60}\b(?:my (?:ex|husband|boyfriend|partner|wife|girlfriend)|he|she)\b"
        r"|\b(?:my (?:ex|husband|boyfriend|partner|wife|girlfriend)|he|she) (?:put|puts|hid|hides|installed|placed) (?:a |an )?(?:tracker|gps|airtag|tracking device|tracking app)\b"
        r"|\b(?:my (?:ex|husband|boyfriend|partner|wife|girlfriend)|he|she) (?:tracks|is tracking|keeps tracking) (?:me|my (?:phone|car|location))\b|\balways knows where i am\b",
    ),
)

# Thirteenth pass (2026-12-03, thirteenth session), general causes from the thirteenth sets'
# mistakes: a student's or child's writing about killing themselves that the adult asks about now;
# "people who sound suicidal? that's me"; how far a fall must be to be fatal; a gun taken out and
# loaded; a child who never got off the bus; a theft heard in progress.
PATTERNS = (
    *PATTERNS,
    _p(
        "warning-signs-13",
        "crisis",
        "crisis_self",
        r"\b(?:suicidal|suicide|kill(?:ing)? (?:myself|themselves)|end(?:ing)? (?:my|their) (?:life|lives))\b.{0,80}\b(?:that's|thats|that is|it's|its|this is) (?:me|about me|for me|my situation)\b"
        r"|\bhow (?:high|far|tall|many|much|long) (?:\w+ ){0,8}(?:to be (?:fatal|lethal|deadly)|to (?:die|kill (?:you|me|a person|someone|yourself|myself)))\b|\blethal dose\b"
        r"|\b(?:took|got|grabbed|have|loaded|pulled) (?:out )?(?:my |his |her |the |a )?(?:\w+'?s? )?(?:gun|pistol|rifle|shotgun|revolver|handgun)\b.{0,40}\b(?:it's|its|it is) loaded\b"
        r"|\b(?:won't|will not) (?:be needing|need) (?:a|any) (?:job|future|plan|car|license|coat)\b"
        r"|\b(?:tylenol|pills|acetaminophen|advil|sleeping pills|painkillers|meds)\b.{0,60}\basking for (?:me|myself)\b|\bnot sleepy tired\b"
        r"|\b(?:hear|see|hug|talk to|call|kiss) (?:\w+ ){0,4}one last time\b|\bget (?:my )?(?:things|stuff|affairs|everything) (?:sorted|in order|taken care of) before i go\b"
        r"|\bthe (?:water|river|ocean|lake|bridge) (?:is|keeps) calling (?:me|my name)\b",
    ),
    _p(
        "child-concern-13",
        "crisis",
        "crisis_self",
        r"\b(?:wrote|writing|drew|drawing|posted|said|says|told me|texted|searched|googled) (?:\w+ ){0,4}(?:about )?(?:killing (?:herself|himself|themselves)|wanting to die|suicide|ending (?:her|his|their) life)\b.{0,60}\bwhat (?:do|should|can) (?:i|we) do\b",
    ),
    _p(
        "missing-13",
        "emergency",
        "missing_now",
        r"\b(?:was|were|is|are) supposed to (?:be home|get (?:home|off)|come home|be back|get back|be here|show up|arrive)\b.{0,60}\b(?:ago|never|hasn't|hasnt|has not|isn't|isnt|not here|not home|no sign)\b"
        r"|\bnever got off the (?:school )?bus\b|\bnever (?:came|got|made it) home\b(?! (?:last|that|one) (?:night|time|day|week))",
    ),
    _p(
        "crime-heard-13",
        "emergency",
        "threat_now",
        r"\b(?:someone|somebody|a guy|a man|people|some guys|two guys|they)(?:'s| is| are|'re) (?:stealing|taking|cutting off|sawing off|breaking into|trying to steal)\b.{0,80}\b(?:i can hear|i hear|i can see|i see|i'm watching|im watching|right now|right this (?:second|minute)|as we speak)\b"
        r"|\b(?:under|beneath) (?:my|our|the|a) (?:other )?(?:car|truck|van|suv)\b.{0,20}\bwith a saw\b|\bclimbing (?:in|into|out|out of|through) (?:my|their|the|a|his|her|our) (?:\w+ )?windows?\b"
        r"|\b(?:people|someone|somebody|kids?|a kid|a child|he|she|they|the driver)(?:'s| is| are|'re) trapped\b|\btrapped (?:inside|in the (?:car|building|house|fire|elevator))\b",
    ),
)

# Fourteenth pass (2026-12-04, fourteenth session), general causes from the fourteenth sets'
# mistakes: "then I'll be free"; someone seen running out of a house with its things; sparks where
# water meets the wiring; a child forced into a vehicle (an abduction is not over because the van
# drove off); hiding from someone in the house.
PATTERNS = (
    *PATTERNS,
    _p(
        "warning-signs-14",
        "crisis",
        "crisis_self",
        r"\b(?:then|soon|finally|after (?:tonight|today|this|that))\b,? i(?:'ll| will|ll) (?:finally )?(?:be )?(?:free|at peace)\b(?! (?:to|for|on|at|after|until|by|this|next|tomorrow|all|from|of|in|around|any|most|again))",
    ),
    _p(
        "crime-seen-14",
        "emergency",
        "threat_now",
        r"\b(?:just )?(?:saw|see|seeing|watching) (?:someone|somebody|a guy|a man|a woman|two guys|some guys|people|a person|him|them) (?:run|running|climb|climbing|sneak|sneaking|crawl|crawling|come|coming) (?:out|in|into|through|from)\b.{0,60}\b(?:carrying|with (?:a|the|our|my|their|his|her) (?:tv|television|laptop|bag|box|safe|jewelry)|(?:side|back|front|garage|basement) door|window)\b",
    ),
    _p(
        "sparks-14",
        "emergency",
        "fire",
        r"\b(?:outlets?|panel|breaker(?: box)?|fuse box|wires?|wiring|electrical|power lines?|transformer|extension cord|plugs?|sockets?)\b.{0,50}\b(?:sparking|throwing sparks|sparks (?:are )?(?:flying|coming))\b"
        r"|\b(?:sparking|throwing sparks)\b.{0,40}\b(?:outlets?|panel|breaker|wires?|wiring|power lines?|transformer|plugs?|sockets?)\b",
    ),
    _p(
        "abducted-14",
        "emergency",
        "missing_now",
        r"\b(?:forced|dragged|pulled|pushed|shoved|threw|grabbed|snatched|put) (?:a|an|some|this|the|my|our) (?:little |young )?(?:girl|boy|kid|child|woman|teen|teenager|lady|toddler)\b.{0,30}\b(?:into|in) (?:a|an|his|her|their|the) (?:\w+ ){0,2}(?:van|car|truck|suv|vehicle|trunk)\b",
    ),
    _p(
        "down-not-moving-14",
        "emergency",
        "medical_now",
        r"\b(?:guy|man|woman|person|someone|somebody|he|she|kid|child|lady|neighbou?r|dad|mom|father|mother|husband|wife|son|daughter|grandma|grandpa|grandmother|grandfather|friend|boy|girl|baby|toddler|brother|sister)\b(?:'s| is| was)?(?: \w+){0,4} (?:lying|laying|collapsed|slumped|passed out|face ?down)\b.{0,60}\bnot (?:moving|responding|responsive|breathing|waking up|getting up)\b(?! much| a lot| around)",
    ),
    _p(
        "hiding-14",
        "emergency",
        "threat_now",
        r"\bi (?:locked myself|am hiding|'m hiding|m hiding|hid) (?:in|inside) (?:the|my|a) (?:bathroom|closet|bedroom|room|basement|attic|car)\b(?! (?:when|as a kid|last|years))",
    ),
)

CONTEXTS = {
    "property": PROPERTY,
    "past": PAST,
    "records": RECORDS,
    "informational": INFORMATIONAL,
    "permit": PERMIT,
    "negation": NEGATION,
    "gone": GONE,
    "audience": AUDIENCE,
    "safe": SAFE,
    "resolved": RESOLVED,
}


LEXICON = Lexicon("en", normalise, PATTERNS, CONTEXTS, PRESENT)
