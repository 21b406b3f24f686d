"""The terminal as a platform: a chat through BotService, and replies as plain text.

The command line prints replies with `render_text`; `chat` is the session `selank-bot chat`
and `run` (with no token, in a terminal) start, asking through the service like any adapter.
"""

from __future__ import annotations

import re
import sys
import textwrap
from typing import TextIO

from bot.content.knowledge import Comparison
from bot.core.actions import POINTERS_HEADING
from bot.core.reply import Reply, Status
from bot.ops.service import Asker, BotService

TERMINAL_USER = Asker("terminal", "local")
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
        parts += ["", POINTERS_HEADING.get(reply.status, "Related:")]
        parts += [f"  - {r.question}  [{r.id}]" for r in reply.related]
    if reply.notice:
        parts += ["", f"Note: {reply.notice}"]
    if reply.source_line and reply.status is Status.ANSWER:
        parts += ["", reply.source_line]
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


def chat(service: BotService, stdin: TextIO | None = None) -> int:
    """An interactive session; `quit` or Ctrl-D ends it."""
    stdin = stdin or sys.stdin
    interactive = stdin.isatty()
    if interactive:
        import readline  # noqa: F401  (line editing and history for input())

        print("Ask me about Selank. Type help for ideas, quit to leave.\n")
    while True:
        try:
            line = input("you> ") if interactive else stdin.readline()
        except EOFError:
            break
        if not interactive and not line:
            break
        if line.strip().lower() in {"quit", "exit", ":q"}:
            break
        print(render_text(service.ask(line.rstrip("\r\n"), TERMINAL_USER)) + "\n")
    if interactive:
        print()
    return 0
