"""The report as a terminal table (rich), JSON, or one self-contained HTML page with a chart."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.curation.report import CuratorReport, Rates

CHART_WIDTH, CHART_HEIGHT, PAD = 640, 240, 40
SERIES = (("answer", "#2e7d32"), ("suggest", "#f9a825"), ("fallback", "#c62828"))


def to_json(report: CuratorReport) -> str:
    return json.dumps(dataclasses.asdict(report), default=_plain, indent=2, ensure_ascii=False)


def print_report(report: CuratorReport, out: TextIO) -> None:
    """Three tables: the to-do list, the 👎 ranking, and the rates per platform."""
    console = Console(file=out, width=120, highlight=False)
    console.print(f"[bold]selank-bot report[/] {report.since} to {report.until} "
                  f"(database: {report.database})")
    todo = Table(title="Unanswered questions, most frequent first")
    for column in ("#", "question", "times", "fallback", "suggest", "closest entry", "score"):
        todo.add_column(column, justify="right" if column in ("#", "times", "score") else "left")
    for n, group in enumerate(report.unanswered, 1):
        # Questions are user text: shown as written, never read as rich markup.
        wording = Text(group.example + "".join(f"\n  ~ {v}" for v in group.variants))
        todo.add_row(str(n), wording, str(group.count), str(group.fallback), str(group.suggest),
                     group.closest or "-", f"{group.closest_score:.2f}")
    console.print(todo)
    votes = Table(title="Feedback by entry, most 👎 first")
    for column in ("entry", "👎", "👍"):
        votes.add_column(column)
    for item in report.feedback:
        votes.add_row(item.entry_id, str(item.unhelpful), str(item.helpful))
    console.print(votes)
    rates = Table(title="Outcomes per platform")
    for column in ("platform", "messages", "questions", "answer", "suggest", "fallback"):
        rates.add_column(column, justify="left" if column == "platform" else "right")
    for row in report.platforms:
        rates.add_row(row.label, str(row.messages), str(row.questions), f"{row.answer:.1%}",
                      f"{row.suggest:.1%}", f"{row.fallback:.1%}")
    console.print(rates)


def to_html(report: CuratorReport) -> str:
    """One page, no scripts and nothing fetched: the chart is SVG drawn here."""
    e = html.escape
    todo = "".join(
        f"<tr><td>{g.count}</td><td>{e(g.example)}"
        + "".join(f"<br><small>~ {e(v)}</small>" for v in g.variants)
        + f"</td><td>{g.fallback}</td><td>{g.suggest}</td><td>{e(g.closest or '-')}</td>"
        f"<td>{g.closest_score:.2f}</td></tr>" for g in report.unanswered)
    votes = "".join(f"<tr><td>{e(f.entry_id)}</td><td>{f.unhelpful}</td><td>{f.helpful}</td></tr>"
                    for f in report.feedback)
    rates = "".join(
        f"<tr><td>{e(r.label)}</td><td>{r.messages}</td><td>{r.questions}</td>"
        f"<td>{r.answer:.1%}</td><td>{r.suggest:.1%}</td><td>{r.fallback:.1%}</td></tr>"
        for r in report.platforms)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>selank-bot report</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222}}
table{{border-collapse:collapse;margin:1rem 0;width:100%}}
th,td{{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}}
small{{color:#666}}
</style></head><body>
<h1>selank-bot report</h1>
<p>{report.since} to {report.until} &middot; database {e(report.database)}</p>
<h2>Outcome rates over time</h2>
{rate_chart(report.daily)}
<h2>Unanswered questions, most frequent first</h2>
<table><tr><th>times</th><th>question</th><th>fallback</th><th>suggest</th>
<th>closest entry</th><th>score</th></tr>{todo}</table>
<h2>Feedback by entry, most 👎 first</h2>
<table><tr><th>entry</th><th>👎</th><th>👍</th></tr>{votes}</table>
<h2>Outcomes per platform</h2>
<table><tr><th>platform</th><th>messages</th><th>questions</th><th>answer</th><th>suggest</th>
<th>fallback</th></tr>{rates}</table>
</body></html>
"""


def rate_chart(daily: tuple[Rates, ...]) -> str:
    """An SVG line chart of the answer, suggest and fallback rates, one point per day."""
    if not daily:
        return "<p>No questions in this period.</p>"
    width, height = CHART_WIDTH - 2 * PAD, CHART_HEIGHT - 2 * PAD
    step = width / max(len(daily) - 1, 1)

    def point(i: int, rate: float) -> str:
        return f"{PAD + i * step:.1f},{PAD + height * (1 - rate):.1f}"

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_WIDTH}" '
             f'height="{CHART_HEIGHT}" role="img" aria-label="Outcome rates per day">']
    for tick in (0.0, 0.5, 1.0):
        y = PAD + height * (1 - tick)
        parts.append(f'<line x1="{PAD}" y1="{y}" x2="{PAD + width}" y2="{y}" stroke="#ddd"/>'
                     f'<text x="4" y="{y + 4}" font-size="11">{tick:.0%}</text>')
    for name, colour in SERIES:
        points = " ".join(point(i, getattr(day, name)) for i, day in enumerate(daily))
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" '
                     f'points="{points}"><title>{name}</title></polyline>')
    for i, day in ((0, daily[0]), (len(daily) - 1, daily[-1])):
        anchor = "start" if i == 0 else "end"
        parts.append(f'<text x="{PAD + i * step:.1f}" y="{CHART_HEIGHT - 12}" font-size="11" '
                     f'text-anchor="{anchor}">{html.escape(day.label)}</text>')
    for n, (name, colour) in enumerate(SERIES):
        parts.append(f'<text x="{PAD + n * 90}" y="20" font-size="12" fill="{colour}">'
                     f'&#9632; {name}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)
