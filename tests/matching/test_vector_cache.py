"""The disk cache of embeddings: a restart embeds nothing, an edit embeds only what changed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bot.content.knowledge import KnowledgeBase
from bot.matching.embedding import Matrix, MiniLMEncoder
from bot.matching.semantic import SemanticRanker, texts_in_use
from bot.matching.vector_cache import CachedEncoder, default_cache_dir


class Counting:
    """The real model, counting the texts it is asked to embed."""

    def __init__(self, model: MiniLMEncoder) -> None:
        self.name = model.name
        self._model = model
        self.embedded: list[str] = []

    def encode(self, texts: list[str]) -> Matrix:
        self.embedded.extend(texts)
        return self._model.encode(texts)


@pytest.fixture(scope="module")
def model() -> MiniLMEncoder:
    return MiniLMEncoder()


def test_a_restart_reads_every_vector_back(kb: KnowledgeBase, model: MiniLMEncoder,
                                            tmp_path: Path) -> None:
    first = Counting(model)
    cache = CachedEncoder(first, tmp_path)
    built = SemanticRanker(kb, cache)
    cache.save(texts_in_use(kb))
    assert len(first.embedded) == len(set(texts_in_use(kb)))

    again = Counting(model)
    restarted = SemanticRanker(kb, CachedEncoder(again, tmp_path))
    assert again.embedded == []
    question = "will it make me sleepy at work"
    assert np.allclose(built.similarities(question).entries,
                       restarted.similarities(question).entries)


def test_an_edited_entry_embeds_only_its_new_text(kb: KnowledgeBase, model: MiniLMEncoder,
                                                   tmp_path: Path) -> None:
    warm = CachedEncoder(model, tmp_path)
    SemanticRanker(kb, warm)
    warm.save(texts_in_use(kb))
    entry = kb.entries[3]
    grown = replace(entry, alternates=(*entry.alternates, "a brand new way to ask"))
    edited = replace(kb, entries=(*kb.entries[:3], grown, *kb.entries[4:]))
    counting = Counting(model)
    SemanticRanker(edited, CachedEncoder(counting, tmp_path))
    assert counting.embedded == ["a brand new way to ask"]


def test_another_model_never_reuses_the_vectors(kb: KnowledgeBase, model: MiniLMEncoder,
                                                tmp_path: Path) -> None:
    cache = CachedEncoder(model, tmp_path)
    cache.encode(["what is selank"])
    cache.save(["what is selank"])
    renamed = Counting(model)
    renamed.name = "another-model"
    CachedEncoder(renamed, tmp_path).encode(["what is selank"])
    assert renamed.embedded == ["what is selank"]


def test_an_unwritable_or_corrupt_cache_costs_time_never_an_answer(
        model: MiniLMEncoder, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    unwritable = CachedEncoder(model, blocker / "cache")
    assert unwritable.encode(["is it addictive"]).shape == (1, 384)
    unwritable.save(["is it addictive"])  # logs a warning, raises nothing

    (tmp_path / f"vectors-{model.name}.npz").write_bytes(b"not an npz file")
    corrupt = CachedEncoder(model, tmp_path)
    assert corrupt.encode(["is it addictive"]).shape == (1, 384)


def test_the_cache_folder_should_be_embedding_cache_dir_else_under_xdg_cache_home(
        tmp_path: Path) -> None:
    assert default_cache_dir({"EMBEDDING_CACHE_DIR": str(tmp_path)}) == tmp_path
    assert default_cache_dir({"EMBEDDING_CACHE_DIR": " ", "XDG_CACHE_HOME": str(tmp_path)}) \
        == tmp_path / "selank-bot"
