"""The loader reports every problem with file, line and field, and builds valid files."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from bot.content.loader import KnowledgeBaseError, load_knowledge_base, load_synonyms

HEADER = """\
version: 1
disclaimer: Not medical advice.
source_title: The article
synonyms: none.yaml
entries:
"""
ENTRY = """\
  - id: {id}
    question: What is it?
    alternates: [what is this]
    answer: It is a peptide.
    source: Intro
    reviewed: 2026-01-01
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "faq.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    (tmp_path / "none.yaml").write_text("synonyms: {}\n", encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(KnowledgeBaseError) as caught:
        load_knowledge_base(path)
    return [str(p) for p in caught.value.problems]


def test_should_load_a_minimal_valid_file(tmp_path: Path) -> None:
    """A well-formed file builds a knowledge base with its entry."""
    kb = load_knowledge_base(write(tmp_path, HEADER + ENTRY.format(id="one")))
    assert [e.id for e in kb.entries] == ["one"]
    assert kb.disclaimer == "Not medical advice."


def test_should_name_line_and_column_of_a_yaml_syntax_error(tmp_path: Path) -> None:
    """Broken YAML says where it broke, with the file name."""
    path = write(tmp_path, HEADER + ENTRY.format(id="one") + "  - id: [unclosed\n")
    [message] = problems(path)
    assert message.startswith(f"{path}:13: yaml:")
    assert "column" in message


def test_should_report_duplicate_ids_with_both_lines(tmp_path: Path) -> None:
    """A second entry with the same id names the line of the first."""
    path = write(tmp_path, HEADER + ENTRY.format(id="one") + ENTRY.format(id="one"))
    [message] = problems(path)
    assert message == f"{path}:12: entries[1].id: duplicate id `one` (first on line 6)"


def test_should_report_a_duplicate_id_beside_the_entries_other_problems(
    tmp_path: Path,
) -> None:
    """Both copies broken in other ways: the duplicate is still reported, in the same run."""
    first = ENTRY.format(id="one").replace("    source: Intro\n", "")
    second = ENTRY.format(id="one").replace("It is a peptide.", '""')
    path = write(tmp_path, HEADER + first + second + ENTRY.format(id="two"))
    assert problems(path) == [
        f"{path}:6: one.source: is missing",
        f"{path}:11: entries[1].id: duplicate id `one` (first on line 6)",
        f"{path}:14: one.answer: is empty",
    ]


def test_should_report_an_empty_answer(tmp_path: Path) -> None:
    """An answer left blank is an error on its own line."""
    path = write(tmp_path, HEADER + ENTRY.format(id="one").replace("It is a peptide.", '""'))
    assert problems(path) == [f"{path}:9: one.answer: is empty"]


def test_should_report_related_ids_that_do_not_exist(tmp_path: Path) -> None:
    """`related` must point at real entries."""
    entry = ENTRY.format(id="one") + "    related: [nowhere]\n"
    path = write(tmp_path, HEADER + entry)
    assert problems(path) == [f"{path}:6: one.related: no entry has the id `nowhere`"]


def test_should_suggest_the_field_an_unknown_field_meant(tmp_path: Path) -> None:
    """A typo like `alternate:` is caught and the right name suggested."""
    path = write(tmp_path, HEADER + ENTRY.format(id="one").replace("alternates:", "alternate:"))
    found = problems(path)
    assert f"{path}:8: one.alternate: unknown field (did you mean `alternates`?)" in found
    assert f"{path}:6: one.alternates: is missing" in found


def test_should_name_the_field_and_the_expected_type_of_a_wrong_value(tmp_path: Path) -> None:
    """A string where a list belongs, and a bad date, are named by field."""
    entry = (ENTRY.format(id="one").replace("[what is this]", "what is this")
             .replace("2026-01-01", "last tuesday"))
    path = write(tmp_path, HEADER + entry)
    assert problems(path) == [
        f"{path}:8: one.alternates: should be a list (lines starting with `- `)",
        f"{path}:11: one.reviewed: should be a date like 2026-01-31",
    ]


def test_should_report_every_problem_at_once(tmp_path: Path) -> None:
    """Several broken entries give several problems, not just the first."""
    broken = ENTRY.format(id="Bad Id").replace("Intro", '""')
    path = write(tmp_path, HEADER + broken + ENTRY.format(id="two").replace("What is it?", "[]"))
    found = problems(path)
    assert len(found) == 3
    assert any("should be lowercase words joined by `-`" in p for p in found)
    assert any("Bad Id.source: is empty" in p for p in found)
    assert any("two.question: should be text" in p for p in found)


def test_should_report_missing_top_level_fields(tmp_path: Path) -> None:
    """A file without the disclaimer cannot load: every reply needs it."""
    path = write(tmp_path, HEADER.replace("disclaimer: Not medical advice.\n", "")
                 + ENTRY.format(id="one"))
    assert problems(path) == [f"{path}:1: disclaimer: is missing"]


def test_should_keep_table_cells_as_written(tmp_path: Path) -> None:
    """`No` in a comparison stays the text "No", not YAML's boolean."""
    entry = ENTRY.format(id="one") + (
        "    comparison:\n      columns: [A, B]\n      rows:\n        - [Sedation, No, Yes]\n"
    )
    kb = load_knowledge_base(write(tmp_path, HEADER + entry))
    comparison = kb.entries[0].comparison
    assert comparison is not None
    assert comparison.rows == (("Sedation", ("No", "Yes")),)


def test_should_report_a_comparison_row_of_the_wrong_width(tmp_path: Path) -> None:
    """Each row needs a feature and one value per column."""
    entry = ENTRY.format(id="one") + (
        "    comparison:\n      columns: [A, B]\n      rows:\n        - [Sedation, No]\n"
    )
    path = write(tmp_path, HEADER + entry)
    assert problems(path) == [
        f"{path}:15: one.comparison.rows[0]: needs a feature name and 2 values, one per column"
    ]


def test_should_name_the_file_that_cannot_be_read(tmp_path: Path) -> None:
    """A missing file is a problem naming the path, not a traceback."""
    missing = tmp_path / "nope.yaml"
    [message] = problems(missing)
    assert message.startswith(f"{missing}:0: file: cannot read it")


def test_should_reject_a_variant_claimed_by_two_synonyms(tmp_path: Path) -> None:
    """A variant can mean one canonical word only."""
    path = tmp_path / "synonyms.yaml"
    path.write_text("synonyms:\n  calm: [chill]\n  relax: [chill]\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        load_synonyms(path)
    assert "`chill` is already a variant of `calm`" in str(caught.value)


def test_should_report_synonym_file_problems_under_its_own_name(tmp_path: Path) -> None:
    """A broken synonym table is reported with its own path, not the FAQ's."""
    path = write(tmp_path, HEADER + ENTRY.format(id="one"))
    (tmp_path / "none.yaml").write_text("synonyms:\n  calm: chill\n", encoding="utf-8")
    [message] = problems(path)
    assert message.startswith(f"{tmp_path / 'none.yaml'}:2: synonyms.calm: should be a list")


def test_the_bundled_knowledge_base_should_load_without_a_problem() -> None:
    """The file we ship loads without a single problem."""
    from bot.content.paths import bundled_faq

    assert load_knowledge_base(bundled_faq()).entries


def test_should_refuse_yaml_nested_too_deeply_without_crashing(tmp_path: Path) -> None:
    """A pathological file is a problem with the file, not a crash of the bot or the reloader."""
    path = tmp_path / "faq.yaml"
    path.write_text("[" * 20000 + "]" * 20000, encoding="utf-8")
    [message] = problems(path)
    assert message.startswith(f"{path}:")


def test_should_read_safety_replies_per_language(tmp_path: Path) -> None:
    """`safety.<lang>` sets the texts and lines; English is always there."""
    block = textwrap.dedent("""\
        safety:
          es:
            self: Llama al 112.
            lines: ["112"]
        entries:
        """)
    kb = load_knowledge_base(write(tmp_path, HEADER.replace("entries:\n", block)
                                   + ENTRY.format(id="one")))
    assert kb.safety_texts("es").self_text == "Llama al 112."
    assert kb.safety_texts("es").lines == ("112",)
    assert kb.safety_texts("de") == kb.safety_texts("en")
    assert "emergency" in kb.safety_texts("en").other_text


def test_should_locate_safety_block_problems(tmp_path: Path) -> None:
    """An unknown language, a missing `self` and a misspelt field each name file:line:field."""
    block = textwrap.dedent("""\
        safety:
          xx:
            self: Hi.
          es:
            other: Quédate con ella.
          fr:
            self: Appelle le 112.
            line: ["112"]
        entries:
        """)
    path = write(tmp_path, HEADER.replace("entries:\n", block) + ENTRY.format(id="one"))
    found = problems(path)
    assert any(":6: safety.xx: unknown field" in p for p in found), found
    assert any("safety.es.self: is missing" in p for p in found), found
    assert any(":12: safety.fr.line: unknown field (did you mean `lines`?)" in p
               for p in found), found
