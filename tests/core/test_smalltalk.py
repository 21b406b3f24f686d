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
