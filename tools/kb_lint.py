"""Editorial checks for data/faq.yaml that the loader does not make.

Answer length, 8-word runs shared with the source article, numbers with a unit, the
topic ids of faq-topics.md, alternates per entry, the Key Points order, keywords shared
by entries, and the synonym table's one-key-per-variant rule.
Usage: python3 tools/kb_lint.py [data/faq.yaml]
"""

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WORD = re.compile(r"[a-z0-9']+")
KEY_POINT_ORDER = ["main-uses", "cognitive-effects", "mechanism", "dependence-and-withdrawal",
                   "regulatory-status", "administration", "immune-effects"]
# A number followed by a unit; only "1-2 weeks" style spans are allowed (time-to-effect).
UNIT = re.compile(
    r"\b\d[\d.,-]*\s*(mg|mcg|µg|ug|ml|iu|units?|g|drops?|sprays?|times|x|days?|hours?|%)\b",
    re.IGNORECASE,
)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def entry_problems(entry: dict, ids: list[str], grams: set[str]) -> list[str]:
    eid, answer = entry["id"], entry["answer"]
    problems = []
    w = words(answer)
    if not 40 <= len(w) <= 120:
        problems.append(f"{eid}: answer has {len(w)} words")
    for k in range(len(w) - 7):
        gram = " ".join(w[k:k + 8])
        if gram in grams:
            problems.append(f"{eid}: shares 8 words with the article: '{gram}'")
    for m in UNIT.finditer(answer):
        if not re.fullmatch(r"\d-\d weeks", m.group(0)):
            problems.append(f"{eid}: number with a unit: '{m.group(0)}'")
    bullets = [line for line in answer.splitlines() if line.startswith("- ")]
    if not 2 <= len(bullets) <= 4:
        problems.append(f"{eid}: {len(bullets)} bullets")
    related = entry.get("related", [])
    if not 2 <= len(related) <= 3 or set(related) - set(ids) or eid in related:
        problems.append(f"{eid}: related {related}")
    if len(entry["alternates"]) < 12:
        problems.append(f"{eid}: only {len(entry['alternates'])} alternates")
    return problems


def synonym_problems(path: Path) -> list[str]:
    problems = []
    owner: dict[str, str] = {}
    table = load(path)["synonyms"]
    for key, variants in table.items():
        for form in [key, *variants]:
            if form != form.lower() or re.search(r"[^a-z0-9 ]", form):
                problems.append(f"synonym '{form}' is not in normalized form")
        for variant in variants:
            if variant in owner:
                problems.append(f"variant '{variant}' under {owner[variant]} and {key}")
            owner[variant] = key
    problems += [f"key '{key}' is also a variant of {owner[key]}" for key in table if key in owner]
    return problems


def main(path: Path) -> int:
    kb = load(path)
    article = words((SHARED / "source/selank-article.txt").read_text(encoding="utf-8"))
    grams = {" ".join(article[i:i + 8]) for i in range(len(article) - 7)}
    topics = (SHARED / "faq-topics.md").read_text(encoding="utf-8")
    topic_ids = re.findall(r"^\| `([a-z0-9-]+)` \|", topics, re.MULTILINE)
    entries = kb["entries"]
    ids = [e["id"] for e in entries]
    problems = []
    if sorted(ids) != sorted(topic_ids):
        problems.append(f"ids differ from faq-topics.md: missing {set(topic_ids) - set(ids)}, "
                        f"extra {set(ids) - set(topic_ids)}")
    with_key_point = [e["id"] for e in entries if "key_point" in e]
    if with_key_point != KEY_POINT_ORDER:
        problems.append(f"key_point entries {with_key_point} != {KEY_POINT_ORDER}")
    seen: dict[str, str] = {}
    for entry in entries:
        problems += entry_problems(entry, ids, grams)
        for phrase in [*entry["alternates"], entry["question"]]:
            key = " ".join(words(phrase))
            if seen.setdefault(key, entry["id"]) != entry["id"]:
                problems.append(f"{entry['id']}: '{phrase}' is also in {seen[key]}")
    shared_keywords = Counter(k.lower() for e in entries for k in set(e.get("keywords", [])))
    problems += [f"keyword '{k}' used by {n} entries" for k, n in shared_keywords.items() if n > 1]
    synonyms = path.parent / kb.get("synonyms", "synonyms.yaml")
    if synonyms.exists():
        problems += synonym_problems(synonyms)
    alternates = [len(e["alternates"]) for e in entries]
    print(f"{len(entries)} entries, {sum(alternates)} alternates (min {min(alternates)})")
    for problem in problems:
        print("-", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data/faq.yaml"))
