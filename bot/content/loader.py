"""Loads and validates `faq.yaml`, reporting every problem at once with file, line and field.

Admins edit the knowledge base by hand, so an error must say exactly where to look:
we walk PyYAML's node tree (which keeps line numbers) instead of the plain loaded dict.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import yaml
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.content.knowledge import Comparison, Entry, KnowledgeBase, SafetyTexts, Texts

T = TypeVar("T")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
DATE_TAG = "tag:yaml.org,2002:timestamp"
TEXT_TAGS = {STR_TAG, INT_TAG, DATE_TAG, "tag:yaml.org,2002:bool", "tag:yaml.org,2002:float"}

DEFAULT_TEXTS = Texts(
    safety=(
        "It sounds like you may be in danger or facing a medical emergency. "
        "Please contact your local emergency number or a crisis line right now: "
        "you deserve help from a person, and this bot cannot give it."
    ),
    help=(
        "I answer questions about the peptide Selank from one curated source: what it is, "
        "how it is thought to work, its uses, side effects, safety, legal status and how it "
        "compares with Semax and benzodiazepines. Try one of these:"
    ),
    fallback=(
        "I don't know: my source does not cover that. For personal advice, ask a qualified "
        "healthcare professional."
    ),
)
DEFAULT_EMERGENCY_LINES = (
    "US: call or text 988 (Suicide & Crisis Lifeline), or call 911",
    "EU: call 112",
    "UK: call 999, or Samaritans on 116 123",
    "Elsewhere: your local emergency number",
)
DEFAULT_OTHER_TEXT = (
    "If they are in danger now or have taken something, call your local emergency number. "
    "Stay with them and keep talking calmly; if it is safe, move pills, weapons or other "
    "means out of reach. A crisis line can guide you while help comes."
)
DEFAULT_SAFETY_NET = (
    "If you or someone near you is in danger, call your local emergency number."
)
LANGUAGES = ("en", "es", "ru", "uk", "de", "fr", "pt", "it", "pl")
"""The languages triage recognizes; `safety` may give a reply for each."""
SAFETY_FIELDS = {"self", "other", "lines"}
TOP_FIELDS = {
    "version", "disclaimer", "source_title", "texts", "emergency_lines", "safety",
    "help_examples", "not_covered", "synonyms", "entries",
}
ENTRY_FIELDS = {
    "id", "question", "alternates", "keywords", "answer", "source", "key_point",
    "related", "comparison", "reviewed",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a knowledge base file, located for the person who fixes it."""

    path: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class KnowledgeBaseError(Exception):
    """A knowledge base that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def load_knowledge_base(path: Path) -> KnowledgeBase:
    """Read, validate and build the knowledge base at `path`, or raise KnowledgeBaseError."""
    root = _compose(path)
    reader = _Reader(path)
    kb = reader.knowledge_base(root)
    if reader.problems or kb is None:
        raise KnowledgeBaseError(reader.problems)
    return kb


def load_synonyms(path: Path) -> dict[str, str]:
    """Read a synonym table into a map from each variant to its canonical word or phrase."""
    root = _compose(path)
    reader = _Reader(path)
    table = reader.synonyms(root)
    if reader.problems:
        raise KnowledgeBaseError(reader.problems)
    return table


def _compose(path: Path) -> Node:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeBaseError([Problem(path, 0, "file", f"cannot read it: {error}")]) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        column = f", column {mark.column + 1}" if mark else ""
        reason = error.problem or error.context or "invalid YAML"
        raise KnowledgeBaseError(
            [Problem(path, line, "yaml", f"{reason}{column}")]
        ) from None
    except yaml.YAMLError as error:
        raise KnowledgeBaseError([Problem(path, 0, "yaml", str(error))]) from None
    except RecursionError:
        raise KnowledgeBaseError(
            [Problem(path, 0, "yaml", "nested too deeply to be a knowledge base")]
        ) from None
    if node is None:
        raise KnowledgeBaseError([Problem(path, 1, "file", "the file is empty")])
    return node


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


class _Reader:
    """Walks a YAML node tree, collecting problems instead of stopping at the first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._safety_net = DEFAULT_SAFETY_NET

    def problem(self, node: Node, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, _line(node), field, message))

    # -- shapes ---------------------------------------------------------------------------

    def mapping(self, node: Node, field: str, allowed: set[str]) -> dict[str, Node] | None:
        if not isinstance(node, MappingNode):
            self.problem(node, field, "should be a mapping of `key: value` lines")
            return None
        fields: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            name = f"{field}.{key}" if field else str(key)
            if not isinstance(key, str):
                self.problem(key_node, field or "key", "keys must be plain words")
            elif key in fields:
                self.problem(key_node, name, "appears twice; keep one")
            elif key not in allowed:
                hint = _closest(key, allowed)
                suggestion = f" (did you mean `{hint}`?)" if hint else ""
                self.problem(key_node, name, f"unknown field{suggestion}")
            else:
                fields[key] = value_node
        return fields

    def text(self, node: Node, field: str) -> str | None:
        # Plain scalars keep the text as written: YAML would read `No` as false and `1.10`
        # as 1.1, which is never what an admin typing a table cell meant.
        if not isinstance(node, ScalarNode) or node.tag not in TEXT_TAGS:
            self.problem(node, field, "should be text")
            return None
        value = str(node.value).strip()
        if not value:
            self.problem(node, field, "is empty")
            return None
        return value

    def texts(self, node: Node, field: str) -> tuple[str, ...] | None:
        if not isinstance(node, SequenceNode):
            self.problem(node, field, "should be a list (lines starting with `- `)")
            return None
        items = [self.text(item, f"{field}[{i}]") for i, item in enumerate(node.value)]
        return tuple(item for item in items if item is not None)

    def field(
        self, fields: dict[str, Node], name: str, where: str, read: Callable[[Node, str], T]
    ) -> T | None:
        """Read an optional field with `read`, or None when the field is absent."""
        node = fields.get(name)
        return None if node is None else read(node, f"{where}.{name}" if where else name)

    def required(self, fields: dict[str, Node], node: Node, field: str, names: list[str]) -> bool:
        missing = [name for name in names if name not in fields]
        for name in missing:
            self.problem(node, f"{field}.{name}" if field else name, "is missing")
        return not missing

    # -- the file -------------------------------------------------------------------------

    def knowledge_base(self, root: Node) -> KnowledgeBase | None:
        fields = self.mapping(root, "", TOP_FIELDS)
        if fields is None:
            return None
        self.required(fields, root, "", ["version", "disclaimer", "source_title", "entries"])
        self.version(fields.get("version"))
        disclaimer = self.field(fields, "disclaimer", "", self.text)
        title = self.field(fields, "source_title", "", self.text)
        texts = self.bot_texts(fields["texts"]) if "texts" in fields else DEFAULT_TEXTS
        lines = self.field(fields, "emergency_lines", "", self.texts) or DEFAULT_EMERGENCY_LINES
        examples = self.field(fields, "help_examples", "", self.texts)
        not_covered = self.field(fields, "not_covered", "", self.texts)
        synonyms = self.synonyms_file(fields.get("synonyms"))
        entries = self.entries(fields["entries"]) if "entries" in fields else ()
        if disclaimer is None or title is None or texts is None:
            return None
        english = SafetyTexts(texts.safety, DEFAULT_OTHER_TEXT, lines)
        safety = self.safety(fields["safety"], english) if "safety" in fields else {}
        safety.setdefault("en", english)
        net = self._safety_net
        return KnowledgeBase(
            path=self.path,
            disclaimer=disclaimer,
            source_title=title,
            texts=texts,
            emergency_lines=lines,
            help_examples=examples or (),
            not_covered=not_covered or (),
            synonyms=synonyms,
            entries=entries,
            safety=safety,
            safety_net=net,
        )

    def safety(self, node: Node, english: SafetyTexts) -> dict[str, SafetyTexts]:
        """`safety:` one block per language code, each with `self`, `other` and `lines`.

        A language without `lines` gets the English ones; one without `other` the English
        guidance for helping someone; `self` is required, so no reply is half translated.
        """
        languages = self.mapping(node, "safety", set(LANGUAGES))
        if languages is None:
            return {}
        found: dict[str, SafetyTexts] = {}
        blocks = dict(languages)
        if "en" in blocks:
            english = self._language(blocks.pop("en"), "en", english) or english
            found["en"] = english
        for lang, block in blocks.items():
            texts = self._language(block, lang, english)
            if texts is not None:
                found[lang] = texts
        return found

    def _language(self, node: Node, lang: str, english: SafetyTexts) -> SafetyTexts | None:
        where = f"safety.{lang}"
        fields = self.mapping(node, where, SAFETY_FIELDS)
        if fields is None or not self.required(fields, node, where, ["self"]):
            return None
        own = self.field(fields, "self", where, self.text)
        other = self.field(fields, "other", where, self.text)
        lines = self.field(fields, "lines", where, self.texts)
        if own is None:
            return None
        return SafetyTexts(own, other or english.other_text, lines or english.lines)

    def version(self, node: Node | None) -> None:
        if node is not None and (node.tag != INT_TAG or node.value != "1"):
            self.problem(node, "version", "this bot reads format version 1")

    def bot_texts(self, node: Node) -> Texts | None:
        fields = self.mapping(node, "texts", {"safety", "help", "fallback", "safety_net"})
        if fields is None:
            return None
        values = {name: self.text(value, f"texts.{name}") for name, value in fields.items()}
        self._safety_net = values.get("safety_net") or DEFAULT_SAFETY_NET
        return Texts(
            safety=values.get("safety") or DEFAULT_TEXTS.safety,
            help=values.get("help") or DEFAULT_TEXTS.help,
            fallback=values.get("fallback") or DEFAULT_TEXTS.fallback,
        )

    def synonyms_file(self, node: Node | None) -> dict[str, str]:
        name = self.text(node, "synonyms") if node is not None else "synonyms.yaml"
        if name is None:
            return {}
        synonym_path = self.path.parent / name
        if not synonym_path.exists():
            if node is not None:
                self.problem(node, "synonyms", f"no such file: {synonym_path}")
            return {}
        try:
            return load_synonyms(synonym_path)
        except KnowledgeBaseError as error:
            self.problems.extend(error.problems)
            return {}

    def synonyms(self, root: Node) -> dict[str, str]:
        fields = self.mapping(root, "", {"synonyms"})
        if not fields or "synonyms" not in fields:
            if fields is not None:
                self.problem(root, "synonyms", "is missing")
            return {}
        table = fields["synonyms"]
        if not isinstance(table, MappingNode):
            self.problem(table, "synonyms", "should map each canonical word to its variants")
            return {}
        variants: dict[str, str] = {}
        canonicals: set[str] = set()
        for key_node, value_node in table.value:
            canonical = self.text(key_node, "synonyms")
            forms = self.texts(value_node, f"synonyms.{canonical}")
            if canonical is None or forms is None:
                continue
            canonical = canonical.lower()
            canonicals.add(canonical)
            for form in forms:
                form = form.lower()
                if form in variants and variants[form] != canonical:
                    self.problem(
                        value_node, f"synonyms.{canonical}",
                        f"`{form}` is already a variant of `{variants[form]}`",
                    )
                variants[form] = canonical
        for form, canonical in variants.items():
            if form in canonicals and form != canonical:
                self.problem(
                    table, f"synonyms.{canonical}", f"`{form}` is both a key and a variant"
                )
        return variants

    # -- entries --------------------------------------------------------------------------

    def entries(self, node: Node) -> tuple[Entry, ...]:
        if not isinstance(node, SequenceNode):
            self.problem(node, "entries", "should be a list of entries")
            return ()
        if not node.value:
            self.problem(node, "entries", "is empty; a knowledge base needs at least one entry")
        built: list[tuple[Entry, Node]] = []
        seen: dict[str, int] = {}
        for index, item in enumerate(node.value):
            # Ids are compared as written, before the entry is validated, so a duplicate is
            # reported in the same run as a missing field or an empty answer in either copy.
            written_id = _entry_name(item)
            duplicate = False
            if written_id is not None and written_id in seen:
                duplicate = True
                self.problem(item, f"entries[{index}].id",
                             f"duplicate id `{written_id}` (first on line {seen[written_id]})")
            elif written_id is not None:
                seen[written_id] = _line(item)
            entry = self.entry(item, index)
            if entry is not None and not duplicate:
                built.append((entry, item))
        for entry, item in built:
            for related in entry.related:
                if related not in seen:
                    self.problem(item, f"{entry.id}.related", f"no entry has the id `{related}`")
                elif related == entry.id:
                    self.problem(item, f"{entry.id}.related", "an entry cannot relate to itself")
        return tuple(entry for entry, _ in built)

    def entry(self, node: Node, index: int) -> Entry | None:
        where = _entry_name(node) or f"entries[{index}]"
        fields = self.mapping(node, where, ENTRY_FIELDS)
        if fields is None:
            return None
        entry_id = self.field(fields, "id", where, self.text)
        if entry_id is not None and not SLUG.match(entry_id):
            self.problem(fields["id"], f"{where}.id",
                         f"`{entry_id}` should be lowercase words joined by `-`")
        complete = self.required(
            fields, node, where, ["id", "question", "alternates", "answer", "source", "reviewed"]
        )
        question = self.field(fields, "question", where, self.text)
        alternates = self.field(fields, "alternates", where, self.texts)
        answer = self.field(fields, "answer", where, self.text)
        source = self.field(fields, "source", where, self.text)
        reviewed = self.field(fields, "reviewed", where, self.date)
        keywords = self.field(fields, "keywords", where, self.texts)
        key_point = self.field(fields, "key_point", where, self.text)
        related = self.field(fields, "related", where, self.texts)
        comparison = self.field(fields, "comparison", where, self.comparison)
        if (not complete or entry_id is None or question is None or alternates is None
                or answer is None or source is None or reviewed is None):
            return None
        return Entry(
            id=entry_id,
            question=question,
            alternates=alternates,
            answer=answer,
            source=source,
            reviewed=reviewed,
            keywords=keywords or (),
            key_point=key_point,
            related=related or (),
            comparison=comparison,
        )

    def date(self, node: Node, field: str) -> dt.date | None:
        if isinstance(node, ScalarNode) and node.tag in (DATE_TAG, STR_TAG):
            try:
                return dt.date.fromisoformat(str(node.value).strip())
            except ValueError:
                pass
        self.problem(node, field, "should be a date like 2026-01-31")
        return None

    def comparison(self, node: Node, field: str) -> Comparison | None:
        fields = self.mapping(node, field, {"columns", "rows"})
        if fields is None or not self.required(fields, node, field, ["columns", "rows"]):
            return None
        columns = self.texts(fields["columns"], f"{field}.columns")
        rows_node = fields["rows"]
        if columns is None or not isinstance(rows_node, SequenceNode):
            if columns is not None:
                self.problem(rows_node, f"{field}.rows", "should be a list of rows")
            return None
        rows: list[tuple[str, tuple[str, ...]]] = []
        for index, row_node in enumerate(rows_node.value):
            cells = self.texts(row_node, f"{field}.rows[{index}]")
            if cells is None:
                continue
            if len(cells) != len(columns) + 1:
                self.problem(row_node, f"{field}.rows[{index}]",
                             f"needs a feature name and {len(columns)} values, one per column")
                continue
            rows.append((cells[0], tuple(cells[1:])))
        return Comparison(columns=columns, rows=tuple(rows))


def _entry_name(node: Node) -> str | None:
    """The entry's id as written, so every problem in it can be named by that id."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if key.value == "id" and isinstance(value, ScalarNode) and value.value.strip():
                return str(value.value).strip()
    return None


def _closest(name: str, allowed: set[str]) -> str | None:
    """The allowed field a typo most likely meant (`alternate` -> `alternates`)."""
    match = process.extractOne(name, sorted(allowed), scorer=Levenshtein.distance, score_cutoff=3)
    return str(match[0]) if match else None
