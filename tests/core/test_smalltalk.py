"""Help by words: greetings and questions about the bot, never a question about Selank."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.core.smalltalk import is_help_request
from bot.matching.normalize import normalize


@pytest.mark.parametrize("message", [
    "r u a real doc or just a bot lol",
    "who coded u",
    "wat can u even do",
    "sup bot whats ur deal",
    "hi! what can you do, and are you a real person?",
    "Give me a sample question I could ask you.",
    "namaste bot ji",
])
def test_questions_about_the_bot_are_help(message: str) -> None:
    assert is_help_request(normalize(message))


@pytest.mark.parametrize("message", [
    "what can you tell me about side effects",
    "are you sure selank is not addictive?",
    "are you a doctor? my mom takes xanax and zoloft every day and wants to know if selank "
    "is safe to add",
    "who made selank",
])
def test_questions_about_selank_are_not_help(message: str) -> None:
    assert not is_help_request(normalize(message))


@pytest.mark.parametrize("message", [
    "Quick one before I start: is there a human typing these replies or is it a program?",
    "where do ur answers come from? who checked your answers, a pharmacist?",
    "so what all can you help with, mate",
    "I run a small clinic group and want to know the source of your answers before I point "
    "anyone at you.",
    "what sorts of questions can I throw at you",
    "Is it all automated? I just want to know before I type anything personal.",
    "can I quote your answers in a newsletter?",
])
def test_who_answers_where_answers_come_from_and_what_to_ask_are_help(message: str) -> None:
    """Up to 30 words, with a sentence of context before or after."""
    assert is_help_request(normalize(message))


@pytest.mark.parametrize("message", [
    "is it safe for people who also take a benzo, or is that a bad idea?",
    "can a person on an SSRI use it, or should they ask their doctor first?",
    "what's the source of the claim that it raises BDNF?",
    "which studies are the answers about anxiety based on, and were they done in Russia?",
    "what kind of side effects can I expect in the first week?",
])
def test_questions_about_selank_that_share_those_words_are_not_help(message: str) -> None:
    assert not is_help_request(normalize(message))


@pytest.mark.parametrize("message", [
    "does the bot understand Italian too?",
    "quick q: do you keep a log of my messages?",
    "can I trust the answers this bot gives?",
    "who's in charge of this bot if something is wrong?",
    "is the assistant only about Selank, or other peptides too?",
    "how should I word things so the bot gets it?",
    "is the bot an actual person?",
    "¿para qué sirve este bot?",
    "was kann dieser Bot?",
    "что умеет этот бот?",
])
def test_questions_that_name_the_bot_are_help(message: str) -> None:
    """Languages, privacy, trust, scope and use, with the bot named rather than "you"."""
    assert is_help_request(normalize(message))


@pytest.mark.parametrize("message", [
    "how does it work in the brain?",
    "who made it and where does it come from?",
    "can I trust the Russian studies on it?",
    "is it only for anxiety, or also for focus?",
    "how do I use it, spray or injection?",
    "does it keep working if I skip a day?",
    "how this works inside the body, which systems?",
])
def test_questions_about_selank_with_it_are_not_help(message: str) -> None:
    """"it" is Selank: only the bot named as the bot, or "you", asks about the bot."""
    assert not is_help_request(normalize(message))


HELP_TRAIN = yaml.safe_load((Path(__file__).parent / "help_train.yaml").read_text("utf-8"))


def test_the_help_training_set_reaches_help_and_its_look_alikes_do_not() -> None:
    """Floors on the set the patterns learned from: by words alone 109 of 160 (the help
    route by meaning brings the whole bot to 150), and none of the 80 Selank look-alikes."""
    about_the_bot = [i["q"] for i in HELP_TRAIN if i["label"] == "help"]
    look_alikes = [i["q"] for i in HELP_TRAIN if i["label"] == "selank"]
    assert sum(is_help_request(normalize(q)) for q in about_the_bot) >= 107
    assert [q for q in look_alikes if is_help_request(normalize(q))] == []
