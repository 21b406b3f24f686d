"""Reply -> embed, without a network: Discord's limits hold and the disclaimer is never cut."""

from __future__ import annotations

import datetime as dt

import discord
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.discord.render import (
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    FIELD_COUNT_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    FOOTER_LIMIT,
    SHORTENED,
    TITLE_LIMIT,
    render,
)
from bot.content.knowledge import Comparison
from bot.core.reply import Reply, Status

DISCLAIMER = "For information only: this is not medical advice."


def reply(**fields: object) -> Reply:
    values: dict[str, object] = {"status": Status.ANSWER, "title": "What is Selank?",
                                 "body": "A peptide.", "disclaimer": DISCLAIMER,
                                 "source": "The article"}
    values.update(fields)
    return Reply(**values)  # type: ignore[arg-type]


def size(embed: discord.Embed) -> int:
    return len(embed)


def assert_within_limits(embed: discord.Embed) -> None:
    assert len(embed.title or "") <= TITLE_LIMIT
    assert len(embed.description or "") <= DESCRIPTION_LIMIT
    assert len(embed.footer.text or "") <= FOOTER_LIMIT
    assert len(embed.fields) <= FIELD_COUNT_LIMIT
    assert all(len(f.name or "") <= FIELD_NAME_LIMIT and len(f.value or "") <= FIELD_VALUE_LIMIT
               for f in embed.fields)
    assert size(embed) <= EMBED_TOTAL_LIMIT


def test_should_put_title_body_source_and_disclaimer_in_place() -> None:
    """Title is the question, description the answer, footer the source then the disclaimer."""
    embed = render(reply())
    assert (embed.title, embed.description) == ("What is Selank?", "A peptide.")
    assert embed.footer.text == f"Source: The article\n{DISCLAIMER}"


def test_should_shorten_a_long_body_and_say_so() -> None:
    """A body past 4,096 characters is cut at a word and ends saying it was shortened."""
    embed = render(reply(body="word " * 3000))
    assert_within_limits(embed)
    assert (embed.description or "").endswith(SHORTENED)
    assert embed.footer.text is not None and embed.footer.text.endswith(DISCLAIMER)


def test_should_keep_the_whole_disclaimer_when_the_source_is_huge() -> None:
    """A long source is cut; the disclaimer after it is not."""
    embed = render(reply(source="s" * 5000))
    assert_within_limits(embed)
    assert embed.footer.text is not None and embed.footer.text.endswith(f"…\n{DISCLAIMER}")


def test_should_move_a_disclaimer_too_long_for_a_footer_into_the_body_whole() -> None:
    """A disclaimer past 2,048 characters cannot be cut, so it is shown above the answer."""
    long_disclaimer = "Not medical advice. " * 120
    embed = render(reply(disclaimer=long_disclaimer))
    assert_within_limits(embed)
    assert long_disclaimer.strip() in (embed.description or "")


def test_should_cut_a_long_title_to_256_characters() -> None:
    """Titles longer than Discord allows end in an ellipsis."""
    embed = render(reply(title="Why " * 100))
    assert len(embed.title or "") <= TITLE_LIMIT
    assert (embed.title or "").endswith("…")


def test_should_show_the_notice_above_the_answer() -> None:
    """A notice (such as "your message was cut") comes first, in italics."""
    embed = render(reply(notice="Your message was long."))
    assert (embed.description or "").startswith("*Your message was long.*\n\nA peptide.")


def test_should_give_each_compared_feature_a_field_with_every_column() -> None:
    """One field per feature; each column's value on its own line, named."""
    comparison = Comparison(columns=("Selank", "Semax"),
                            rows=(("Primary effect", ("Calming", "Stimulating")),
                                  ("Sedation", ("No", "No"))))
    embed = render(reply(comparison=comparison))
    assert [(f.name, f.value) for f in embed.fields] == [
        ("Primary effect", "**Selank:** Calming\n**Semax:** Stimulating"),
        ("Sedation", "**Selank:** No\n**Semax:** No"),
    ]


def test_should_fit_a_comparison_too_big_for_one_embed() -> None:
    """40 long features keep to 25 fields, 1,024 per value and 6,000 in all, and say so."""
    rows = tuple((f"Feature {i}", ("x" * 900, "y" * 900)) for i in range(40))
    embed = render(reply(comparison=Comparison(("Selank", "Semax"), rows)))
    assert_within_limits(embed)
    assert embed.fields
    assert SHORTENED in (embed.description or "")
    assert embed.footer.text is not None and embed.footer.text.endswith(DISCLAIMER)


@settings(max_examples=60, deadline=None)
@given(title=st.text(max_size=400), body=st.text(max_size=9000),
       notice=st.none() | st.text(min_size=1, max_size=200),
       source=st.none() | st.text(max_size=3000),
       rows=st.lists(st.tuples(st.text(max_size=300), st.text(max_size=700)), max_size=30))
def test_should_respect_every_limit_and_keep_the_disclaimer_for_any_reply(
        title: str, body: str, notice: str | None, source: str | None,
        rows: list[tuple[str, str]]) -> None:
    """Whatever the reply holds, the embed is valid and the disclaimer is whole in it."""
    comparison = Comparison(("A", "B"), tuple((f, (v, v)) for f, v in rows)) if rows else None
    embed = render(reply(title=title, body=body, notice=notice, source=source,
                         comparison=comparison))
    assert_within_limits(embed)
    assert DISCLAIMER in (embed.footer.text or "")


NET = "If you or someone near you is in danger, call your local emergency number."


def test_should_end_the_description_with_the_safety_line_even_when_shortened() -> None:
    """A long "I don't know" is shortened, never its safety line or its disclaimer."""
    embed = render(reply(status=Status.FALLBACK, body="word " * 3000, safety_net=NET))
    assert (embed.description or "").endswith(NET)
    assert DISCLAIMER in (embed.footer.text or "")
    assert_within_limits(embed)


def test_should_show_the_checked_date_beside_the_source_and_keep_the_disclaimer() -> None:
    """"checked <date>" follows the source in the footer; a long source is cut, never the
    disclaimer after it."""
    embed = render(reply(reviewed=dt.date(2026, 11, 26)))
    assert embed.footer.text == f"Source: The article · checked 2026-11-26\n{DISCLAIMER}"
    long = render(reply(reviewed=dt.date(2026, 11, 26), source="s" * 3000))
    assert_within_limits(long)
    assert long.footer.text is not None and long.footer.text.endswith(f"…\n{DISCLAIMER}")
