"""Text cut to a platform's limits: ended with an ellipsis, split at line ends, or shortened
with a note that says so. Each platform says where a cut may end (`EndRule`); the disclaimer
is never passed here, so no limit can cut it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

ELLIPSIS: Final = "…"

EndRule = Callable[[str, int], int]
"""Where a cut of `text` to `limit` characters may end: an index no greater than `limit`."""


def anywhere(text: str, limit: int) -> int:
    """Any character will do."""
    return min(len(text), limit)


def at_word(text: str, limit: int) -> int:
    """At the last space or line end, when one is in the last quarter; else anywhere."""
    head = text[:limit]
    space = max(head.rfind(" "), head.rfind("\n"))
    return space if space >= len(head) * 3 // 4 else anywhere(text, limit)


def cut(text: str, limit: int, end: EndRule = anywhere) -> str:
    """`text` within `limit` characters, ending in an ellipsis when it had to be cut."""
    if len(text) <= limit:
        return text
    head = text[: end(text, max(limit - len(ELLIPSIS), 0))]
    return head.rstrip() + ELLIPSIS


def shorten(text: str, limit: int, note: str, end: EndRule = anywhere) -> str:
    """`text` and then `note` within `limit`; only the text is ever cut, never the note."""
    if len(text) + 2 + len(note) <= limit:
        return f"{text}\n\n{note}"
    return f"{cut(text, max(limit - len(note) - 2, 1), end)}\n\n{note}"


def pieces(text: str, limit: int, end: EndRule = anywhere) -> list[str]:
    """Lines packed into pieces of at most `limit` characters; an overlong line is split."""
    packed: list[str] = []
    current = ""
    for line in text.strip().split("\n"):
        while len(line) > limit:
            if current:
                packed.append(current)
                current = ""
            split = end(line, limit) or limit
            packed.append(line[:split])
            line = line[split:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            packed.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        packed.append(current)
    return [piece for piece in packed if piece.strip()]
