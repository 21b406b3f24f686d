"""Renders a reply as plain text for the terminal (the CLI's "platform")."""

from __future__ import annotations

import re
import textwrap

from bot.reply import Comparison, Reply, Status

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def render_text(reply: Reply) -> str:
    """The whole reply as terminal text, disclaimer last."""
    parts = [reply.title, "", _BOLD.sub(r"\1", reply.body)]
    if reply.comparison is not None:
        parts += ["", comparison_table(reply.comparison)]
    if reply.suggestions:
        parts += [""] + [f"  {i}. {s.question}  [{s.id}]" for i, s in
                         enumerate(reply.suggestions, 1)]
    if reply.related:
        label = "Closest topics:" if reply.status is Status.FALLBACK else "See also:"
        parts += ["", label] + [f"  - {r.question}  [{r.id}]" for r in reply.related]
    if reply.notice:
        parts += ["", f"Note: {reply.notice}"]
    if reply.source and reply.status is Status.ANSWER:
        parts += ["", f"Source: {reply.source}"]
    if reply.safety_net:
        parts += ["", reply.safety_net]
    parts += ["", textwrap.fill(reply.disclaimer, width=100)]
    return "\n".join(parts)


def comparison_table(comparison: Comparison) -> str:
    """A fixed-width table; every platform has its own, this one is for terminals and logs."""
    header = ("", *comparison.columns)
    rows = [header, *((feature, *values) for feature, values in comparison.rows)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
             for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)
