"""Editorial checks for data/faq.yaml that the loader does not make.

Word counts, 8-word runs shared with the source article, dose-like numbers,
topic ids, alternates per entry, Key Points order and synonym-table sanity.
Usage: python3 tools/kb_lint.py [data/faq.yaml]
"""
import pathlib
import re
import sys
from collections import Counter

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WORD = re.compile(r"[a-z0-9']+")
KEY_POINT_ORDER = ["main-uses", "cognitive-effects", "mechanism", "dependence-and-withdrawal",
                   "regulatory-status", "administration", "immune-effects"]
# A number followed by a unit; the weeks of time-to-effect and the 7 amino acids are allowed.
DOSE = re.compile(r"\b\d[\d.,-]*\s*(mg|mcg|µg|ug|ml|iu|units?|g|drops?|sprays?|times|x|days?|hours?|%)\b", re.I)


def words(text):
    return WORD.findall(text.lower())


def main(path):
    kb = yaml.safe_load(open(path))
    article = words((SHARED / "source/selank-article.txt").read_text())
    grams = {" ".join(article[i:i + 8]) for i in range(len(article) - 7)}
    topic_ids = re.findall(r"^\| `([a-z0-9-]+)` \|", (SHARED / "faq-topics.md").read_text(), re.M)
    problems = []
    entries = kb["entries"]
    ids = [e["id"] for e in entries]
    if sorted(ids) != sorted(topic_ids):
        problems.append(f"ids differ from faq-topics.md: missing {set(topic_ids) - set(ids)}, extra {set(ids) - set(topic_ids)}")
    with_kp = [e["id"] for e in entries if "key_point" in e]
    if with_kp != KEY_POINT_ORDER:
        problems.append(f"key_point entries {with_kp} != {KEY_POINT_ORDER}")
    seen_alt = {}
    for e in entries:
        eid, answer = e["id"], e["answer"]
        w = words(answer)
        if not 40 <= len(w) <= 120:
            problems.append(f"{eid}: answer has {len(w)} words")
        for k in range(len(w) - 7):
            g = " ".join(w[k:k + 8])
            if g in grams:
                problems.append(f"{eid}: shares 8 words with the article: '{g}'")
        for m in DOSE.finditer(answer):
            if not re.fullmatch(r"\d-\d weeks", m.group(0)):
                problems.append(f"{eid}: number with a unit: '{m.group(0)}'")
        bullets = [ln for ln in answer.splitlines() if ln.startswith("- ")]
        if len(bullets) > 4:
            problems.append(f"{eid}: {len(bullets)} bullets")
        if not 2 <= len(e.get("related", [])) <= 3 or set(e.get("related", [])) - set(ids) or eid in e.get("related", []):
            problems.append(f"{eid}: related {e.get('related')}")
        alts = e["alternates"]
        if len(alts) < 12:
            problems.append(f"{eid}: only {len(alts)} alternates")
        for a in alts + [e["question"]]:
            key = " ".join(words(a))
            if key in seen_alt and seen_alt[key] != eid:
                problems.append(f"{eid}: alternate '{a}' also in {seen_alt[key]}")
            seen_alt[key] = eid
    kw_owner = Counter(k.lower() for e in entries for k in set(e.get("keywords", [])))
    for k, n in kw_owner.items():
        if n > 1:
            problems.append(f"keyword '{k}' used by {n} entries")
    syn_path = pathlib.Path(path).parent / kb.get("synonyms", "synonyms.yaml")
    if syn_path.exists():
        syn = yaml.safe_load(open(syn_path))["synonyms"]
        owner = {}
        for key, variants in syn.items():
            if key != key.lower():
                problems.append(f"synonym key not lowercase: {key}")
            for v in variants:
                if v != v.lower():
                    problems.append(f"variant not lowercase: {v}")
                if v in owner:
                    problems.append(f"variant '{v}' under {owner[v]} and {key}")
                owner[v] = key
        for key in syn:
            if key in owner:
                problems.append(f"key '{key}' is also a variant of {owner[key]}")
    total_alts = sum(len(e["alternates"]) for e in entries)
    print(f"{len(entries)} entries, {total_alts} alternates, min {min(len(e['alternates']) for e in entries)}")
    for p in problems:
        print("-", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "data/faq.yaml")))
