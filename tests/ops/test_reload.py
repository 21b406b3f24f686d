"""Live reload: a valid edit is swapped in, an invalid one is logged and the old one serves."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from bot.content.loader import load_knowledge_base
from bot.core.responder import Responder
from bot.ops.metrics import Metrics
from bot.ops.reload import KnowledgeBaseWatcher, ReloadResult


def edit(path: Path, old: str, new: str) -> None:
    """Change a file and move its mtime on, as any save does (whatever the clock's grain)."""
    before = path.stat().st_mtime_ns
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


@pytest.fixture
def served(faq_dir: Path) -> tuple[Responder, KnowledgeBaseWatcher, Metrics]:
    responder = Responder(load_knowledge_base(faq_dir / "faq.yaml"))
    metrics = Metrics()
    return responder, KnowledgeBaseWatcher(responder, faq_dir / "faq.yaml", metrics), metrics


def test_nothing_changed_should_mean_no_reload(
    served: tuple[Responder, KnowledgeBaseWatcher, Metrics],
) -> None:
    _responder, watcher, _metrics = served
    assert watcher.check() is ReloadResult.UNCHANGED


def test_a_valid_edit_should_be_swapped_in(
    faq_dir: Path, served: tuple[Responder, KnowledgeBaseWatcher, Metrics],
) -> None:
    responder, watcher, metrics = served
    edit(faq_dir / "faq.yaml", "For information only", "Edited disclaimer")
    assert watcher.check() is ReloadResult.RELOADED
    assert responder.kb.disclaimer.startswith("Edited disclaimer")
    assert responder.ask("what is selank").disclaimer.startswith("Edited disclaimer")
    assert metrics.registry.get_sample_value("selank_reloads_total",
                                             {"result": "success"}) == 1
    assert watcher.check() is ReloadResult.UNCHANGED


def test_an_invalid_edit_should_keep_the_last_good_one_and_log_why(
    faq_dir: Path, served: tuple[Responder, KnowledgeBaseWatcher, Metrics],
    caplog: pytest.LogCaptureFixture,
) -> None:
    responder, watcher, metrics = served
    good = responder.kb
    edit(faq_dir / "faq.yaml", "source_title:", "source_titel:")
    assert watcher.check() is ReloadResult.REJECTED
    assert responder.kb is good
    [record] = [r for r in caplog.records if r.getMessage() == "reload rejected"]
    assert record.levelno == logging.ERROR
    assert "source_titel" in record.selank_fields["errors"]
    assert metrics.registry.get_sample_value("selank_reloads_total",
                                             {"result": "failure"}) == 1


def test_fixing_the_file_again_should_reload(
    faq_dir: Path, served: tuple[Responder, KnowledgeBaseWatcher, Metrics],
) -> None:
    _responder, watcher, _metrics = served
    edit(faq_dir / "faq.yaml", "version: 1", "version: [")
    assert watcher.check() is ReloadResult.REJECTED
    edit(faq_dir / "faq.yaml", "version: [", "version: 1")
    assert watcher.check() is ReloadResult.RELOADED


def test_a_synonyms_edit_should_reload_too(
    faq_dir: Path, served: tuple[Responder, KnowledgeBaseWatcher, Metrics],
) -> None:
    responder, watcher, _metrics = served
    before = responder.kb
    edit(faq_dir / "synonyms.yaml", "synonyms:", "synonyms:\n  zzzword: [zzzvariant]")
    assert watcher.check() is ReloadResult.RELOADED
    assert responder.kb is not before
    assert responder.kb.synonyms.get("zzzvariant") == "zzzword"


def test_a_change_of_mode_alone_should_be_noticed(
    faq_dir: Path, served: tuple[Responder, KnowledgeBaseWatcher, Metrics],
) -> None:
    """chmod changes neither mtime nor size; it is a change all the same (it may break reads)."""
    _responder, watcher, _metrics = served
    path = faq_dir / "faq.yaml"
    path.chmod(path.stat().st_mode ^ 0o040)
    assert watcher.check() is ReloadResult.RELOADED
    assert watcher.check() is ReloadResult.UNCHANGED
