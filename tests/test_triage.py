"""Urgent triage without the model: the lexicon, its context rules, and the decision it makes."""

from __future__ import annotations

import re

import pytest

from bot.kb.intents import DANGER_INTENTS
from bot.nlu.input_guard import clean
from bot.nlu.lexicon import assess, normalise
from bot.nlu.triage import decide
from tests.conftest import DATA, read_yaml

URGENT = read_yaml(DATA / "triage_urgent.yml")
ROUTINE = read_yaml(DATA / "triage_routine.yml")["routine"]
URGENT_CASES = [(text, category) for category, texts in URGENT.items() for text in texts]


def test_the_sets_are_big_enough() -> None:
    assert len(URGENT_CASES) >= 100 and len(ROUTINE) >= 100


@pytest.mark.parametrize(("text", "category"), URGENT_CASES)
def test_urgent_message_is_flagged(text: str, category: str) -> None:
    assert assess(text).verdict == category


@pytest.mark.parametrize("text", ROUTINE)
def test_routine_message_with_alarming_words_is_not_urgent(text: str) -> None:
    assert assess(text).verdict not in ("emergency", "crisis")


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("someone broke into my car last night", "past"),
        ("I need a copy of the report for the stabbing", "records"),
        ("what should I do if I smell gas", "informational"),
        ("minor accident, nobody was hurt, someone is bleeding a little", "negation"),
        ("someone broke in while we were away, they're gone now", "gone"),
    ],
)
def test_context_is_recognised(text: str, context: str) -> None:
    assert context in assess(text).context


@pytest.mark.parametrize(
    "text",
    [
        "someone broke into my house last night and he's still here",
        "there was a fire earlier and it's burning again right now",
        "my dad collapsed yesterday and now he's not breathing",
    ],
)
def test_present_time_keeps_a_past_story_urgent(text: str) -> None:
    assert assess(text).verdict == "emergency"


def test_texting_shorthand_is_expanded() -> None:
    assert (
        normalise("pls help some1 is in my house rn")
        == "please help someone is in my house right now"
    )


# --- the decision on top of the classifier ------------------------------------------------------
def _ranking(*pairs: tuple[str, float]) -> list[dict]:
    return [{"name": name, "confidence": conf} for name, conf in pairs]


def test_forces_emergency_when_the_classifier_missed() -> None:
    name, action, _ = decide(
        "there's a man with a gun outside my door",
        {"name": "station_location"},
        _ranking(("station_location", 0.6)),
        [],
        0.25,
    )
    assert (name, action) == ("emergency", "forced")


def test_keeps_domestic_violence_when_the_threat_is_not_happening_now() -> None:
    name, _, _ = decide(
        "my husband threatened to kill me",
        {"name": "domestic_violence"},
        _ranking(("domestic_violence", 0.8)),
        [],
        0.25,
    )
    assert name == "domestic_violence"


def test_violence_happening_now_overrides_domestic_violence() -> None:
    name, _, _ = decide(
        "my husband is hitting me right now",
        {"name": "domestic_violence"},
        _ranking(("domestic_violence", 0.8)),
        [],
        0.25,
    )
    assert name == "emergency"


def test_restores_an_urgent_intent_the_fallback_discarded() -> None:
    name, action, _ = decide(
        "the neighbours are screaming awfully",
        {"name": "nlu_fallback"},
        _ranking(("nlu_fallback", 0.45), ("emergency", 0.3), ("report_non_emergency", 0.2)),
        [],
        0.25,
    )
    assert (name, action) == ("emergency", "combined")


def test_does_not_restore_a_weak_urgent_guess() -> None:
    name, _, _ = decide(
        "blorp",
        {"name": "nlu_fallback"},
        _ranking(("nlu_fallback", 0.45), ("emergency", 0.1)),
        [],
        0.25,
    )
    assert name == "nlu_fallback"


def test_demotes_a_classifier_emergency_about_the_past() -> None:
    name, action, _ = decide(
        "I need the police report from the stabbing at my store last month",
        {"name": "emergency"},
        _ranking(("emergency", 0.5), ("police_report", 0.4)),
        [],
        0.25,
    )
    assert (name, action) == ("police_report", "demoted")


def test_keeps_a_classifier_emergency_without_a_lexicon_match() -> None:
    name, _, _ = decide(
        "my neighbour is screaming and I hear things smashing",
        {"name": "emergency"},
        _ranking(("emergency", 0.9)),
        [],
        0.25,
    )
    assert name == "emergency"


@pytest.mark.parametrize("flags", [["empty"], ["no_words"], ["other_language"]])
def test_unreadable_input_goes_to_fallback(flags: list[str]) -> None:
    name, action, _ = decide("😀😀", {"name": "greet"}, _ranking(("greet", 0.9)), flags, 0.25)
    assert (name, action) == ("nlu_fallback", "unreadable")


def test_sos_emoji_is_urgent_even_without_words() -> None:
    name, _, _ = decide("🆘", {"name": "greet"}, _ranking(("greet", 0.9)), ["no_words"], 0.25)
    assert name == "emergency"


# --- input guard ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("😀🎉👍", "no_words"),
        ("???!!!", "no_words"),
        ("警察局在哪里", "other_language"),
    ],
)
def test_input_guard_flags(text: str, flag: str) -> None:
    assert flag in clean(text, 1000)[1]


def test_input_guard_caps_length_at_a_word_boundary() -> None:
    text, flags = clean("word " * 5000, 1000)
    assert len(text) <= 1000 and "truncated" in flags and text.endswith("word")


def test_input_guard_removes_control_characters() -> None:
    text, _ = clean("where\x00 is\x1b the\u200b station\ufeff", 1000)
    assert text == "where is the station"


def test_english_with_a_spanish_name_is_english() -> None:
    assert clean("where is the station on la salle road", 1000)[1] == []


def test_spanish_and_portuguese_are_readable() -> None:
    assert clean("¿Dónde está la estación de policía?", 1000)[1] == []
    assert clean("Onde fica a delegacia? Preciso de ajuda com um relatório", 1000)[1] == []


def test_unpaired_surrogates_are_removed() -> None:
    text, _ = clean("\ud800 my house is on fire", 1000)
    assert text == "my house is on fire" and assess(text).verdict == "emergency"


def test_a_restraining_order_question_gets_the_domestic_violence_reply() -> None:
    verdict = assess("how do I get a restraining order against my ex who keeps hitting me")
    assert verdict.verdict == "domestic_violence"


def test_danger_in_one_clause_wins_over_the_routine_question_beside_it() -> None:
    text = "how do I get a copy of the accident report. my dad collapsed and isn't breathing"
    assert assess(text).verdict == "emergency"
    assert assess("We had a fire last month. how do I get the fire report").verdict == "routine"


def test_abuse_not_happening_now_is_domestic_violence() -> None:
    assert assess("my wife hit me last night").verdict == "domestic_violence"
    assert assess("my husband is hitting me right now").verdict == "emergency"


def test_forces_domestic_violence_when_the_classifier_missed() -> None:
    name, action, _ = decide(
        "my boyfriend choked me last week",
        {"name": "report_non_emergency"},
        _ranking(("report_non_emergency", 0.7)),
        [],
        0.25,
    )
    assert (name, action) == ("domestic_violence", "forced")


def test_past_incident_words_are_routine_without_present_time() -> None:
    assert assess("I was robbed last month and want to follow up").verdict == "routine"
    assert assess("I was just robbed, he's running down main st").verdict == "emergency"


def test_not_an_emergency_demotes_the_classifier_without_a_lexicon_match() -> None:
    name, action, _ = decide(
        "how do I call the police if it's not an emergency",
        {"name": "emergency"},
        _ranking(("emergency", 0.6), ("contact_info", 0.3)),
        [],
        0.25,
    )
    assert (name, action) == ("contact_info", "demoted")


def test_a_medical_emergency_is_never_kept_as_domestic_violence() -> None:
    name, _, _ = decide(
        "my husband isn't breathing",
        {"name": "domestic_violence"},
        _ranking(("domestic_violence", 0.7)),
        [],
        0.25,
    )
    assert name == "emergency"


def test_a_routine_phrase_demotes_the_classifier() -> None:
    name, action, _ = decide(
        "the shooting range by my house is loud",
        {"name": "emergency"},
        _ranking(("emergency", 0.55), ("report_non_emergency", 0.4)),
        [],
        0.25,
    )
    assert (name, action) == ("report_non_emergency", "demoted")


def test_a_demoted_emergency_with_no_likely_second_guess_asks_again() -> None:
    # the fallback threshold applies to the second guess too: 0.05 is no answer
    name, action, _ = decide(
        "the shooting range by my house is loud",
        {"name": "emergency"},
        _ranking(("emergency", 0.9), ("report_non_emergency", 0.05)),
        [],
        0.25,
    )
    assert (name, action) == ("nlu_fallback", "demoted")


def test_abuse_not_happening_now_refines_a_classifier_emergency() -> None:
    name, action, _ = decide(
        "my husband hits me and I'm scared to go home",
        {"name": "emergency"},
        _ranking(("emergency", 1.0)),
        [],
        0.25,
    )
    assert (name, action) == ("domestic_violence", "refined")


def test_suicidal_thoughts_refine_a_classifier_emergency_to_crisis() -> None:
    name, action, _ = decide(
        "i just want to die honestly", {"name": "emergency"}, _ranking(("emergency", 0.7)), [], 0.25
    )
    assert (name, action) == ("crisis", "refined")


def test_an_attempt_happening_now_stays_an_emergency() -> None:
    name, _, _ = decide(
        "he says he wants to die and took a bunch of pills",
        {"name": "crisis"},
        _ranking(("crisis", 0.9)),
        [],
        0.25,
    )
    assert name == "emergency"


def test_another_language_keeps_an_urgent_classifier_verdict() -> None:
    name, _, _ = decide(
        "alguien está entrando a mi casa",
        {"name": "emergency"},
        _ranking(("emergency", 0.6)),
        ["other_language"],
        0.25,
    )
    assert name == "emergency"


def test_another_language_without_danger_goes_to_fallback() -> None:
    name, _, _ = decide(
        "¿Dónde está la estación?",
        {"name": "station_location"},
        _ranking(),
        ["other_language"],
        0.25,
    )
    assert name == "nlu_fallback"


def test_urgent_belief_split_between_urgent_intents_is_urgent() -> None:
    name, action, _ = decide(
        "a lingua do meu filho inchou e ele ta com dificuldade pra respirar",
        {"name": "nlu_fallback"},
        _ranking(
            ("nlu_fallback", 0.3), ("emergency", 0.21), ("crisis", 0.19), ("safety_tips", 0.15)
        ),
        [],
        0.25,
    )
    assert (name, action) == ("emergency", "combined")


def test_a_routine_context_keeps_split_urgent_belief_routine() -> None:
    name, _, _ = decide(
        "how do I get a pistol permit",
        {"name": "pistol_permit"},
        _ranking(("pistol_permit", 0.3), ("emergency", 0.2), ("crisis", 0.15)),
        [],
        0.25,
    )
    assert name == "pistol_permit"


# --- laughter, a question beside a disclosure, signs of dying now (session 5's general causes) ---
# the classifier unsure of anything: what the lexicon and its contexts decide alone
UNSURE = [("nlu_fallback", 0.3), ("out_of_scope", 0.2)]


def _decided(text: str, ranking: list[tuple[str, float]]) -> str:
    rows = [{"name": n, "confidence": c} for n, c in ranking]
    return decide(text, rows[0], rows, [], 0.25)[0]


@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        ("voy a matar a mi hermano si se come mi pizza otra vez jaja", [("crisis", 0.78)]),
        (
            "to morrendo de saudade da minha mae no brasil",
            [("crisis", 0.33), ("out_of_scope", 0.2)],
        ),
        ("meu chefe vai me matar se eu chegar atrasado de novo rs", [("nlu_fallback", 0.3)]),
        (
            "my boss is gonna kill me if i miss the bus, where do i pay a ticket",
            [("parking_ticket", 0.6)],
        ),
    ],
)
def test_laughter_and_hyperbole_are_not_danger(text: str, ranking) -> None:
    assert _decided(text, ranking) not in DANGER_INTENTS


@pytest.mark.parametrize(
    "text",
    [
        "me quiero morir jaja no es broma",
        "quero morrer kkk mas é serio",
        "lol i want to kill myself",  # self-harm said directly is never laughed away
    ],
)
def test_laughter_never_undoes_self_harm(text: str) -> None:
    assert _decided(text, [("nlu_fallback", 0.3), ("crisis", 0.2)]) == "crisis"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "how do i get a records check on my "
            "boyfriend, hes been getting violent and grabbing my neck",
            "domestic_violence",
        ),
        (
            "where do i pay a parking ticket. my husband says hell hurt me if i ever leave",
            "domestic_violence",
        ),
        (
            "minha irma ta sendo agredida pelo marido dela, como posso ajudar ela",
            "domestic_violence",
        ),
        ("how do i get a pistol permit i want a gun to end my life", "crisis"),
        (
            "can i get fingerprinted tomorrow? also my roommate took "
            "too many pills by accident and wont wake up",
            "emergency",
        ),
        (
            "how do i apply for a vendor permit theres "
            "a guy with a rifle walking into the high school",
            "emergency",
        ),
        ("meu avo parou de respirar, oq eu faço", "emergency"),
        ("ahorita estoy parada en las vias del tren", "emergency"),
        ("un perro le esta mordiendo la pierna a un niño y no lo suelta", "emergency"),
    ],
)
def test_danger_beside_a_question_is_not_tempered_by_it(text: str, category: str) -> None:
    """An urgent reply (911 leads every one); the warning signs of suicide get 988's."""
    verdict = assess(text).verdict
    assert verdict in ("emergency", "crisis", "domestic_violence"), verdict
    assert (verdict == "crisis") == (category == "crisis")


@pytest.mark.parametrize(
    "text",
    [
        "estoy haciendo una presentacion para la universidad sobre violencia domestica",
        "regalan candados para armas? tengo niños chiquitos en la casa",
        "if there was ever an active shooter at a mall what are you supposed to do",
        "si veo un accidente con heridos llamo al 911 o a la estacion?",
        "o detector de fumaça fica apitando por causa da bateria, nao tem fogo nenhum",
        "el humo del vecino q fuma se mete a mi apartamento, eso es pa la policia?",
        "our synagogue wants an active shooter drill",
    ],
)
def test_a_topic_a_hypothetical_or_a_lawful_gun_is_routine(text: str) -> None:
    assert assess(text).verdict not in DANGER_INTENTS


# --- sixth session's general causes: written for others, abuse behind the writer, settled ---
@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        (
            "could an officer visit my daughters class, shes doing a report on domestic violence",
            [("domestic_violence", 0.6), ("community_programs", 0.3)],
        ),
        (
            "necesito el numero de la linea de crisis para ponerlo en el boletin de la iglesia",
            [("crisis", 0.55), ("contact_info", 0.35)],
        ),
        (
            "vou fazer um cartaz sobre violencia domestica para a escola, tem material?",
            [("domestic_violence", 0.5), ("community_programs", 0.4)],
        ),
        (
            "my ex used to hit me but that was years ago and im safe now, i need the old report",
            [("domestic_violence", 0.5), ("police_report", 0.4)],
        ),
        (
            "smoke alarm went off because i burnt the toast, all good",
            [("emergency", 0.5), ("safety_tips", 0.35)],
        ),
        ("send help lol my in-laws are staying a whole month", [("emergency", 0.4)]),
        (
            "mi ex se llevo la bicicleta hace un mes, no hay peligro, es robo?",
            [("domestic_violence", 0.45), ("report_non_emergency", 0.4)],
        ),
    ],
)
def test_a_message_written_for_others_or_settled_is_not_urgent(text: str, ranking) -> None:
    assert _decided(text, ranking) not in DANGER_INTENTS


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i keep thinking about killing myself but im fine now", "crisis"),
        (
            "where do i pay a false alarm fine, there are flames coming out of my garage",
            "emergency",
        ),
        ("im not planning on being around much longer so it doesnt matter", "crisis"),
        ("i looked up the tallest bridge around here last night", "crisis"),
        ("how do you stop wanting to kill yourself", "crisis"),
        (
            "how do i get a copy of my brothers accident report, hes been "
            "talking about suicide ever since",
            "crisis",
        ),
        ("i just found my neighbor hanging in his garage", "emergency"),
        ("un cliente saco un cuchillo en la tienda donde trabajo", "emergency"),
        ("cual es la dosis que mata de ibuprofeno", "crisis"),
        ("o namorado da minha irma escondeu o passaporte dela", "domestic_violence"),
        ("me encierra en la casa cuando se va a trabajar", "domestic_violence"),
        ("fiz meu testamento e dei minha gata pra vizinha, chegou a hora", "crisis"),
        ("nobody can talk me out of it this time", "crisis"),
        ("loaded my pistol and left it by the bed in case tonight gets bad", "crisis"),
    ],
)
def test_warning_signs_and_danger_the_sixth_sets_taught(text: str, category: str) -> None:
    assert _decided(text, UNSURE) == category


def test_a_clause_of_danger_beside_a_school_project_stays_urgent() -> None:
    """The project is the first clause's subject; the pills are the second's."""
    assert "audience" in assess("im a student doing a project on policing").context
    verdict = assess("also my friend just swallowed a whole bottle of pills")
    assert verdict.verdict == "emergency"


def test_after_hes_gone_is_not_they_left() -> None:
    assert "gone" not in assess("my dad wants me to look after mom after hes gone").context


def test_a_failing_lexicon_leaves_the_classifiers_verdict(monkeypatch) -> None:
    """A bug in a pattern must not turn a resident's message into a 500: the classifier's
    intent stands (an urgent one still gets its reply)."""
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu import triage

    def broken(text: str):
        raise ValueError("bad pattern")

    monkeypatch.setattr(triage, "assess", broken)
    message = Message(data={"text": "someone is breaking in", "intent": {"name": "emergency"}})
    message.set("intent_ranking", [{"name": "emergency", "confidence": 0.9}])
    component = triage.UrgentTriage(triage.UrgentTriage.get_default_config())
    [out] = component.process([message])
    assert out.get("intent")["name"] == "emergency"
    assert out.get("triage")["action"] == "error"


# --- the sixth sets' general causes (sixth session), each caught and left alone ---
@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "wrote my will last week, i'm 34, my brother gets the cat. i feel calm about it",
            "crisis",
        ),
        ("what if i just wasnt around anymore, serious question", "crisis"),
        ("if anything happens to me please make sure my son is looked after", "crisis"),
        ("i havent felt like living for months now", "crisis"),
        ("also i am watching some guys beat up a kid behind the gas station", "emergency"),
        ("my chest is killing me and my left arm is going numb", "emergency"),
        ("a car just went into the pond off the parkway", "emergency"),
        ("si me pasa algo cuiden a mi perrita y a mis hijos", "crisis"),
        ("perdi todo, pa que seguir", "crisis"),
        ("hoy separei os remedios todos e deixei tudo arrumado", "crisis"),
        ("hoje e o ultimo dia dela, ela postou isso", "crisis"),
        ("meu filho pesquisou como se enforcar no computador", "crisis"),
        ("he choked me last night and i dont know what to do", "domestic_violence"),
        ("i can see smoke filling up the hallway of my building", "emergency"),
    ],
)
def test_warning_signs_and_danger_of_the_sixth_sets(text: str, category: str) -> None:
    assert _decided(text, UNSURE) == category


@pytest.mark.parametrize(
    "text",
    [
        "hoy es el ultimo dia de clases de mi hijo, hay cruce de peatones frente a la escuela?",
        "the co alarm went off, fire dept checked it and said it was a bad sensor",
        "how do you become a hostage negotiator",
        "whats the minimum age to buy a rifle in ct",
        "saw a video of an officer pulling his gun on a guy, how do i request the body cam",
        "vi fumaça no quintal mas era so o vizinho fazendo churrasco",
        "o cachorro do vizinho morreu atropelado, quem recolhe?",
        "un venado muerto atropellado en la carretera, a quien llamo",
        "what to do if someone is a drunk driver, in general not right now",
    ],
)
def test_routine_messages_of_the_sixth_sets_are_not_urgent(text: str) -> None:
    assert assess(text).verdict not in DANGER_INTENTS


def test_laughter_does_not_undo_a_crisis_told_in_a_second_clause() -> None:
    text = "nem sei pq to escrevendo kkk mas hoje separei os comprimidos"
    assert _decided(text, [("nlu_fallback", 0.3)]) == "crisis"


# --- the seventh sets' general causes (seventh session), each caught and left alone ---
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("my toddler drank some bleach from under the sink", "emergency"),
        ("o bebe engoliu uma pilha do controle", "emergency"),
        ("mi hija se tomo un poco de cloro", "emergency"),
        ("i need to talk to somebody please, im really not ok", "crisis"),
        ("my wife passed last spring and honestly im ready to go too", "crisis"),
        ("my brother is so depressed and keeps asking where dad keeps the rifle", "crisis"),
        ("es normal querer morir todos los dias?", "crisis"),
        ("acho que amanha ja nao vou estar aqui", "crisis"),
        ("to no meu limite, nao aguento", "crisis"),
        ("mi hija de 15 no llego a dormir anoche y no contesta el telefono", "emergency"),
        ("hay dos hombres peleando con navajas en el estacionamiento", "emergency"),
        ("he said he'd kill me if I leave, also do you take volunteers", "emergency"),
        ("ela diz que se eu sair de casa ela foge com os meus filhos", "domestic_violence"),
        ("she tried to hang herself, I cut her down, shes barely breathing", "emergency"),
    ],
)
def test_warning_signs_and_danger_of_the_seventh_sets(text: str, category: str) -> None:
    assert _decided(text, UNSURE) == category


@pytest.mark.parametrize(
    "text",
    [
        "is it illegal to carry a box cutter for work in ct",
        "my great uncle's wwii rifle, does it have to be registered",
        "can i mail a hunting knife to my brother",
        "the fire dept is doing a pancake breakfast, what time",
        "fender bender in the lot, nobody hurt, how do i get the report",
        "my mom had a stroke in october, she's fine now, i want to thank the officers",
        "what's the difference between a protective order and a standing criminal order",
        "uso el machete del jardin para cortar la maleza, lo puedo llevar en el carro?",
        "tenho uma espingarda antiga de coleção, precisa registrar?",
        "vi humo por el cerro pero dicen que es una quema controlada",
        "la policia tiene perros k9? mi hijo se muere por verlos",
    ],
)
def test_routine_messages_of_the_seventh_sets_are_not_urgent(text: str) -> None:
    assert assess(text).verdict not in DANGER_INTENTS


def test_a_request_for_a_language_is_not_a_split_urgent_guess() -> None:
    ranking = [("nlu_fallback", 0.25), ("crisis", 0.2), ("emergency", 0.15), ("greet", 0.1)]
    assert _decided("my english is not good, posso escrever em portugues?", ranking) not in (
        "emergency",
        "crisis",
    )
    # ...but danger told beside it, now, still is
    assert _decided("vcs falam em portugues? meu tio caiu agora e nao levanta", ranking) in (
        "emergency",
        "crisis",
    )


def test_a_split_guess_about_the_past_with_no_alarming_word_is_routine() -> None:
    ranking = [("nlu_fallback", 0.25), ("emergency", 0.2), ("crisis", 0.1), ("out_of_scope", 0.15)]
    assert _decided("the ambulance came for my neighbor last week, how is he", ranking) not in (
        "emergency",
        "crisis",
    )


def test_a_fragments_classifier_guess_does_not_speak_for_a_message_written_for_others() -> None:
    """ "What's the DV line's number? I want to post it at church": the classifier's urgent guess
    on one fragment, with no alarming word the lexicon sees, is the subject, not an event."""
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu import triage

    clause = Message(
        data={
            "text": "can you tell me more about that one for everybody",
            "intent": {"name": "crisis"},
        }
    )
    clause.set("intent_ranking", [{"name": "crisis", "confidence": 0.7}])
    component = triage.UrgentTriage(triage.UrgentTriage.get_default_config())
    assert component._urgent_clause(clause, {"audience"}) is None
    # the same fragment in a message not written for others speaks for it
    assert component._urgent_clause(clause, set())[0] == "crisis"


# --- the eighth sets' general causes (eighth session), each caught and left alone ---
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i hate that i woke up again today", "crisis"),
        ("which parking garages in town are high enough, asking for a reason", "crisis"),
        ("i just want someone to find me before my kids do", "crisis"),
        ("deleting all my accounts tonight, want to leave nothing behind", "crisis"),
        ("who takes a cat if the owner dies? want to make sure luna is ok after", "crisis"),
        ("i have a bottle of pills right here next to me", "crisis"),
        ("someone is hiding in my closet i can hear him breathing", "emergency"),
        ("my alarm is going off and i can see a man inside my kitchen on the camera", "emergency"),
        ("asalto en progreso en la tienda de la esquina", "emergency"),
        ("la chimenea se salio de control y no la puedo apagar", "emergency"),
        ("choque en la 84, el carro quedo aplastado contra el muro", "emergency"),
        ("ella dice que si llamo a la policia se lleva a los niños y me mata", "domestic_violence"),
        ("ele disse que se eu denunciar ele mata minha gata", "domestic_violence"),
        ("to quebrando as vitrines da loja agora", "emergency"),
        ("acho que o mundo seria melhor sem alguem como eu", "crisis"),
        ("me quemo con cigarros cuando me siento mal", "crisis"),
        ("ultimamente pienso que seria mejor un accidente en el trabajo", "crisis"),
    ],
)
def test_warning_signs_and_danger_the_eighth_sets_taught(text: str, category: str) -> None:
    assert _decided(text, UNSURE) == category


@pytest.mark.parametrize(
    "text",
    [
        "the fire alarm at my office went off for no reason, who fines the landlord",
        "my uncle did time for armed robbery in the 80s and needs a records check",
        "my shop got robbed in 2021, the case is closed now, can i get the file",
        "the impound lot is robbing me blind, $250 a day",
        "the tow company is holding my truck hostage till i pay",
        "loud bangs last night, probably fireworks, did anyone call it in",
        "whats the legal blade length for a pocket knife",
        "are there archery or knife throwing lessons in town",
        "vendo mi rifle de caza, que papeles necesito",
        "a que hora abre la oficina de permisos de armas",
        "me quiero morir de la verguenza, deje las llaves adentro del carro",
        "meu filho explodiu de raiva no videogame",
        "disseram que sequestraram minha filha mas era golpe, ela tava em casa",
        "vi um cara armado no mercado mas era segurança, ta tudo certo",
    ],
)
def test_routine_messages_of_the_eighth_sets_are_not_urgent(text: str) -> None:
    assert _decided(text, UNSURE) not in DANGER_INTENTS


def test_overnight_parking_is_not_the_past() -> None:
    assert "past" not in assess("what are the overnight parking rules").context


def test_seeing_is_not_selling_in_portuguese() -> None:
    """ "vendo" is "I sell" in Spanish and "seeing" in Portuguese: never a permit context there."""
    assert "permit" not in assess("to vendo uma briga, um cara com faca").context


def test_a_lawful_gun_at_a_traffic_stop_is_a_question() -> None:
    text = "I carry a licensed handgun in my car, what do I tell an officer who pulls me over?"
    assert assess(text).verdict not in DANGER_INTENTS
    drawn = "i got pulled over and the man behind me just pulled a gun on the officer"
    assert assess(drawn).verdict == "emergency"


def test_abuse_told_in_the_perfect_tense_is_abuse() -> None:
    assert assess("mi padrastro me ha golpeado varias veces").verdict == "domestic_violence"


# --- the ninth sets' general causes (ninth session), each caught and left alone ---
@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "can i hand in my pistol at the station, want it gone before i do something stupid",
            "crisis",
        ),
        ("picked out songs for my funeral today, weird hobby i know", "crisis"),
        ("writing my will at 19 seems normal right", "crisis"),
        (
            "my daughter left for the bus at 7 and never made it to school, nobody has seen her",
            "emergency",
        ),
        ("also my brother took some fentanyl and he wont wake up", "emergency"),
        ("my roommate is breathing really slow and i cant wake her", "emergency"),
        ("the co alarm is beeping and my kids are throwing up", "emergency"),
        ("my husband won't let me see my family or have a phone", "domestic_violence"),
        ("she forced me to have sex last night", "domestic_violence"),
        ("i have bruises on my neck where he choked me", "domestic_violence"),
        ("we fled the house this morning and need somewhere to stay tonight", "domestic_violence"),
        ("un hombre se llevo a mi hija del parque y no lo conocemos", "emergency"),
        ("hay un tipo afuera con un machete en la mano", "emergency"),
        ("se prendio la alarma de monoxido y todos tenemos dolor de cabeza", "emergency"),
        ("mi mama dice que se va a tirar del puente", "emergency"),  # an attempt about to happen
        ("tengo miedo que lo vuelva a hacer, ayer me pego", "domestic_violence"),
        ("mi esposo no me deja trabajar ni hablar con mi hermana", "domestic_violence"),
        ("tem um cara na porta com um facao na mao", "emergency"),
        ("meu pai fica falando em se matar, o que eu faço", "crisis"),
        ("to com pensamentos ruins e nao consigo parar", "crisis"),
        ("minha esposa nao me deixa sair de casa", "domestic_violence"),
        ("honestly i just want out for good", "crisis"),
        ("if i disappeared no one would notice for weeks", "crisis"),
        ("my dad fell off the ladder and is not moving", "emergency"),
        ("siento que no tengo razon para vivir", "crisis"),
        ("mi ex me amenazo de muerte por whatsapp", "domestic_violence"),
        ("nao tenho motivo pra viver", "crisis"),
        ("tenho juntado uns comprimidos, acho que chegou a hora", "crisis"),
    ],
)
def test_warning_signs_and_danger_the_ninth_sets_taught(text: str, category: str) -> None:
    assert _decided(text, UNSURE) == category


@pytest.mark.parametrize(
    "text",
    [
        "my grandmother left me a revolver, how do i get it registered",
        "i inherited my dad's hunting rifles, how do i transfer them to my name",
        "are butterfly knives legal in connecticut",
        "best way to store ammo and guns in an apartment? do you sell lock boxes",
        "my old restraining order expired last year, does it still show on a background check",
        "where do i pick up the protective order forms",
        "can i get some brochures on domestic violence for our church lobby",
        "car fire in the lot on monday, the fire department put it out, need the report",
        "la policia se llevo a mi hija, donde esta detenida",
        "atropellaron a mi perro en la calle y sigue ahi, quien lo recoge",
        "el humo era de la chimenea del vecino, ya paso el susto",
        "puedo llevar mi escopeta de caza en el carro a otro estado",
        "se me perdio mi pistola en la mudanza, hay que reportarlo",
        "vcs tem cadeado de arma pra doar?",
        "atropelaram um gato na minha rua, quem recolhe",
        "a escola vai fazer simulação de incêndio na sexta",
        "tenho guardado uns remédios vencidos, onde descarto?",
        "sick and tired of being tired, where do i get a parking permit",
    ],
)
def test_routine_messages_of_the_ninth_sets_are_not_urgent(text: str) -> None:
    assert _decided(text, UNSURE) not in DANGER_INTENTS


# --- the tenth sets' general causes (tenth session), each caught and left alone ---
@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "the store alarm just went off and i can see someone inside on the live feed",
            "emergency",
        ),
        ("who takes my cat if something happens to me soon", "crisis"),
        ("if anything happens to me i want my dogs rehomed together", "crisis"),
        ("mi hijo se esta cortando los brazos, que hago", "crisis"),
        ("estoy cansada de luchar, ya no puedo", "crisis"),
        ("escribi cartas para mis hijos por si me pasa algo", "crisis"),
        ("minha filha ta se cortando de novo", "crisis"),
        ("to cansado de lutar contra tudo", "crisis"),
        ("deixei cartas pros meus pais caso aconteça algo", "crisis"),
        ("un carro casi me atropella y el chofer se bajo con un cuchillo", "emergency"),
    ],
)
def test_warning_signs_and_danger_the_tenth_sets_taught(text: str, category: str) -> None:
    assert _decided(text, UNSURE) == category


@pytest.mark.parametrize(
    "text",
    [
        "how do i report a lost or stolen handgun",
        "does the town range let residents practice with a new rifle",
        "where do businesses get a narcan kit",
        "my dog barks whenever the noon whistle blows, is that a violation",
        "a truck hit a pole yesterday, the trucks are gone but the pole is leaning",
        "got a text saying my toll is unpaid, i didnt click the link",
        "my late uncle left some old shotguns we want to get rid of",
        "la alarma de humo suena cada rato, creo que es la bateria",
        "o detector de fumaça ta apitando, deve ser a bateria",
        "teve confusao na rua ontem mas agora ta tudo calmo",
    ],
)
def test_routine_messages_of_the_tenth_sets_are_not_urgent(text: str) -> None:
    assert _decided(text, UNSURE) not in DANGER_INTENTS


# --- the eleventh sets' general causes (eleventh session), each caught and left alone ---
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("a man just grabbed my daughter at the bus stop", "emergency"),
        ("two guys are trying to pull me out of my car", "emergency"),
        ("my husband cut his hand on the saw and theres so much blood", "emergency"),
        ("how long until someone would notice me gone if i live alone", "crisis"),
        ("told her it was for hunting but its not", "crisis"),
        ("my roommate says shes going to end it tonight", "crisis"),
        ("he took my phone so i cant call anyone, using my laptop", "domestic_violence"),
        ("se llevaron a mi hija del parque en un carro", "emergency"),
        ("unos tipos me vienen siguiendo desde la gasolinera", "emergency"),
        ("compre pastillas para acabar con todo", "crisis"),
        ("le tengo miedo a mi esposo, no se que hacer", "domestic_violence"),
        ("levaram meu filho da escola num carro preto", "emergency"),
        ("ja decidi, so me falta coragem", "crisis"),
        ("melhor sumir de vez, ninguem vai ligar", "crisis"),
        ("meu namorado apertou meu pescoco de novo", "domestic_violence"),
        # "como se nada" is "as if nothing", not a how-to ("como se faz")
        ("ele me enforcou e depois agiu como se nada tivesse acontecido", "domestic_violence"),
        ("me ahorco y despues actuo como se nada", "domestic_violence"),
        # strangulation told in the past, with "fue sin querer", is still abuse
        ("anoche me apreto el cuello y hoy dice que fue sin querer", "domestic_violence"),
        (
            "he choked me last week, says it was an accident, can i get a report",
            "domestic_violence",
        ),
    ],
)
def test_warning_signs_and_danger_the_eleventh_sets_taught(text: str, category: str) -> None:
    assert _decided(text, UNSURE) == category


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("does connecticut require a gun safe if i have teenagers", "nlu_fallback"),
        ("my dad is going to kill me, i dented his car, how do i get a report", "nlu_fallback"),
        ("where do people get hunting knives sharpened around here", "nlu_fallback"),
        ("i want to check if a rifle i am buying privately was reported stolen", "nlu_fallback"),
        ("false alarm, my daughter found her way home", "crisis"),
        ("my protective order runs out in may, how do i renew it", "nlu_fallback"),
        ("es legal llevar un cuchillo de caza en el carro", "nlu_fallback"),
        ("me llego un texto de un paquete retenido, no le di click", "crisis"),
        ("tengo arma legalizada, preciso registrar em danbury?", "nlu_fallback"),
        ("como se registra uma arma herdada do meu avo", "nlu_fallback"),
        ("tem uns caras brigando no bar toda semana, nao é agora, so queria avisar", "emergency"),
    ],
)
def test_routine_messages_of_the_eleventh_sets_are_not_urgent(text: str, guess: str) -> None:
    """Left alone, whether the words alone or the classifier's guess would have alarmed."""
    ranking = [(guess, 0.6), ("report_non_emergency", 0.35)]
    assert _decided(text, ranking) not in DANGER_INTENTS


# --- the twelfth sets' general causes (twelfth session), each caught and left alone ---
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("took a handful of my sleeping pills like an hour ago", "crisis"),
        ("honestly might throw myself off the parking garage tonight", "crisis"),
        ("does the permit take long? prob wont be around to use it anyway", "crisis"),
        ("my nephew texted me that hes going to kill himself after school", "crisis"),
        ("a van just hit a kid on a scooter and kept going", "emergency"),
        ("grandpa has dementia and we cant find him anywhere since lunch", "emergency"),
        ("i smell gas in the hallway and my neighbor is smoking out there", "emergency"),
        ("my ex put a tracker under my car and keeps showing up", "domestic_violence"),
        ("una camioneta blanca me viene siguiendo desde el trabajo", "emergency"),
        ("ya no puedo mas con esto, hoy es el dia", "crisis"),
        ("mi esposo me vigila con el gps del telefono todo el tiempo", "domestic_violence"),
        ("huele a gas en la escalera y el vecino esta fumando", "emergency"),
        ("mi hermano esta en el garaje con el carro prendido", "emergency"),
        ("o carro ta ligado na garagem faz uma hora e ele nao sai", "emergency"),
        ("quantos comprimidos de dipirona sao demais? e para mim mesma", "crisis"),
        ("encontrei um rastreador na bolsa, foi meu marido", "domestic_violence"),
        # written "pra" (Portuguese texting), which the lexicon reads as "para": these phrases
        # had been written only in the spelling the normaliser never leaves
        ("tenho os remedios guardados pra acabar com isso", "crisis"),
        ("escrevi cartas pra minha mae caso eu nao acorde", "crisis"),
        ("o fogo ta alto e nao da pra apagar", "emergency"),
        ("ele escondeu meu celular pra eu nao chamar a policia", "domestic_violence"),
        # "not for a school project" is not written for others; donating oneself is not a charity
        ("googled the tallest parking garage in town, not for a school project", "crisis"),
        ("how do i donate my organs if i end things soon", "crisis"),
    ],
)
def test_warning_signs_and_danger_the_twelfth_sets_taught(text: str, category: str) -> None:
    assert _decided(text, UNSURE) == category


@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        ("im drowning in homework, does the explorer program meet on weekdays", UNSURE),
        ("cant find my dads old shotgun since the move, do i report that", UNSURE),
        ("just curious, what am i supposed to do if i find a gun in the yard", UNSURE),
        ("is it okay to keep a knife in the glovebox for camping", UNSURE),
        ("our church wants to donate coats to the domestic violence shelter", UNSURE),
        ("our suicide loss survivors group meets monthly, could an officer speak", UNSURE),
        # the lexicon reads the words as over; the classifier's urgent guess gives way to it
        ("my son wandered off at the fair but security found him, hes fine", [("emergency", 0.4)]),
        ("grease fire last night, fire dept put it out, everyones ok", UNSURE),
        ("me va a matar mi papa si no recojo la multa hoy", [("crisis", 0.6)]),
        ("tengo una escopeta registrada y me voy a mudar, que hago", UNSURE),
        ("tienen folletos de violencia domestica? es para una charla en la parroquia", UNSURE),
        ("fue un susto nomas, ya aparecio mi sobrino", [("emergency", 0.3), ("out_of_scope", 0.1)]),
        ("chocaron enfrente pero ya vino la ambulancia, necesitan testigos?", UNSURE),
        ("o que se deve fazer se sentir cheiro de gas? pergunto so por curiosidade", UNSURE),
        ("minha sogra vai me matar se eu perder a audiencia, que horas é", UNSURE),
        (
            "sou assistente social, como encaminho clientes pro programa de violencia domestica",
            UNSURE,
        ),
        ("esse transito ta de matar hoje, tem obra na 84?", [("emergency", 0.3), ("crisis", 0.2)]),
        # "só descobri agora" is when the writer found out, not danger now
        (
            "roubaram minha bicicleta em outubro, so descobri agora quem foi",
            [("nlu_fallback", 0.25), ("out_of_scope", 0.15), ("emergency", 0.13), ("crisis", 0.12)],
        ),
    ],
)
def test_routine_messages_of_the_twelfth_sets_are_not_urgent(text: str, ranking) -> None:
    """Left alone, whether the words alone or the classifier's guess would have alarmed."""
    assert _decided(text, ranking) not in DANGER_INTENTS


# --- the thirteenth sets' general causes (thirteenth session), each caught and left alone ---
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("my son wrote in his journal about killing himself, what should we do", "crisis"),
        (
            "do officers do welfare checks on people who sound suicidal? asking bc thats me",
            "crisis",
        ),
        ("how many floors up would a fall have to be to be fatal", "crisis"),
        # a loaded gun in hand: the emergency reply (911 first) outranks the crisis one
        ("grabbed my brothers rifle from the closet and its loaded now", "emergency"),
        (
            "my boy was supposed to be home from practice an hour ago and hes not answering",
            "emergency",
        ),
        ("two guys are stealing the wheels off my car out front, i can see them", "emergency"),
        ("entraron a robar a la tienda con un arma, estamos escondidos en la bodega", "emergency"),
        ("nadie me extrañaria si desapareciera, ya lo decidi", "crisis"),
        ("tengo la escopeta de mi tio aqui y quiero usarla conmigo", "crisis"),
        ("ya no aguanto nada, estoy arriba en el puente de la 84", "crisis"),
        ("ninguem ia sentir minha falta se eu sumisse", "crisis"),
        ("quero que essa dor acabe de qualquer jeito", "crisis"),
        ("nobody would even notice if i was gone", "crisis"),
    ],
)
def test_warning_signs_and_danger_the_thirteenth_sets_taught(text: str, category: str) -> None:
    assert _decided(text, UNSURE) == category


@pytest.mark.parametrize(
    "text",
    [
        "the smoke alarm keeps chirping, probably a low battery, which kind do i buy",
        "is a stun gun considered a weapon in connecticut",
        "could an officer come to our club to talk about active shooter response? "
        "we want to be prepared",
        "heard shots in the woods all morning, pretty sure its hunters, is that allowed this close",
        "el detector de humo esta pitando, creo q es la bateria, no hay fuego",
        "el humo de la parrilla del vecino entra por mi ventana, a quien llamo",
        "mi hijo actua en una obra de teatro sobre un robo, pueden venir a hablar",
        "si me llega otra multa me da un infarto jaja, donde pago",
        "encontre unas balas viejas en el sotano, no hay ningun arma, que hago con ellas",
        "quero aprender a ajudar alguem engasgado caso aconteca, tem curso?",
        "tem lei contra maltrato de animais aqui? vi um caso na novela",
        # a statistics question and an officer who never called back are not danger
        "how many crashes on route 7 are fatal each year",
        "the detective never got back to me about my report, who do i ask",
        "encontre un cuchillo oxidado en la acera, lo entrego en la estacion?",
        "me quede sin llaves afuera del carro pero no hay ningun niño adentro, abren carros?",
    ],
)
def test_routine_messages_of_the_thirteenth_sets_are_not_urgent(text: str) -> None:
    assert _decided(text, UNSURE) not in DANGER_INTENTS


# --- the fourteenth sets' general causes (fourteenth session), each caught and left alone ---
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i made up my mind tonight. soon i'll be at peace", "crisis"),
        ("everything is sorted. after tonight i'll finally be free", "crisis"),
        ("i just saw a guy climbing out of my neighbors back window carrying a bag", "emergency"),
        ("the outlet behind the fridge is throwing sparks and the wall is warm", "emergency"),
        ("someone just pulled a little girl into a gray van on park rd and drove off", "emergency"),
        ("i locked myself in the bathroom, he is banging on the door", "emergency"),
        ("subieron a un niño a la fuerza en un carro rojo y se fueron", "emergency"),
        ("se metieron a la casa de al lado y se escuchan gritos", "emergency"),
        ("me escondi en el closet con mi bebe, hay alguien abajo", "emergency"),
        ("mi hermana dice que se va a tomar el veneno para ratas", "crisis"),
        ("enfiaram uma menina dentro de um carro preto a forca e sairam", "emergency"),
        ("me tranquei no banheiro com as criancas, ele ta quebrando tudo", "emergency"),
        ("meu irmao falou que vai tomar veneno hoje", "crisis"),
        ("the man next door is lying on his lawn face down, not moving", "emergency"),
    ],
)
def test_warning_signs_and_danger_the_fourteenth_sets_taught(text: str, category: str) -> None:
    assert _decided(text, UNSURE) == category


@pytest.mark.parametrize(
    "text",
    [
        "heard sirens all over town, was there a fire somewhere? just wondering",
        "my landlord will kill me if the alarm goes off again in my unit. "
        "how do i get a false alarm excused",
        "the restraining order from my divorce expired in june, do i have to do anything",
        "the protective order against my ex got dismissed, does it show up on background checks",
        "my ex hit me and he is in jail now, how do i sign up to be told when he gets out",
        "sufri violencia domestica unos años atras, hay grupos de apoyo en español?",
        "tienen contacto de un refugio para victimas de violencia domestica? quiero donar ropa",
        "mi ex me golpeo y ya esta preso, como me inscribo para que me avisen si sale",
        "vcs tem contato de abrigo pra vitimas de violencia domestica? quero doar fraldas",
        "sofri violencia domestica uns anos atras e hoje to bem, tem grupo de apoio?",
        "vai ter treino no estande da policia? os vizinhos falaram que vao ouvir tiros",
        "my dog was lying in the sun not moving much today, is the dog park open",
        "is there a gun buyback this year? my late uncle had some old rifles in the attic "
        "and nobody in the family wants them",
        "my grandfather had two old rifles in his closet and nobody wants them, who takes them",
    ],
)
def test_routine_messages_of_the_fourteenth_sets_are_not_urgent(text: str) -> None:
    assert _decided(text, UNSURE) not in DANGER_INTENTS


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("en español por favor", "es"),
        ("English please", "en"),
        ("posso falar em português?", "pt"),
        ("hablas español?", "es"),
    ],
)
def test_a_message_that_only_asks_for_a_language_is_greeted_in_it(
    parse, text: str, code: str
) -> None:
    """Not "that's outside what I can help with": the greeting, in the language asked for."""
    parsed = parse(text)
    assert parsed["intent"]["name"] == "greet"
    languages = [e["value"] for e in parsed["entities"] if e["entity"] == "language"]
    assert languages == [code]


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["tem alguem ai que fala portugues?", "hay algun oficial que hable español?"]
)
def test_asking_for_someone_who_speaks_it_is_the_handoff_question(parse, text: str) -> None:
    """Answered with how to ask for an interpreter (no bilingual staff is claimed), not greeted."""
    assert parse(text)["intent"]["name"] == "human_handoff"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"), [("hola", "es"), ("oi", "pt"), ("ayuda", "es"), ("AJUDA", "pt")]
)
def test_a_greeting_or_a_cry_for_help_sets_its_language(parse, text: str, code: str) -> None:
    parsed = parse(text)
    languages = [e["value"] for e in parsed["entities"] if e["entity"] == "language"]
    assert languages == [code], parsed["intent"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "code"), [("perro", "es"), ("vivo en Danbury", "es")])
def test_a_first_message_of_a_few_words_sets_its_language(parse, text: str, code: str) -> None:
    """No page or conversation language yet (none is passed here): one word only Spanish or
    Portuguese writes tells it, whatever the intent; with a language already, it would not flip."""
    parsed = parse(text)
    assert [e["value"] for e in parsed["entities"] if e["entity"] == "language"] == [code]


def _clause(text: str, intent: str, confidence: float):
    from rasa.shared.nlu.training_data.message import Message

    clause = Message(data={"text": text, "intent": {"name": intent, "confidence": confidence}})
    clause.set("intent_ranking", [{"name": intent, "confidence": confidence}])
    return clause


def test_a_message_written_for_others_settles_a_clause_that_names_the_subject() -> None:
    """The lexicon's own rule for its clauses, in triage's: "tienen programas para víctimas de
    violencia doméstica? es para una charla en la iglesia" names the subject; an event in a clause
    is still one ("im doing a project on policing. also i took 20 pills")."""
    from bot.nlu import triage

    component = triage.UrgentTriage(triage.UrgentTriage.get_default_config())
    topic = _clause(
        "tienen programas para victimas de violencia domestica?", "community_programs", 0.9
    )
    assert component._urgent_clause(topic, {"audience"}) is None
    assert component._urgent_clause(topic, set())[0] == "domestic_violence"
    event = _clause("also i took the whole bottle of pills", "crisis", 0.6)
    assert component._urgent_clause(event, {"audience"}) is not None
    crisis = _clause("also i keep thinking about ending my life tonight", "community_programs", 0.5)
    assert component._urgent_clause(crisis, {"audience"})[0] == "crisis"


def _groups(src: str) -> list[tuple[int, int]]:
    """The inside of every group of a regex source, and the whole source."""
    spans, stack, i = [(0, len(src))], [], 0
    while i < len(src):
        if src[i] == "\\":
            i += 2
            continue
        if src[i] == "[":
            i = src.index("]", i + 1) + 1
            continue
        if src[i] == "(":
            head = re.match(r"\(\?(?::|<!|<=|!|=)?", src[i:])
            stack.append(i + (len(head.group(0)) if head else 1))
        elif src[i] == ")":
            spans.append((stack.pop(), i))
        i += 1
    return spans


def _alternatives(src: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the top-level alternatives of src[start:end]."""
    spans, depth, first, i = [], 0, start, start
    while i < end:
        if src[i] == "\\":
            i += 2
            continue
        if src[i] == "[":
            i = src.index("]", i + 1) + 1
            continue
        depth += {"(": 1, ")": -1}.get(src[i], 0)
        if src[i] == "|" and depth == 0:
            spans.append((first, i))
            first = i + 1
        i += 1
    return [*spans, (first, end)]


def test_no_phrase_is_written_only_in_a_spelling_the_normaliser_never_leaves() -> None:
    """Each lexicon reads a message after its normaliser has expanded texting ("pra" → "para",
    "ta" → "está", "wanna" → "want to"). A pattern that spells a phrase only the texting way can
    never match: "pra acabar com isso", "não dá pra apagar" and five more Portuguese phrases were
    dead that way until the twelfth session. Each such spelling must have its expansion written
    beside it, as another alternative of the same group."""
    from bot.nlu.lexicon import LEXICONS

    dead = []
    for lexicon in LEXICONS:
        sources = [(p.name, p.regex.pattern) for p in lexicon.patterns] + [
            (name, rx.pattern)
            for name, rx in [*lexicon.contexts.items(), ("present", lexicon.present)]
        ]
        for name, src in sources:
            masked = re.sub(r"\\.", "  ", src)  # \b, \w, \s: not words
            spans = _groups(src)
            for m in re.finditer(r"(?<![A-Za-z'])[a-z][a-z']*(?![A-Za-z'(])", masked):
                word, expanded = m.group(0), lexicon.normalise(m.group(0))
                if expanded in (word, "") or not re.fullmatch(r"[a-z' ]+", expanded):
                    continue
                inside = min(
                    (s for s in spans if s[0] <= m.start() and m.end() <= s[1]),
                    key=lambda s: s[1] - s[0],
                )
                options = _alternatives(src, *inside)
                first, last = next(o for o in options if o[0] <= m.start() <= o[1])
                fixed = src[first : m.start()] + expanded + src[m.end() : last]
                if fixed not in {src[a:b] for a, b in options}:
                    dead.append((lexicon.language, name, src[first:last][:60]))
    assert not dead, dead


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "how can i get a copy of a police report? and where do i pay a parking ticket?",
            "police_report",
            "parking_ticket",
        ),
        (
            "como consigo una copia del reporte policial? "
            "y donde pago una multa de estacionamiento?",
            "police_report",
            "parking_ticket",
        ),
    ],
)
def test_a_second_question_in_the_same_message_is_named_for_its_answer(
    parse, text: str, first: str, second: str
) -> None:
    parsed = parse(text)
    assert parsed["intent"]["name"] == first
    assert parsed["triage"]["also"] == second


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a detail beside the question, not a second question
        "I need a copy of my accident report for insurance. My car was hit in the lot last week.",
        "how do i pay a parking ticket? i got it downtown yesterday",
    ],
)
def test_a_detail_beside_the_question_is_not_a_second_question(parse, text: str) -> None:
    assert parse(text)["triage"]["also"] is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # found by a new user's trial (fourteenth session): 911, Safe Connect or "out of scope"
        ("quiero saber si hay una orden de arresto contra mi", "arrested_person"),
        ("tem mandado de prisão contra mim?", "arrested_person"),
        ("necesito un intérprete para hablar con la policía", "human_handoff"),
        ("oi, acabei de me mudar", "greet"),
    ],
)
def test_questions_a_new_user_asked_get_their_topic(parse, text: str, intent: str) -> None:
    assert parse(text)["intent"]["name"] == intent
