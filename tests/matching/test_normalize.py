"""Normalization: chat text and curated text meet in the same words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.matching.normalize import INPUT_CAP, apply_synonyms, clean, normalize


def test_should_casefold_and_drop_punctuation() -> None:
    """Case, punctuation and extra spaces do not matter."""
    assert normalize("  What IS   Selank?!  ") == "what is selank"


def test_should_spell_out_contractions_and_chat_shorthand() -> None:
    """`don't`, `what's` and `u` become full words."""
    assert normalize("Don’t u know what's in it") == "do not you know what is in it"
    assert normalize("can't sleep w/o it") == "can not sleep without it"


def test_should_drop_possessive_s() -> None:
    """`Selank's effects` and `Selank effects` read the same."""
    assert normalize("Selank's effects") == "selank effects"


def test_should_apply_nfkc_so_lookalike_characters_match() -> None:
    """Full-width letters are the same word."""
    assert normalize("ＳＥＬＡＮＫ") == "selank"


def test_should_strip_broadcast_words_of_every_platform() -> None:
    """`@everyone`, `@here` and `@channel` never reach the matcher, whatever the platform."""
    assert normalize("@everyone is it safe @here @channel") == "is it safe"


def test_should_remove_control_characters() -> None:
    """Control and zero-width characters are gaps, not letters."""
    assert normalize("is\x00it\u200bsafe\x1b") == "is it safe"


def test_should_cut_input_at_the_cap_and_say_so() -> None:
    """A huge message is cut to INPUT_CAP characters, and the cut is reported."""
    text, cut = clean("a" * (INPUT_CAP * 100))
    assert cut is True
    assert len(text) == INPUT_CAP
    assert clean("short")[1] is False


def test_should_replace_the_longest_synonym_phrase_first() -> None:
    """`sub q` is one variant, not `sub` then `q`."""
    synonyms = {"sub q": "subcutaneous", "q": "question"}
    assert apply_synonyms("is sub q ok".split(), synonyms, 2) == ["is", "subcutaneous", "ok"]


@given(st.text(max_size=300))
def test_normalizing_twice_changes_nothing(text: str) -> None:
    """Normalization is idempotent."""
    once = normalize(text)
    assert normalize(once) == once
