"""Reply -> Discord embed: pure layout within Discord's limits, never cutting the disclaimer.

Discord renders the core's light markdown (`**bold**`, `- ` bullets) natively, so the body
goes in as it is; only its length is managed here.
"""

from __future__ import annotations

from dataclasses import dataclass

import discord

from adapters.common import fitting
from bot.content.knowledge import Comparison
from bot.core.reply import Reply, Status

# Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object).
# Every reply is one embed, so the 10-embeds-a-message limit never comes into play.
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_COUNT_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000

SHORTENED = "*(Shortened to fit Discord: ask about one part of it for more.)*"
_DESCRIPTION_FLOOR = 2048
"""When the body and the comparison cannot both fit, the body keeps at least this much."""

_COLOURS: dict[Status, discord.Colour] = {
    Status.ANSWER: discord.Colour.blurple(),
    Status.SUGGEST: discord.Colour.gold(),
    Status.FALLBACK: discord.Colour.light_grey(),
    Status.SAFETY: discord.Colour.red(),
}


@dataclass(frozen=True, slots=True)
class _Field:
    name: str
    value: str

    @property
    def size(self) -> int:
        return len(self.name) + len(self.value)


def render(reply: Reply) -> discord.Embed:
    """One embed for the reply: title, body, comparison fields, source and disclaimer."""
    title = cut(reply.title, TITLE_LIMIT)
    footer, spill = _footer(reply)
    text = "\n\n".join(part for part in (_notice(reply), spill, reply.body) if part)
    fields = _fields(reply.comparison)
    # The safety line ends the description; room is kept for it before anything is shortened.
    net = f"\n\n{reply.safety_net}" if reply.safety_net else ""

    room = EMBED_TOTAL_LIMIT - len(title) - len(footer) - len(net)
    fields_size = sum(f.size for f in fields)
    fits = (len(text) + len(net) <= DESCRIPTION_LIMIT and len(fields) <= FIELD_COUNT_LIMIT
            and len(text) + fields_size <= room)
    if fits:
        description = text
    else:
        budget = min(DESCRIPTION_LIMIT - len(net),
                     max(room - fields_size, min(room, _DESCRIPTION_FLOOR)))
        description = fitting.shorten(text, budget, SHORTENED, fitting.at_word)
        room -= len(description)
        kept: list[_Field] = []
        for item in fields[:FIELD_COUNT_LIMIT]:
            if item.size <= room:
                kept.append(item)
                room -= item.size
        fields = kept

    embed = discord.Embed(title=title, description=description + net,
                          colour=_COLOURS.get(reply.status, discord.Colour.teal()))
    for item in fields:
        embed.add_field(name=item.name, value=item.value, inline=False)
    embed.set_footer(text=footer)
    return embed


def cut(text: str, limit: int) -> str:
    """`text` within `limit` characters, ending in an ellipsis (at a word break if one is near)."""
    return fitting.cut(text, limit, fitting.at_word)


def _footer(reply: Reply) -> tuple[str, str]:
    """Footer text (source and checked date, then the disclaimer), plus the disclaimer to show
    in the body if it could not fit a footer; only the source line is ever cut."""
    disclaimer = reply.disclaimer.strip()
    source = reply.source_line or ""
    if len(disclaimer) > FOOTER_LIMIT:
        return cut(source, FOOTER_LIMIT), disclaimer
    if not source:
        return disclaimer, ""
    room = FOOTER_LIMIT - len(disclaimer) - 1
    if room < len("Source: ") + 2:
        return disclaimer, ""
    return f"{cut(source, room)}\n{disclaimer}", ""


def _notice(reply: Reply) -> str:
    return f"*{discord.utils.escape_markdown(reply.notice)}*" if reply.notice else ""


def _fields(comparison: Comparison | None) -> list[_Field]:
    """One field per compared feature, holding each column's value on its own line."""
    if comparison is None:
        return []
    fields = []
    for feature, values in comparison.rows:
        lines = [f"**{column}:** {value}" for column, value in zip(comparison.columns, values,
                                                                    strict=False)]
        fields.append(_Field(cut(feature, FIELD_NAME_LIMIT) or "-",
                             cut("\n".join(lines), FIELD_VALUE_LIMIT) or "-"))
    return fields
