"""bot/core/safety/chargrams.py: the classifier for the eight languages besides English."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from bot.core.safety.chargrams import CharGramClassifier, features
from bot.core.safety.triage import Danger, Triager, tells_rather_than_asks

MODEL = CharGramClassifier.load()


def test_features_ignore_case_accents_and_spacing() -> None:
    assert np.array_equal(features("Ésta   NOCHE"), features("esta noche"))


def test_features_are_the_same_in_every_process() -> None:
    """The hash is crc32, not Python's salted hash(): trained weights stay meaningful."""
    code = "from bot.core.safety.chargrams import features; print(features('хочу уйти').tolist())"
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={"PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")}
    assert runs == {f"{features('хочу уйти').tolist()}\n"}


def test_the_shipped_model_reads_the_eight_other_languages_and_not_english() -> None:
    assert MODEL.languages == ("de", "es", "fr", "it", "pl", "pt", "ru", "uk")
    assert 0.5 < MODEL.threshold < 1.0


@pytest.mark.parametrize("question", [
    "¿Cómo se guarda el selank una vez abierto?",
    "Wie lange dauert es, bis Selank wirkt?",
    "селанк можно сочетать с кофе?",
    "czy selank jest legalny w Polsce?",
    "o selank dá sono?",
])
def test_ordinary_questions_are_calm(question: str) -> None:
    assert MODEL.probability(question) < MODEL.threshold


def test_a_wording_no_phrase_list_names_is_caught_in_its_language(classifying: Triager) -> None:
    message = "сижу на крыше, 14 этаж. просто хотела кому-то написать"
    assert Triager().triage(message).danger is Danger.NONE  # phrase lists alone miss it
    verdict = classifying.triage(message)
    assert verdict.is_crisis and verdict.signal.startswith("chargrams p=")
    assert verdict.lang == "ru"


@pytest.mark.parametrize(("text", "lang", "tells"), [
    ("ich schaffe das alles nicht mehr und will einfach nur weg", "de", True),
    ("¿el selank me puede ayudar a dormir mejor?", "es", False),  # a question
    ("selank mi aiuta molto con la concentrazione al lavoro", "it", False),  # names Selank
    ("salut tout le monde 👋", "fr", False),  # too short: greetings read like farewells
    ("dwa lata temu stałem na moście, dziś jest dobrze", "pl", False),  # dated history
])
def test_a_statement_is_a_message_that_tells_rather_than_asks(text: str, lang: str,
                                                             tells: bool) -> None:
    assert tells_rather_than_asks(text, lang) is tells


def test_a_statement_is_held_to_the_lower_bar_and_a_question_to_the_usual_one() -> None:
    assert MODEL.bar_for_statements < MODEL.threshold
    statement = "Ich schaffe das alles nicht mehr, es ist alles zu viel und ich will nur weg"
    probability = MODEL.probability(statement)
    lowered = replace(MODEL, statement_threshold=probability - 0.01,
                      threshold=probability + 0.01)
    triager = Triager(chargrams=lowered)
    assert triager.triage(statement).signal.startswith("chargrams p=")
    assert triager.triage(statement + "?").danger is Danger.NONE
