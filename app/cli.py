"""The `selank-bot` command: ask, chat, check and evaluate locally, or run the chat adapters."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from adapters import registry
from adapters.terminal import chat, render_text
from bot.content.loader import KnowledgeBaseError, load_knowledge_base
from bot.content.paths import copy_kb, default_faq_path
from bot.core.reply import Reply
from bot.core.responder import Responder
from bot.core.router import Route
from bot.curation.evaluation import EvalFileError, evaluate, load_items, unknown_ids
from bot.matching.embedding import EmbeddingUnavailableError
from bot.ops.config import environment
from bot.ops.service import BotService

STALE_AFTER_DAYS = 365


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    _tolerant_stdio()
    args = _parser().parse_args([_text(arg) for arg in
                                 (sys.argv[1:] if argv is None else argv)])
    try:
        return int(args.handler(args))
    except KnowledgeBaseError as error:
        print(f"The knowledge base has {len(error.problems)} problem(s):", file=sys.stderr)
        print(error, file=sys.stderr)
        hint = _kb_source_hint(args)
        if hint:
            print(hint, file=sys.stderr)
        return 2
    except EvalFileError as error:
        print(error, file=sys.stderr)
        return 2
    except EmbeddingUnavailableError as error:
        print(f"Cannot start the semantic matcher: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # A reader such as `head` went away; point stdout at nothing so exit stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _tolerant_stdio() -> None:
    """Any bytes in, valid text out, under any locale; `\r`, `\n` and `\r\n` end a line.

    Under a UTF-8 locale such as en_US.UTF-8 Python's standard streams are strict: one
    invalid byte on stdin raised UnicodeDecodeError and lost the lines before it too, and
    a lone surrogate (how an invalid byte in argv arrives) raised UnicodeEncodeError.
    """
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace", newline=None)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def _text(arg: str) -> str:
    """An argument as text: the bytes it came from, decoded as UTF-8, invalid ones as U+FFFD."""
    try:
        raw = arg.encode("utf-8", "surrogateescape")  # how Python decoded argv's bytes
    except UnicodeEncodeError:  # a surrogate no byte maps to (argv given from code)
        raw = arg.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--faq", type=Path, default=None, metavar="PATH",
                        help="knowledge base file (default: $FAQ_PATH, else the bundled one)")
    parser = argparse.ArgumentParser(
        prog="selank-bot", description="A FAQ bot about the peptide Selank.",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    ask = commands.add_parser("ask", parents=[common], help="answer one question",
                              description="Answer a question. With no question and piped "
                              "input: one question per line in, one JSON object per line out.")
    ask.add_argument("question", nargs="*", help="the question (quote it)")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.add_argument("--explain", action="store_true", help="show why the bot answered so")
    ask.set_defaults(handler=_ask)

    chat = commands.add_parser("chat", parents=[common], help="chat in the terminal")
    chat.set_defaults(handler=_chat)

    summary = commands.add_parser("summary", parents=[common], help="print the key points")
    summary.set_defaults(handler=lambda a: _print_reply(_responder(a).summary()))

    topics = commands.add_parser("topics", parents=[common], help="list every entry")
    topics.set_defaults(handler=_topics)

    check = commands.add_parser("check", parents=[common], help="validate a knowledge base")
    check.add_argument("path", nargs="?", type=Path, help="file to check (default: --faq)")
    check.add_argument("--max-age-days", type=int, default=STALE_AFTER_DAYS,
                       help="warn about entries reviewed longer ago (default: %(default)s)")
    check.set_defaults(handler=_check)

    ev = commands.add_parser("eval", parents=[common], help="measure matching accuracy")
    ev.add_argument("files", nargs="+", type=Path, help="YAML lists of {q, expect} items")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.set_defaults(handler=_eval)

    report = commands.add_parser(
        "report", parents=[common], help="what to curate next, from the store",
        description="Unanswered questions grouped by similarity, entries with the most 👎, "
        "and outcome rates per platform, read from DATABASE_URL.")
    report.add_argument("--days", type=int, default=30, help="period (default: %(default)s)")
    output = report.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the report as JSON")
    output.add_argument("--html", type=Path, metavar="FILE",
                        help="write a one-page HTML report with a chart")
    report.set_defaults(handler=_report)

    init_kb = commands.add_parser(
        "init-kb", help="copy the bundled knowledge base into a folder, to edit it",
        description="Write faq.yaml and synonyms.yaml into DIR; then point FAQ_PATH at "
        "DIR/faq.yaml. Existing files are kept unless --force.")
    init_kb.add_argument("dir", type=Path, metavar="DIR", help="folder to write (created)")
    init_kb.add_argument("--force", action="store_true", help="replace files already there")
    init_kb.set_defaults(handler=_init_kb)

    names = list(registry.platforms())
    run = commands.add_parser("run", parents=[common],
                              help="start the configured adapters, or a terminal chat")
    run.add_argument("platform", nargs="?", choices=names,
                     help=f"start only this adapter ({', '.join(names)})")
    run.add_argument("--headless", action="store_true",
                     help="serve health, metrics, reload and the store with no chat platform")
    run.set_defaults(handler=_run)
    return parser


def _faq_path(args: argparse.Namespace) -> Path:
    return Path(args.faq) if args.faq else default_faq_path(environment())


def _kb_source_hint(args: argparse.Namespace) -> str:
    """Which setting chose the failing file, so a deployer knows what to change."""
    if getattr(args, "path", None) or getattr(args, "faq", None):
        return ""
    if "FAQ_PATH" in environment():
        return ("The file comes from FAQ_PATH: fix it, unset FAQ_PATH to use the bundled "
                "knowledge base, or `selank-bot init-kb DIR` for an editable copy.")
    return ""


def _responder(args: argparse.Namespace) -> Responder:
    from bot.core.responder import configured

    return configured(load_knowledge_base(_faq_path(args)), environment())


def _print_reply(reply: Reply) -> int:
    print(render_text(reply))
    return 0


def _reply_json(question: str, reply: Reply) -> str:
    return json.dumps({
        "question": question,
        "status": reply.status.value,
        "entry_id": reply.entry_id,
        "score": round(reply.score, 4),
        "suggestions": [s.id for s in reply.suggestions],
        "text": render_text(reply),
    }, ensure_ascii=False)


def _ask(args: argparse.Namespace) -> int:
    responder = _responder(args)
    if not args.question:
        if sys.stdin.isatty():
            print("Give a question, e.g. selank-bot ask \"is it addictive?\"", file=sys.stderr)
            return 2
        return _ask_lines(responder, sys.stdin, sys.stdout)
    question = " ".join(args.question)
    decision, reply = responder.explain(question)
    if args.json:
        print(_reply_json(question, reply))
    else:
        print(render_text(reply))
    if args.explain:
        print("\n" + _explanation(decision))
    return 0


def _ask_lines(responder: Responder, lines: TextIO, out: TextIO) -> int:
    """JSON Lines: every input line, blank ones too, gets exactly one output line, in order."""
    for line in lines:  # stdin reads \r and \r\n as \n (see _tolerant_stdio)
        question = line.rstrip("\r\n")
        out.write(_reply_json(question, responder.ask(question)) + "\n")
        out.flush()
    return 0


def _explanation(decision: Route) -> str:
    lines = ["-- why --", f"status:     {decision.status.value}", f"decided by: {decision.reason}"]
    verdict = decision.triage
    if verdict is not None:
        lines.append(f"triage:     {verdict.danger.value}, language {verdict.lang}")
        if verdict.is_crisis:
            lines.append(f"signal:     {verdict.signal}")
            lines.append(f"sentence:   {verdict.sentence!r}")
    analysis = decision.analysis
    if analysis is not None:
        lines.append(f"normalized: {analysis.normalized!r}")
        lines.append(f"tokens:     {' '.join(analysis.tokens)}")
        if analysis.corrections:
            fixes = ", ".join(f"{a} -> {b}" for a, b in analysis.corrections)
            lines.append(f"spelling:   {fixes}")
        if analysis.unknown:
            lines.append(f"unknown:    {' '.join(analysis.unknown)} (words no entry uses)")
    for rank, candidate in enumerate(decision.candidates[:5], 1):
        lacking = f"  lacks: {' '.join(candidate.lacking)}" if candidate.lacking else ""
        lines.append(f"{rank}. {candidate.score:.3f}  {candidate.entry.id:<28} "
                     f"matched: {candidate.phrase!r}{lacking}")
        if candidate.evidence:
            lines.append("   " + "  ".join(f"{name} {value:.2f}"
                                           for name, value in candidate.evidence))
    return "\n".join(lines)


def _chat(args: argparse.Namespace) -> int:
    return chat(BotService(_responder(args)))


def _topics(args: argparse.Namespace) -> int:
    for entry in _responder(args).kb.entries:
        print(f"{entry.id:<28} {entry.question}")
    return 0


def _check(args: argparse.Namespace) -> int:
    path = args.path or _faq_path(args)
    kb = load_knowledge_base(path)
    oldest = dt.date.today() - dt.timedelta(days=args.max_age_days)
    stale = [e for e in kb.entries if e.reviewed < oldest]
    for entry in stale:
        print(f"warning: {path}: {entry.id}: reviewed {entry.reviewed}, more than "
              f"{args.max_age_days} days ago; check it against the source", file=sys.stderr)
    print(f"{path}: OK, {len(kb.entries)} entries, {len(kb.synonyms)} synonyms"
          + (f", {len(stale)} to review" if stale else ""))
    return 0


def _init_kb(args: argparse.Namespace) -> int:
    try:
        faq = copy_kb(args.dir, overwrite=args.force)
    except FileExistsError as error:
        print(f"{error}: already there; edit it, or pass --force to replace it",
              file=sys.stderr)
        return 2
    except OSError as error:
        print(f"cannot write {args.dir}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"Wrote {faq} and {faq.with_name('synonyms.yaml')}.\n"
          f"Use it with FAQ_PATH={faq.resolve()} (a running bot reloads it on every edit).")
    return 0


def _eval(args: argparse.Namespace) -> int:
    responder = _responder(args)
    items = [item for path in args.files for item in load_items(path)]
    unknown = unknown_ids(responder, items)
    if unknown:
        print(f"The sets expect ids the knowledge base lacks: {', '.join(sorted(unknown))}",
              file=sys.stderr)
        return 2
    report = evaluate(responder, items)
    metrics = report.metrics()
    if args.json:
        misses = [{"question": o.item.question, "expected": list(o.item.expect),
                   "status": o.status.value, "got": o.offered, "score": round(o.score, 4)}
                  for o in report.misses]
        print(json.dumps({"metrics": metrics, "by_voice": report.by_voice(),
                          "misses": misses}, indent=2))
        return 0
    for miss in report.misses:
        print(f"MISS {miss.item.question!r}\n     expected {list(miss.item.expect)}, "
              f"got {miss.got}")
    print()
    for name, value in metrics.items():
        shown = f"{value:.1%}" if isinstance(value, float) else str(value)
        print(f"{name:<24}{shown:>8}")
    voices = report.by_voice()
    if voices:
        print(f"\n{'voice':<22}{'items':>6}{'right':>8}{'useful':>8}{'wrong':>8}{'oos ans':>8}")
    for voice, figures in voices.items():
        print(f"{voice[:21]:<22}{figures['items']:>6}{figures['answered_right']:>8.0%}"
              f"{figures['useful']:>8.0%}{figures['wrong_answer_rate']:>8.0%}"
              f"{figures['out_of_scope_answered']:>8.0%}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from bot.curation.report import build_report
    from bot.curation.report_render import print_report, to_html, to_json
    from bot.ops.config import ConfigError
    from bot.ops.settings import OpsSettings
    from bot.ops.store import Store, StoreError

    if args.days < 1:
        print("--days should be at least 1", file=sys.stderr)
        return 2
    env = environment()
    try:
        settings = OpsSettings.from_env(env)
    except ConfigError as error:
        print("Cannot report: " + "; ".join(error.problems), file=sys.stderr)
        return 2
    responder = Responder(load_knowledge_base(args.faq or settings.faq_path))
    try:
        store = Store.open(settings.database_url, salt=settings.user_hash_salt)
        try:
            report = build_report(store, args.days, responder)
        finally:
            store.close()
    except StoreError as error:
        print(f"{error} (check {settings.database_variable})", file=sys.stderr)
        return 2
    if args.json:
        print(to_json(report))
    elif args.html:
        args.html.write_text(to_html(report), encoding="utf-8")
        print(f"Wrote {args.html}")
    else:
        print_report(report, sys.stdout)
    return 0


def _run(args: argparse.Namespace) -> int:
    # The runner is the composition root: it reads the environment (and .env), picks the
    # platforms and falls back to the terminal chat when none is configured.
    runner = importlib.import_module("app.runner")
    return int(runner.main(faq_path=args.faq, platform=args.platform, headless=args.headless))


if __name__ == "__main__":
    sys.exit(main())
