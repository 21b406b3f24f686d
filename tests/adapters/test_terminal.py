"""adapters/terminal.py: the reply as terminal text."""

from __future__ import annotations

import datetime as dt

from adapters.terminal import render_text
from bot.core.reply import Reply, Status


def test_should_print_the_checked_date_beside_the_source_and_the_disclaimer_last() -> None:
    """An answer's source line says when it was checked; the disclaimer still ends it."""
    reply = Reply(Status.ANSWER, "What is Selank?", "A peptide.", "Not medical advice.",
                  source="The article", entry_id="what-is-selank",
                  reviewed=dt.date(2026, 11, 26))
    lines = render_text(reply).splitlines()
    assert "Source: The article · checked 2026-11-26" in lines
    assert lines[-1] == "Not medical advice."
