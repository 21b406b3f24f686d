"""The numpy MiniLM against sentence-transformers itself, and loading with no hub at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bot.matching.embedding import (
    EmbeddingUnavailableError,
    MiniLMEncoder,
    RecentEncoder,
    bundled_model_dir,
)

SENTENCES = [
    "how long does selank take to kick in?",
    "my memory is like a sieve lately and I keep forgetting names at work",
    "hi",
    "Продолжительность действия селанка",  # Cyrillic: the tokenizer's unknown-word path
    "word " * 400,  # past the model's 256 tokens: truncated as sentence-transformers does
]


@pytest.fixture(scope="module")
def encoder() -> MiniLMEncoder:
    return MiniLMEncoder()


def test_vectors_match_sentence_transformers(encoder: MiniLMEncoder) -> None:
    """The forward pass written out in numpy gives the reference library's embeddings."""
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(bundled_model_dir()), device="cpu")
    expected = reference.encode(SENTENCES, normalize_embeddings=True)
    got = encoder.encode(SENTENCES)
    assert got.shape == expected.shape == (len(SENTENCES), 384)
    assert np.abs(got - expected).max() < 1e-4
    assert (got * expected).sum(axis=1).min() > 0.9999


def test_vectors_are_unit_length_and_do_not_depend_on_the_batch(encoder: MiniLMEncoder) -> None:
    """Padding in a batch never changes a text's vector."""
    together = encoder.encode(SENTENCES)
    alone = np.stack([encoder.encode([s])[0] for s in SENTENCES])
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    assert np.abs(together - alone).max() < 1e-5
    assert encoder.encode([]).shape == (0, 384)


def test_meaning_is_closer_than_wording(encoder: MiniLMEncoder) -> None:
    """A description lands nearer its topic than an unrelated question sharing words."""
    forgetful, memory, dose = encoder.encode(
        ["I keep forgetting things lately", "does selank improve memory",
         "does selank come as a nasal spray"])
    assert forgetful @ memory > forgetful @ dose + 0.1


def test_recent_encoder_runs_the_model_once_per_text(encoder: MiniLMEncoder) -> None:
    """Triage and ranking read the same message: the second read costs nothing."""
    calls: list[int] = []

    class Counting:
        name = encoder.name

        def encode(self, texts: list[str]) -> np.ndarray:
            calls.append(len(texts))
            return encoder.encode(texts)

    recent = RecentEncoder(Counting(), size=2)
    first = recent.encode(["a question"])
    again = recent.encode(["a question"])
    assert np.array_equal(first, again) and calls == [1]
    recent.encode(["two", "three"])  # evicts "a question"
    recent.encode(["a question"])
    assert calls == [1, 2, 1]


def test_a_missing_model_says_how_to_fix_it(tmp_path: Path) -> None:
    """No silent fallback: the error names the package and MATCHER=lexical."""
    with pytest.raises(EmbeddingUnavailableError, match="MATCHER=lexical"):
        MiniLMEncoder(tmp_path)


def test_the_model_loads_with_no_network_and_no_cache(tmp_path: Path) -> None:
    """A fresh process, hub access forbidden, an empty home and cache: it still embeds."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "HF_HOME": str(tmp_path / "hf"),
           "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"}
    code = ("from bot.matching.embedding import MiniLMEncoder; import sys; "
            "v = MiniLMEncoder().encode(['is selank addictive']); "
            "print(v.shape, round(float((v * v).sum()), 4)); "
            "sys.exit('torch imported') if 'torch' in sys.modules else None")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(1, 384) 1.0"
    assert not any((tmp_path / "hf").glob("**/*"))
