"""Which ranker answers: MATCHER=hybrid (the default: lexical and semantic, fused) or lexical.

The one place that knows how to build each ranker for a knowledge base, so the responder,
the CLI, the runner and the benches ask for "a ranker of this kb" and never assemble one.
A hybrid that cannot load its model is an error at start, with the fix; it never falls
back to lexical on its own, or an admin would believe they run what they do not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from threadpoolctl import ThreadpoolController

from bot.content.knowledge import KnowledgeBase
from bot.matching.embedding import EmbeddingUnavailableError, MiniLMEncoder, RecentEncoder
from bot.matching.fusion import HybridRanker
from bot.matching.lexical import Matcher
from bot.matching.ranking import Ranker
from bot.matching.semantic import SemanticRanker, texts_in_use
from bot.matching.vector_cache import CachedEncoder, default_cache_dir

MATCHERS = ("hybrid", "lexical")
RankerFactory = Callable[[KnowledgeBase], Ranker]


def lexical(kb: KnowledgeBase) -> Ranker:
    """Words, spelling and synonyms only: no model, starts in a fraction of a second."""
    return Matcher(kb)


class Hybrid:
    """Builds hybrid rankers that share one model, one disk cache and one query cache."""

    def __init__(self, cache_dir: Path | None) -> None:
        # Every matrix here is small (a question against 1,500 vectors): one BLAS thread is
        # fastest, and on a busy 2-core machine a second one spinning made each question
        # several times slower. For the whole process, since rankers are built at start.
        ThreadpoolController().limit(limits=1, user_api="blas")
        model = MiniLMEncoder()
        self._stored = CachedEncoder(model, cache_dir)
        self.queries = RecentEncoder(model)
        """Encodes messages; triage and ranking share it, so each message is encoded once."""

    def __call__(self, kb: KnowledgeBase) -> Ranker:
        semantic = SemanticRanker(kb, self._stored, queries=self.queries)
        self._stored.save(texts_in_use(kb))
        return HybridRanker(Matcher(kb), semantic)


def factory(env: Mapping[str, str]) -> RankerFactory:
    """The ranker factory MATCHER names; raises EmbeddingUnavailableError with the fix."""
    choice = env.get("MATCHER", "").strip().lower() or "hybrid"
    if choice not in MATCHERS:
        raise EmbeddingUnavailableError(
            f"MATCHER should be one of {', '.join(MATCHERS)}, not {choice!r}")
    if choice == "lexical":
        return lexical
    return Hybrid(default_cache_dir(env))
