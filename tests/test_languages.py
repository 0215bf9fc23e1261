"""The language of a message and of the conversation (bot/languages.py), with real lingua."""

from __future__ import annotations

import pytest

from bot.languages import Detection, detect, requested, shown_language, word_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("me robaron el carro anoche, como hago el reporte", "es"),
        ("ya no quiero vivir, no aguanto mas", "es"),
        ("qual é o telefone da polícia de danbury", "pt"),
        ("nao quero mais viver, to cansada de tudo", "pt"),
        ("how do I get a copy of a police report", "en"),
        ("bonjour, je voudrais un rapport de police", "other"),
    ],
)
def test_the_language_a_resident_writes_in(text: str, code: str) -> None:
    assert detect(text).code == code


@pytest.mark.parametrize("text", ["ok", "sí", "obrigado", "Danbury", "2", "👍"])
def test_a_short_message_says_nothing_about_the_language(text: str) -> None:
    assert detect(text).code is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("en español por favor", "es"), ("English please", "en"), ("em português", "pt")],
)
def test_asking_for_a_language(text: str, code: str) -> None:
    found = detect(text)
    assert found.code == code and found.requested


def test_what_a_message_shows_about_the_conversations_language() -> None:
    assert shown_language(Detection("pt", 0.8), hint="es") == "pt"  # written in beats the hint
    assert shown_language(Detection(None, 0.4), hint="es") == "es"  # the channel's hint
    assert shown_language(Detection(None, 0.9), danger_words="pt") == "pt"  # "socorro!!"
    assert shown_language(Detection(None, 0.4)) is None  # "ok": the conversation keeps its own
    assert shown_language(Detection("other", 0.9)) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("hola, gracias", "es"), ("oi, obrigado", "pt"), ("y donde?", "es"), ("oi, onde fica?", "pt")],
)
def test_two_short_words_of_one_language_tell_it(text: str, code: str) -> None:
    """Too short for lingua, but two Spanish or Portuguese words and no English one are enough:
    the reply to "hola, gracias" is in Spanish."""
    assert detect(text).code == code


@pytest.mark.parametrize("text", ["thanks", "ok la", "hi, mi casa"])
def test_one_marker_or_an_english_word_is_not_enough(text: str) -> None:
    assert detect(text).code is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("cuando es el national night out en west hartford", "es"),
        ("quando tem o proximo coffee with a cop", "pt"),
        ("ja tem data do drug take back day?", "pt"),
        ("como me inscribo en la citizens police academy de Connecticut", "es"),
    ],
)
def test_english_program_names_do_not_make_a_message_english(text: str, code: str) -> None:
    """Residents name programs in English whatever language they write in; with two Spanish or
    Portuguese short words and no English one, the message is in that language."""
    assert detect(text).code == code


@pytest.mark.parametrize(
    "text", ["when is national night out", "do you do coffee with a cop", "do you have a tip line"]
)
def test_english_about_programs_stays_english(text: str) -> None:
    assert detect(text).code in ("en", None)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("tô em perigo", "pt"),  # "tô" is not English "to"
        ("quero tomar todos os remedios do armario", "pt"),  # lingua reads it as Spanish
        ("estoy en peligro ahorita, ayuda", "es"),
    ],
)
def test_one_languages_own_words_outweigh_a_short_reading(text: str, code: str) -> None:
    """Two or more words only Portuguese (or only Spanish) writes, and none of the other's,
    decide between the two: a Portuguese crisis message answered in Spanish is not understood."""
    assert detect(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("hola", "es"),
        ("buenas!", "es"),
        ("ayuda", "es"),
        ("oi", "pt"),
        ("olá", "pt"),
        ("e ai", "pt"),
        ("AJUDA", "pt"),
    ],
)
def test_a_greeting_or_a_cry_for_help_shows_its_language_by_one_word(text: str, code: str) -> None:
    """For a greeting or an urgent message (bot/nlu/triage.py), one word only Spanish or only
    Portuguese writes tells the language: "hola" is greeted in Spanish, "ajuda" gets 911 in
    Portuguese."""
    assert word_language(text) == code


@pytest.mark.parametrize("text", ["socorro", "hi", "ok", "hola how are you", "help", "911"])
def test_a_word_both_share_or_an_english_one_shows_nothing(text: str) -> None:
    assert word_language(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("minha mae nao fala ingles, tem interprete?", None),
        ("i dont speak spanish well", None),
        ("no hablo ingles, en español por favor", "es"),
        ("em portugues por favor", "pt"),
    ],
)
def test_a_language_someone_does_not_speak_is_not_asked_for(text: str, code: str | None) -> None:
    """ "não fala inglês" names English as the one not spoken: it must not switch to it."""
    assert requested(text) == code
