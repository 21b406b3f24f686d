"""The lexical ranker reads a long post's asking sentences, not its backstory."""

from __future__ import annotations

from bot.matching.focus import FOCUS_WORDS, question_of

BACKSTORY = ("I have been under a lot of pressure at work since the spring, with a new manager, "
             "two reorganisations and a commute that got longer when we moved house. My sister "
             "sent me links about peptides and I read them on the train. ")


def test_a_long_post_is_read_as_its_asking_sentences() -> None:
    post = BACKSTORY + "Is Selank addictive? Thanks for reading all this."
    assert len(post.split()) > FOCUS_WORDS
    assert question_of(post) == "Is Selank addictive?"


def test_several_asking_sentences_are_kept_in_order() -> None:
    post = BACKSTORY + "How fast does it work? I travel a lot. And can I take it with coffee?"
    assert question_of(post) == "How fast does it work? And can I take it with coffee?"


def test_a_short_message_and_a_post_that_never_asks_are_read_whole() -> None:
    assert question_of("my week was long. is selank addictive") == (
        "my week was long. is selank addictive")
    assert question_of(BACKSTORY) == BACKSTORY
