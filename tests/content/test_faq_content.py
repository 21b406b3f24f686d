"""Editorial rules for bot/content/data/faq.yaml that the loader cannot know: the curation contract.

Every topic id of the shared topic table, answers of 40 to 120 words in our own words
(no run of 8 words from the article), no dose ever, 2 to 4 bullets, 2 or 3 related
entries, at least 12 alternates, the article's key points in its order.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from bot.content.knowledge import Entry, KnowledgeBase

SHARED = Path(__file__).resolve().parents[3] / "shared"  # beside the checkout
WORD = re.compile(r"[a-z0-9']+")
KEY_POINT_ORDER = ["main-uses", "cognitive-effects", "mechanism", "dependence-and-withdrawal",
                   "regulatory-status", "administration", "immune-effects"]
DOSE = re.compile(
    r"\b\d[\d.,-]*\s*(mg|mcg|µg|ug|ml|iu|units?|g|drops?|sprays?|times|x|days?|hours?|%)\b",
    re.IGNORECASE,
)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def shared_text(name: str, folder: Path = SHARED) -> str:
    """A file of ../shared; without it, a skip on a workstation and a failure under CI=true."""
    path = folder / name
    if not path.exists():
        if os.environ.get("CI", "").strip().lower() == "true":  # CI must run these, not skip
            pytest.fail(f"{path} is missing, and CI=true: put ../shared beside the checkout")
        pytest.skip(f"{path} is not beside this checkout")
    return path.read_text(encoding="utf-8")


def test_a_missing_shared_folder_should_fail_under_ci(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CI must run the contract and article checks: no ../shared there is a failure."""
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        shared_text("faq-topics.md", tmp_path / "absent")


def test_a_missing_shared_folder_should_skip_outside_ci(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a workstation without ../shared the two checks skip, saying why."""
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not beside this checkout"):
        shared_text("faq-topics.md", tmp_path / "absent")


def test_every_topic_id_of_the_contract_has_an_entry(kb: KnowledgeBase) -> None:
    """The ids of faq-topics.md are a contract: all present."""
    topic_ids = re.findall(r"^\| `([a-z0-9-]+)` \|", shared_text("faq-topics.md"), re.M)
    assert len(topic_ids) == 28
    assert set(topic_ids) <= {e.id for e in kb.entries}


def test_no_answer_repeats_eight_words_of_the_article(kb: KnowledgeBase) -> None:
    """Answers carry the article's facts in the project's own words."""
    article = words(shared_text("source/selank-article.txt"))
    grams = {" ".join(article[i:i + 8]) for i in range(len(article) - 7)}
    copied = []
    for entry in kb.entries:
        w = words(entry.answer)
        copied += [(entry.id, " ".join(w[k:k + 8])) for k in range(len(w) - 7)
                   if " ".join(w[k:k + 8]) in grams]
    assert copied == []


@pytest.fixture(scope="module")
def entries(kb: KnowledgeBase) -> tuple[Entry, ...]:
    return kb.entries


def test_answers_are_40_to_120_words_with_2_to_4_bullets(entries: tuple[Entry, ...]) -> None:
    """Scannable: a direct first sentence, then a few bullets."""
    for entry in entries:
        assert 40 <= len(words(entry.answer)) <= 120, entry.id
        bullets = [line for line in entry.answer.splitlines() if line.startswith("- ")]
        assert 2 <= len(bullets) <= 4, entry.id
        assert not entry.answer.startswith("- "), entry.id


def test_no_answer_states_a_dose(entries: tuple[Entry, ...]) -> None:
    """No number with a unit, except the article's weeks until an effect shows."""
    for entry in entries:
        for match in DOSE.finditer(entry.answer):
            assert re.fullmatch(r"\d-\d weeks", match.group(0)), (entry.id, match.group(0))


def test_each_entry_relates_to_two_or_three_others(entries: tuple[Entry, ...]) -> None:
    """"See also" stays short and never points at itself."""
    for entry in entries:
        assert 2 <= len(entry.related) <= 3 and entry.id not in entry.related, entry.id


def test_each_entry_has_at_least_twelve_alternates(entries: tuple[Entry, ...]) -> None:
    """Recognition needs the ways real people ask."""
    assert all(len(e.alternates) >= 12 for e in entries)


def test_no_phrase_belongs_to_two_entries(entries: tuple[Entry, ...]) -> None:
    """The same wording under two entries would make the match a coin toss."""
    owners: dict[str, set[str]] = {}
    for entry in entries:
        for phrase in (entry.question, *entry.alternates):
            owners.setdefault(" ".join(words(phrase)), set()).add(entry.id)
    assert {p: o for p, o in owners.items() if len(o) > 1} == {}


def test_no_keyword_belongs_to_two_entries(entries: tuple[Entry, ...]) -> None:
    """A keyword points at one entry."""
    counts = Counter(k.lower() for e in entries for k in set(e.keywords))
    assert [k for k, n in counts.items() if n > 1] == []


def test_key_points_follow_the_article_order(entries: tuple[Entry, ...]) -> None:
    """The summary lists the article's seven key points in its order."""
    assert [e.id for e in entries if e.key_point] == KEY_POINT_ORDER


def test_comparison_topics_carry_their_tables(kb: KnowledgeBase) -> None:
    """Semax and benzodiazepines are compared on the article's six features."""
    for entry_id, other in (("vs-semax", "Semax"), ("vs-benzodiazepines", "Benzodiazepines")):
        entry = kb.entry(entry_id)
        assert entry is not None and entry.comparison is not None
        assert entry.comparison.columns == ("Selank", other)
        assert len(entry.comparison.rows) == 6


def test_synonyms_are_written_as_the_bot_normalizes_text(kb: KnowledgeBase) -> None:
    """A variant with a hyphen or a capital would never match a normalized question."""
    assert [v for v in kb.synonyms if not re.fullmatch(r"[a-z0-9 ]+", v)] == []
