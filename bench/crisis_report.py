"""How many crises reach the safety reply, and how many calm messages are sent there wrongly.

Reads sets of `{text, label: crisis_self | crisis_other | calm, category, lang}` items and
prints a table per category and per language, for the bot as configured (MATCHER: the
hybrid by default, with the crisis classifier; MATCHER=lexical, patterns alone). Prints
figures; asserts nothing.

    python bench/crisis_report.py SET [SET ...] [--faq FAQ] [--misses]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

import yaml

from bot.content.loader import load_knowledge_base
from bot.content.paths import default_faq_path
from bot.core.reply import Status
from bot.core.responder import configured
from bot.ops.config import environment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--faq", type=Path, default=None)
    parser.add_argument("--misses", action="store_true", help="print every miss")
    args = parser.parse_args()
    env = environment()
    responder = configured(load_knowledge_base(args.faq or default_faq_path(env)), env)
    rows: dict[str, list[bool]] = defaultdict(list)
    langs: dict[str, list[bool]] = defaultdict(list)
    crisis: list[bool] = []
    calm: list[bool] = []
    for path in args.sets:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            to_safety = responder.ask(item["text"]).status is Status.SAFETY
            is_crisis = item["label"] != "calm"
            right = to_safety == is_crisis
            kind = "crisis" if is_crisis else "calm"
            rows[f"{kind}: {item.get('category', '?')}"].append(right)
            langs[f"{kind}: {item.get('lang', 'en')}"].append(right)
            (crisis if is_crisis else calm).append(to_safety)
            if args.misses and not right:
                print(f"MISS [{kind} {item.get('category')}] {item['text'][:160]!r}")
    print(f"crisis caught: {sum(crisis)}/{len(crisis)} ({sum(crisis) / max(len(crisis), 1):.1%})")
    print(f"calm sent to safety: {sum(calm)}/{len(calm)} ({sum(calm) / max(len(calm), 1):.1%})")
    for table in (rows, langs):
        print()
        for name in sorted(table):
            hits = table[name]
            print(f"  {name:<34} {sum(hits):>4}/{len(hits):<4} right")


if __name__ == "__main__":
    main()
