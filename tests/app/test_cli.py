"""The `selank-bot` command end to end, as a subprocess, the way people run it."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
import yaml


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("SLACK_BOT_TOKEN", "DISCORD_TOKEN", "FAQ_PATH")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], input=stdin, capture_output=True,
        text=True, timeout=60, env=environment, check=False, cwd=cwd,
    )


def test_ask_prints_the_answer_with_source_and_disclaimer() -> None:
    """A plain question prints the entry, its source and the disclaimer."""
    result = run("ask", "is selank addictive?")
    assert result.returncode == 0
    assert result.stdout.startswith("Is Selank addictive?")
    assert "Source:" in result.stdout
    assert "not medical advice" in result.stdout


def test_ask_json_prints_one_object_with_the_documented_fields() -> None:
    """`--json` gives question, status, entry_id, score, suggestions and text."""
    result = run("ask", "--json", "selank vs semax")
    reply = json.loads(result.stdout)
    assert reply["question"] == "selank vs semax"
    assert reply["status"] == "answer" and reply["entry_id"] == "vs-semax"
    assert 0 <= reply["score"] <= 1 and reply["suggestions"] == []
    assert "not medical advice" in reply["text"]


def test_ask_reads_json_lines_from_piped_input_one_per_line_in_order() -> None:
    """Every input line, blank ones too, gives one JSON line, in order."""
    questions = ["what is selank", "", "i want to kill myself", "zzqx plorb", "hi"]
    result = run("ask", stdin="\n".join(questions) + "\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["question"] for line in lines] == questions
    assert [line["status"] for line in lines] == ["answer", "help", "safety", "fallback", "help"]
    assert [line["entry_id"] for line in lines] == ["what-is-selank", None, None, None, None]


def test_ask_explain_shows_the_normalized_text_fixes_ranking_and_rule() -> None:
    """`--explain` shows the normalized text, spelling fixes, top entries and the rule."""
    result = run("ask", "--explain", "is selnak addictve")
    assert "normalized: 'is selnak addictve'" in result.stdout
    assert "selnak -> selank" in result.stdout
    assert "1. " in result.stdout and "dependence-and-withdrawal" in result.stdout
    assert "decided by: the question is, word for word, one of the entry" in result.stdout


def test_chat_answers_until_quit() -> None:
    """The terminal chat answers each line and stops at `quit`."""
    result = run("chat", stdin="what is selank\nquit\nhelp\n")
    assert result.returncode == 0
    assert result.stdout.count("not medical advice") == 1


def test_run_without_tokens_in_a_terminal_falls_back_to_the_terminal_chat(
    tmp_path: Path,
) -> None:
    """No platform configured and a terminal on stdin: `run` says so and chats there."""
    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("SLACK_BOT_TOKEN", "DISCORD_TOKEN", "FAQ_PATH")}
    process = subprocess.Popen([sys.executable, "-m", "app.cli", "run"], stdin=follower,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=environment, cwd=tmp_path)
    os.close(follower)
    try:
        os.write(leader, b"hi\nquit\n")
        out, err = process.communicate(timeout=60)
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "starting a terminal chat" in out and "What I can do" in out


def test_summary_and_topics_list_the_knowledge_base() -> None:
    """`summary` prints key points; `topics` every id."""
    assert "key points" in run("summary").stdout
    topics = run("topics").stdout
    assert "what-is-selank" in topics and "vs-semax" in topics


def test_check_passes_on_the_bundled_file() -> None:
    """The shipped knowledge base is valid."""
    result = run("check")
    assert result.returncode == 0 and "OK" in result.stdout


def test_check_fails_with_file_line_and_field(tmp_path: Path) -> None:
    """A broken file exits non-zero and names file, line and field, with no traceback."""
    broken = tmp_path / "faq.yaml"
    broken.write_text("version: 1\ndisclaimer: x\nsource_title: y\nentries:\n  - id: a\n"
                      "    question: q\n    alternate: [z]\n", encoding="utf-8")
    result = run("check", str(broken))
    assert result.returncode == 2
    assert f"{broken}:7: a.alternate: unknown field (did you mean `alternates`?)" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_lists_every_problem_at_once_duplicates_included(faq_dir: Path) -> None:
    """A duplicate id, a missing field and an empty answer in one edit: one run shows all."""
    path = faq_dir / "faq.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - id: main-uses\n", "  - id: what-is-selank\n", 1)
    text = text.replace("\n    reviewed: ", "\n    reviewd: ", 1)
    path.write_text(text, encoding="utf-8")
    result = run("check", str(path))
    assert result.returncode == 2
    assert "duplicate id `what-is-selank`" in result.stderr
    assert "what-is-selank.reviewed: is missing" in result.stderr
    assert "unknown field (did you mean `reviewed`?)" in result.stderr


def test_check_warns_about_entries_not_reviewed_for_too_long(faq_dir: Path) -> None:
    """An old `reviewed` date is a warning, not an error."""
    path = faq_dir / "faq.yaml"
    path.write_text(path.read_text().replace("reviewed: 2026", "reviewed: 2019", 1))
    result = run("check", str(path))
    assert result.returncode == 0
    assert "more than 365 days ago" in result.stderr


def test_ask_with_faq_answers_from_that_knowledge_base(faq_dir: Path) -> None:
    """`--faq` points a command (here `ask`) at another knowledge base."""
    path = faq_dir / "faq.yaml"
    path.write_text(path.read_text().replace("For information only", "Custom disclaimer"))
    assert "Custom disclaimer" in run("ask", "--faq", str(path), "hi").stdout


def test_an_invalid_knowledge_base_refuses_to_start(tmp_path: Path) -> None:
    """The bot does not start on an invalid file."""
    broken = tmp_path / "faq.yaml"
    broken.write_text("entries: {}\n", encoding="utf-8")
    result = run("run", "--faq", str(broken), stdin="")
    assert result.returncode == 2
    assert "problem" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def eval_file(tmp_path: Path) -> Path:
    items = [
        {"q": "what is selank", "expect": ["what-is-selank"]},
        {"q": "is it addictive", "expect": ["side-effects"]},
        {"q": "price of bitcoin", "expect": []},
        {"q": "i want to end my life", "expect": ["SAFETY"]},
        {"q": "hello", "expect": ["HELP"]},
    ]
    path = tmp_path / "set.yaml"
    path.write_text(yaml.safe_dump(items), encoding="utf-8")
    return path


def test_eval_reports_accuracy_and_each_miss(eval_file: Path) -> None:
    """The deliberate miss is listed with what was expected and what came back."""
    result = run("eval", str(eval_file))
    assert "MISS 'is it addictive'" in result.stdout
    assert "expected ['side-effects'], got answer dependence-and-withdrawal" in result.stdout
    assert "answered_right" in result.stdout and "50.0%" in result.stdout


def test_eval_json_gives_machine_readable_figures(eval_file: Path) -> None:
    """`--json` carries the metrics and the misses."""
    report = json.loads(run("eval", "--json", str(eval_file)).stdout)
    metrics = report["metrics"]
    assert metrics["answered_right"] == 0.5 and metrics["useful"] == 0.5
    assert metrics["wrong_answer_rate"] == 0.5
    assert metrics["safety_accuracy"] == 1.0 and metrics["help_accuracy"] == 1.0
    assert metrics["out_of_scope_answered"] == 0.0
    assert [m["question"] for m in report["misses"]] == ["is it addictive"]


def test_eval_refuses_ids_the_knowledge_base_lacks(tmp_path: Path) -> None:
    """A typo in an expected id is an error, not a silent miss."""
    path = tmp_path / "set.yaml"
    path.write_text(yaml.safe_dump([{"q": "x", "expect": ["no-such-id"]}]), encoding="utf-8")
    result = run("eval", str(path))
    assert result.returncode == 2 and "no-such-id" in result.stderr


COMMANDS_READING_THE_KB = [("ask", "hi"), ("check",), ("topics",), ("summary",), ("chat",)]


@pytest.mark.parametrize("command", COMMANDS_READING_THE_KB, ids=lambda c: c[0])
def test_every_command_reads_faq_path_from_dotenv(tmp_path: Path, command: tuple[str]) -> None:
    """`.env` in the working folder is read by every command, not only `run` and `report`."""
    (tmp_path / ".env").write_text(f"FAQ_PATH={tmp_path / 'nowhere.yaml'}\n", encoding="utf-8")
    result = run(*command, cwd=tmp_path, stdin="")
    assert result.returncode == 2
    assert str(tmp_path / "nowhere.yaml") in result.stderr
    assert "FAQ_PATH" in result.stderr and "Traceback" not in result.stderr


def test_eval_reads_faq_path_from_dotenv(tmp_path: Path, eval_file: Path) -> None:
    """`eval` too: the knowledge base named in `.env` is the one measured."""
    (tmp_path / ".env").write_text(f"FAQ_PATH={tmp_path / 'nowhere.yaml'}\n", encoding="utf-8")
    result = run("eval", str(eval_file), cwd=tmp_path)
    assert result.returncode == 2 and "FAQ_PATH" in result.stderr


def test_a_blank_faq_path_means_the_bundled_knowledge_base(tmp_path: Path) -> None:
    """`FAQ_PATH=` (as `docker run --env-file` passes a copied example) breaks nothing."""
    (tmp_path / ".env").write_text("FAQ_PATH=\nLOG_LEVEL=\n", encoding="utf-8")
    result = run("ask", "what is selank?", env={"FAQ_PATH": ""}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("What is Selank?")


def test_init_kb_writes_an_editable_copy_that_check_accepts(tmp_path: Path) -> None:
    """`init-kb DIR` gives an admin the bundled files to edit, and never clobbers edits."""
    kb = tmp_path / "kb"
    first = run("init-kb", str(kb))
    assert first.returncode == 0 and f"FAQ_PATH={kb / 'faq.yaml'}" in first.stdout
    assert sorted(p.name for p in kb.iterdir()) == ["faq.yaml", "synonyms.yaml"]
    assert run("check", str(kb / "faq.yaml")).returncode == 0
    (kb / "faq.yaml").write_text("edited", encoding="utf-8")
    again = run("init-kb", str(kb))
    assert again.returncode == 2 and "--force" in again.stderr
    assert (kb / "faq.yaml").read_text(encoding="utf-8") == "edited"
    assert run("init-kb", "--force", str(kb)).returncode == 0
    assert run("ask", "--faq", str(kb / "faq.yaml"), "is it legal?").returncode == 0
