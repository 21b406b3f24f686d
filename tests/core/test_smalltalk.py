"""Help by words: greetings and questions about the bot, never a question about Selank."""

from __future__ import annotations

import pytest

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
