"""bot/core/safety/chargrams.py: the classifier for the eight languages besides English."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from bot.core.safety.chargrams import CharGramClassifier, features
from bot.core.safety.triage import Danger, Triager

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
