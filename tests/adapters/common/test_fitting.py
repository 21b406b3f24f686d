"""adapters/common/fitting.py: cuts that end where the platform allows, and notes never cut."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from adapters.common.fitting import ELLIPSIS, at_word, cut, pieces, shorten

NOTE = "(shortened)"


def test_text_within_the_limit_is_left_as_it_is() -> None:
    assert cut("a short answer", 14) == "a short answer"


def test_a_cut_at_word_ends_at_the_last_space_near_the_limit() -> None:
    assert cut("the peptide is studied in Russia", 20, at_word) == "the peptide is…"


def test_a_cut_at_word_does_not_throw_away_most_of_the_text_for_a_space() -> None:
    assert cut("a " + "b" * 40, 20, at_word) == "a " + "b" * 17 + ELLIPSIS


def test_shorten_adds_the_note_to_text_that_fits_and_cuts_text_that_does_not() -> None:
    assert shorten("fits", 40, NOTE) == f"fits\n\n{NOTE}"
    shortened = shorten("word " * 50, 40, NOTE, at_word)
    assert shortened.endswith(f"…\n\n{NOTE}") and len(shortened) <= 40


def test_pieces_split_at_line_ends_and_split_an_overlong_line() -> None:
    assert pieces("one\ntwo\nthree", 7) == ["one\ntwo", "three"]
    assert pieces("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


@given(st.text(min_size=0, max_size=300), st.integers(min_value=2, max_value=120))
def test_every_cut_and_piece_is_within_its_limit(text: str, limit: int) -> None:
    assert len(cut(text, limit)) <= limit
    assert len(cut(text, limit, at_word)) <= limit
    assert all(len(piece) <= limit for piece in pieces(text, limit))
    assert len(shorten(text, limit + len(NOTE) + 2, NOTE)) <= limit + len(NOTE) + 2
