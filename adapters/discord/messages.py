"""Which gateway messages are questions for the bot, and what the question is."""

from __future__ import annotations

import re

import discord

_MARKUP = re.compile(r"<(?:@[!&]?|#|a?:\w+:|t:|/)[^<>\s]{0,200}>")
"""Discord's tokens: `<@123>`, `<@!123>`, `<@&123>` (roles), `<#123>`, `<:emoji:123>`, `<t:…>`."""


def without_markup(text: str) -> str:
    """Text without Discord's mention, channel, emoji and timestamp tokens: Discord's half of
    translating in (the core removes only control characters and `@everyone` / `@here`)."""
    return " ".join(_MARKUP.sub(" ", text).split())


def question_in(message: discord.Message, me: discord.abc.User) -> str | None:
    """The question a message asks the bot, or None when the bot should stay quiet.

    In a server only a direct mention counts: `@everyone` or `@here` alone leaves the bot out
    of `message.mentions`, so it is not a question to the bot. In a DM every message counts.
    Bots, webhooks and the bot itself are never answered. An empty result ("" after the
    mention is removed) is a question too: the core answers it with help.
    """
    author = message.author
    if author.id == me.id or author.bot or message.webhook_id is not None:
        return None
    in_dm = message.guild is None
    mentioned = any(user.id == me.id for user in message.mentions)
    if not in_dm and not mentioned:
        return None
    text = message.content
    for form in (f"<@{me.id}>", f"<@!{me.id}>"):
        text = text.replace(form, " ")
    return without_markup(text)
