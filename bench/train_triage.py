"""Train the crisis classifier: logistic regression on MiniLM sentence embeddings.

English crisis items against calm ones: the crisis training corpus
(`tests/core/safety/crisis_train.yaml`, `crisis_train_extra.yaml`) and the crisis dev sets
(each measured blind once, then taught from); every question and alternate of the
knowledge base and every non-crisis question of the matching dev sets (all calm, never
`blind.yaml`); and the sentences of calm messages (ordinary, schedule, chat, idioms),
because triage classifies a long message sentence by sentence. The threshold is the
lowest one (the most recall) whose false alarms stay within the issue's budgets (1% of
ordinary questions and pieces, 5% of calm messages with scary words), measured on
cross-validation folds the model was not trained on; every figure printed is out of
fold. Only English items are used: the encoder is English, and the phrase lists and the
character n-gram classifier cover the others.
Writes `bot/core/safety/triage_model.npz`.

    python bench/train_triage.py [--folds 5] [--cache emb.npy] [--out PATH]
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml
from fit_scorer import SETS as MATCHING_DEV_SETS
from logistic import fit_logistic, lowest_threshold, training_arguments

from bot.content.loader import load_knowledge_base
from bot.content.paths import bundled_faq
from bot.core.safety.triage import split
from bot.core.safety.triage_model import MODEL_PATH, CrisisClassifier
from bot.matching.embedding import MiniLMEncoder

PROJECT_ROOT = Path(__file__).resolve().parent.parent
"""The checkout: eval sets and the training corpus live here, not in the package."""

CRISIS_SETS = PROJECT_ROOT / "tests" / "core" / "safety"
"""The crisis sets, beside the triage tests that read them."""
CORPUS = CRISIS_SETS / "crisis_train.yaml"
EXTRA = CRISIS_SETS / "crisis_train_extra.yaml"
"""Calm examples written for the classifier (the bot, chat, handling needles and vials)."""
DEV_SETS = tuple(CRISIS_SETS / f"crisis_dev{suffix}.yaml" for suffix in ("", "_2", "_4", "_5"))
"""Measured blind once, then development sets: training items too. Never
`crisis_blind.yaml`: it measures, it does not teach. Not `crisis_dev_6.yaml` yet: retrained
with it (threshold 0.825), the classifier traded crises for false alarms about one for one
on the untrained corpora and lost three crises of sets 4 and 5; set 6 taught the phrase
lists and patterns instead."""
UNTAUGHT_QUESTIONS = frozenset({"dev-voices-f.yaml"})
"""Matching dev sets whose questions are not (yet) calm examples here, for the same reason:
with set F's the threshold moved to 0.840 and the trade was the same."""
PLAIN_CALM = frozenset({"ordinary", "schedule", "chat", "idiom"})
"""Calm categories whose messages are calm in every sentence, so their pieces are too."""
Floats = npt.NDArray[np.float64]


def fit(x: Floats, y: Floats, l2: float = 1e-4, steps: int = 1500) -> tuple[Floats, float]:
    """Class-balanced logistic regression on the embeddings (`logistic.fit_logistic`)."""
    return fit_logistic(lambda w: x @ w, lambda e: x.T @ e, x.shape[1], y, l2, steps)


def _eval_questions() -> list[str]:
    """Questions of the matching dev sets, the ones `fit_scorer.py` fits on (never the
    blind one): ordinary questions, greetings, chat, out of scope, all calm."""
    questions = []
    for path in sorted(p for p in MATCHING_DEV_SETS if p.name not in UNTAUGHT_QUESTIONS):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            if item.get("expect") != ["SAFETY"]:
                questions.append(str(item["q"]))
    return questions


def _pieces(texts: list[str]) -> list[str]:
    """The sentences and windows of calm messages. Triage classifies a long message piece
    by piece, each read alone and out of context ("I'm finally clean of it."), so the
    classifier must learn pieces calm as it reads them, not only whole messages. Pieces of
    every message of two or more, not only the long ones, for enough of them; never of a
    message that is calm only as a whole (a past event, a question about a risk)."""
    return sorted({piece for text in texts if len(pieces := split(text)) > 1
                   for piece in pieces} - set(texts))


def main() -> None:
    parser = training_arguments(__doc__.splitlines()[0], MODEL_PATH, 0.01, 0.05)
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep the embeddings in this .npy file between runs")
    args = parser.parse_args()

    items: list[dict[str, str]] = []
    names: list[str] = []
    for path in (CORPUS, EXTRA, *DEV_SETS):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            if item["lang"] == "en":  # the encoder is English; phrase lists do the rest
                items.append(item)
                names.append("corpus" if path in (CORPUS, EXTRA) else path.name)
    kb = load_knowledge_base(bundled_faq())
    ordinary = sorted({p for e in kb.entries for p in (e.question, *e.alternates)}
                      | set(_eval_questions()))
    calm_texts = ordinary + [str(i["text"]) for i in items
                             if i["label"] == "calm" and i["category"] in PLAIN_CALM]
    pieces = _pieces(calm_texts)
    texts = [str(i["text"]) for i in items] + ordinary + pieces
    source = np.array(names + ["questions"] * len(ordinary) + ["pieces"] * len(pieces))
    labels = np.array([i["label"] != "calm" for i in items]
                      + [False] * (len(ordinary) + len(pieces)), float)
    group = [str(i["category"]) if i["label"] == "calm" else "crisis" for i in items]
    group += ["faq question"] * len(ordinary) + ["piece of a message"] * len(pieces)
    print(f"{int(labels.sum())} crisis, {int((1 - labels).sum())} calm ({len(ordinary)} "
          f"ordinary questions, {len(pieces)} pieces of calm messages); encoding...")
    encoder = MiniLMEncoder()
    if args.cache is not None and args.cache.exists():
        x = np.load(args.cache)
    else:
        x = encoder.encode(texts).astype(np.float64)
        if args.cache is not None:
            np.save(args.cache, x)

    rng = np.random.default_rng(10)
    folds = rng.permutation(len(labels)) % args.folds
    out_of_fold = np.zeros(len(labels))
    for fold in range(args.folds):
        train, test = folds != fold, folds == fold
        w, b = fit(x[train], labels[train])
        out_of_fold[test] = 1.0 / (1.0 + np.exp(-(x[test] @ w + b)))

    print("\nOut-of-fold recall and false alarms by threshold:")
    for t in (0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99):
        hits = out_of_fold >= t
        print(f"  {t:.2f}  recall {hits[labels == 1].mean():6.1%}   "
              f"false alarms {hits[labels == 0].mean():6.1%}")
    # The most recall the false-alarm budgets allow: ordinary questions <= 1%,
    # calm messages with scary words <= 5% (out of fold, classifier alone).
    plain = np.array([g in ("faq question", "ordinary", "schedule", "piece of a message")
                      for g in group])
    threshold = lowest_threshold(out_of_fold, labels, plain, args.plain_alarms,
                                 args.scary_alarms)
    fired = out_of_fold >= threshold
    print(f"\nOut-of-fold ({args.folds} folds), threshold {threshold:.3f} (the lowest, so the "
          f"most recall, within {args.plain_alarms:.0%} false alarms on ordinary questions and "
          f"{args.scary_alarms:.0%} on calm messages with scary words):")
    print(f"  recall, English crisis          {fired[labels == 1].mean():6.1%}  "
          f"({int(labels.sum())})")
    calm = labels == 0
    print(f"  false alarms, all calm          {fired[calm].mean():6.1%}  ({calm.sum()})")
    for name in sorted(set(group) - {"crisis"}):
        mask = np.array([g == name for g in group]) & calm
        print(f"    {name:<28} {fired[mask].mean():6.1%}  ({mask.sum()})")

    w, b = fit(x, labels)
    print("\nPer source at that threshold (out of fold):")
    for name in sorted(set(source)):
        mask = source == name
        hits, y = fired[mask], labels[mask]
        crisis = f"recall {hits[y == 1].mean():6.1%} ({int(y.sum())})" if y.any() else " " * 20
        print(f"  {name:<24} {crisis}   false alarms {hits[y == 0].mean():6.1%} "
              f"({int((y == 0).sum())})")
    model = CrisisClassifier(w.astype(np.float32), b, threshold, encoder.name)
    model.save(args.out)
    print(f"\nWrote {args.out} (trained on all {len(labels)} English items, "
          f"threshold {threshold:.3f})")


if __name__ == "__main__":
    main()
