"""Train the crisis classifier: logistic regression on MiniLM sentence embeddings.

Crisis items of `tests/core/safety/crisis_train.yaml` against its calm items (and those of
`crisis_train_extra.yaml`), every question and
alternate of the knowledge base and the non-crisis questions of the dev and tuning sets
(ordinary questions, greetings, out-of-scope chat: all calm). The threshold is the
lowest one (the most recall) whose false alarms stay within the issue's budgets (1% of
ordinary questions, 5% of calm messages with scary words), measured on cross-validation
folds the model was not trained on; every figure printed is out of fold. Only English
items are used: the encoder is English, and the phrase lists cover the other languages.
With `--with-dev`, the two crisis dev sets (`crisis_dev.yaml`, `crisis_dev_2.yaml`) join
the training items; either way their figures are printed per set: out of fold when they
were trained on, otherwise from the final model, which never saw them.
Writes `bot/core/safety/triage_model.npz`.

    python bench/train_triage.py [--folds 5] [--with-dev] [--cache emb.npy] [--out PATH]
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml
from logistic import fit_logistic, lowest_threshold, training_arguments

from bot.content.loader import load_knowledge_base
from bot.content.paths import bundled_faq
from bot.core.safety.triage_model import MODEL_PATH, CrisisClassifier
from bot.matching.embedding import MiniLMEncoder

PROJECT_ROOT = Path(__file__).resolve().parent.parent
"""The checkout: eval sets and the training corpus live here, not in the package."""

CRISIS_SETS = PROJECT_ROOT / "tests" / "core" / "safety"
"""The crisis sets, beside the triage tests that read them."""
CORPUS = CRISIS_SETS / "crisis_train.yaml"
EXTRA = CRISIS_SETS / "crisis_train_extra.yaml"
"""Calm examples written for the classifier (the bot, chat, handling needles and vials)."""
DEV_SETS = (CRISIS_SETS / "crisis_dev.yaml", CRISIS_SETS / "crisis_dev_2.yaml")
"""Measured blind once, then development sets: training items only with `--with-dev`."""
Floats = npt.NDArray[np.float64]


def fit(x: Floats, y: Floats, l2: float = 1e-4, steps: int = 1500) -> tuple[Floats, float]:
    """Class-balanced logistic regression on the embeddings (`logistic.fit_logistic`)."""
    return fit_logistic(lambda w: x @ w, lambda e: x.T @ e, x.shape[1], y, l2, steps)


def _eval_questions() -> list[str]:
    """Questions of the fitting sets (never the holdout): greetings, chat, out of scope."""
    questions = []
    for name in ("dev.yaml", "tuning.yaml"):
        path = PROJECT_ROOT / "tests" / "eval" / name
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            if item.get("expect") != ["SAFETY"]:
                questions.append(str(item["q"]))
    return questions


def main() -> None:
    parser = training_arguments(__doc__.splitlines()[0], MODEL_PATH, 0.01, 0.05)
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep the embeddings in this .npy file between runs")
    parser.add_argument("--with-dev", action="store_true",
                        help="train on the crisis dev sets too")
    args = parser.parse_args()

    items = [item for path in (CORPUS, EXTRA)
             for item in yaml.safe_load(path.read_text(encoding="utf-8"))]
    dev = {path.name: [i for i in yaml.safe_load(path.read_text(encoding="utf-8"))
                       if i["lang"] == "en"] for path in DEV_SETS}
    if args.with_dev:
        items += [item for name in sorted(dev) for item in dev[name]]
    if args.with_dev:
        source = np.array(["corpus"] * (len(items) - sum(len(v) for v in dev.values()))
                          + [name for name in sorted(dev) for _ in dev[name]])
    else:
        source = np.array(["corpus"] * len(items))
    kb = load_knowledge_base(bundled_faq())
    ordinary = sorted({p for e in kb.entries for p in (e.question, *e.alternates)}
                      | set(_eval_questions()))
    texts = [str(i["text"]) for i in items] + ordinary
    source = np.concatenate([source, np.array(["corpus"] * len(ordinary))])
    labels = np.array([i["label"] != "calm" for i in items] + [False] * len(ordinary), float)
    group = [str(i["category"]) if i["label"] == "calm" else "crisis" for i in items]
    group += ["faq question"] * len(ordinary)
    english = np.array([i["lang"] == "en" for i in items] + [True] * len(ordinary))
    english_mask = english.copy()
    print(f"{int(labels.sum())} crisis, {int((1 - labels).sum())} calm "
          f"({len(ordinary)} of them ordinary questions); encoding...")
    encoder = MiniLMEncoder()
    if args.cache is not None and args.cache.exists():
        x = np.load(args.cache)
    else:
        x = encoder.encode(texts).astype(np.float64)
        if args.cache is not None:
            np.save(args.cache, x)
    # The encoder is English; other languages are left to the phrase lists.
    x, labels, english, source = x[english], labels[english], english[english], source[english]
    group = [g for g, keep in zip(group, english_mask, strict=True) if keep]

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
    plain = np.array([g in ("faq question", "ordinary", "schedule") for g in group])
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
    print("\nPer set at that threshold (dev sets: out of fold if trained on, else unseen):")
    for name in ("corpus", *sorted(dev)):
        if name in set(source):
            mask, p = source == name, out_of_fold
            y = labels[mask]
        else:
            held = dev[name]
            p = 1.0 / (1.0 + np.exp(-(encoder.encode([str(i["text"]) for i in held])
                                      .astype(np.float64) @ w + b)))
            mask, y = np.ones(len(held), bool), np.array([i["label"] != "calm" for i in held])
        hits = p[mask] >= threshold if name in set(source) else p >= threshold
        print(f"  {name:<20} recall {hits[y == 1].mean():6.1%} ({int(y.sum())})   "
              f"false alarms {hits[y == 0].mean():6.1%} ({int((y == 0).sum())})")
    model = CrisisClassifier(w.astype(np.float32), b, threshold, encoder.name)
    model.save(args.out)
    print(f"\nWrote {args.out} (trained on all {len(labels)} English items, "
          f"threshold {threshold:.3f})")


if __name__ == "__main__":
    main()
