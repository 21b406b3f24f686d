"""No import runs back up the layers: app -> adapters -> bot, and inside bot one order.

Every module of bot/, adapters/ and app/ is read with ast: `import`, `from ... import`
(relative ones resolved), `importlib.import_module("...")`, and any string constant naming
one of our modules (the runner's table of adapter modules is such a string). Function-level
imports count the same as top-level ones: a lazy import is still an arrow.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "adapters", "app")

# Lowest first. A module may import its own layer and the layers before it, never after.
LAYERS = (
    "bot",  # the package itself: a docstring
    "bot.content",  # the knowledge base as values, its loader, the bundled data
    "bot.matching",  # normalization, the Ranker protocol, the rankers, thresholds
    "bot.core",  # replies, routing rules, triage, small talk, the responder
    "bot.ops",  # the service adapters call, settings, logs, metrics, health, store
    "bot.curation",  # evaluation and the curator's report
    "adapters",  # base, registry, terminal, common (every platform's kit), one package per platform
    "app",  # the command line and the runner: the composition root
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[module_name(path)] = path
    return found


MODULES = all_modules()


def ours(name: str) -> str | None:
    """The longest of our modules that `name` is or lives in, or None for a third party."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(name: str, path: Path) -> set[str]:
    """Every module of ours that `name` imports, by any of the four ways."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets.add(base)
            targets.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            dotted = node.value.split(".")
            if len(dotted) > 1 and dotted[0] in PACKAGES and all(p.isidentifier() for p in dotted):
                targets.add(node.value)  # importlib.import_module("...") and tables of names
    found = {ours(target) for target in targets}
    return {module for module in found if module is not None and module != name}


def layer(name: str) -> int:
    return max(i for i, prefix in enumerate(LAYERS)
               if name == prefix or name.startswith(prefix + "."))


def test_the_walker_sees_lazy_and_importlib_imports() -> None:
    """The checker itself finds a function-level import and an importlib string."""
    assert "app.runner" in imports_of("app.cli", MODULES["app.cli"])


def test_no_import_runs_back_up_the_layers() -> None:
    """Every arrow points to the same layer or a lower one."""
    upward = sorted(
        f"{name} ({LAYERS[layer(name)]}) imports {target} ({LAYERS[layer(target)]})"
        for name, path in MODULES.items() for target in imports_of(name, path)
        if layer(target) > layer(name)
    )
    assert upward == []


def test_nothing_imports_the_composition_root() -> None:
    """Only app/ names app/, and inside app/ only the command line reaches the runner."""
    importers = sorted(
        (name, target) for name, path in MODULES.items() for target in imports_of(name, path)
        if target.startswith("app") and not (name == "app.cli" and target == "app.runner")
    )
    assert importers == []


def test_platform_adapters_never_import_each_other() -> None:
    """adapters.slack and adapters.discord each import only bot, adapters.base/terminal."""
    crossing = sorted(
        (name, target) for name, path in MODULES.items() for target in imports_of(name, path)
        if name.startswith("adapters.") and target.startswith("adapters.")
        and name.split(".")[1] != target.split(".")[1]
        and target.split(".")[1] in {"slack", "discord"}
    )
    assert crossing == []


def test_no_module_cycle() -> None:
    """No chain of imports leads from a module back to itself."""
    graph = {name: imports_of(name, path) for name, path in MODULES.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target):], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_common_adapter_kit_imports_no_platform() -> None:
    """adapters.common serves every platform, so it names none of them or their libraries."""
    platform_libraries = ("slack_bolt", "slack_sdk", "discord")
    offending = sorted(
        (name, target) for name, path in MODULES.items() if name.startswith("adapters.common")
        for target in (*imports_of(name, path), *third_party_imports(path))
        if target.startswith(("adapters.slack", "adapters.discord", *platform_libraries))
    )
    assert offending == []


def third_party_imports(path: Path) -> set[str]:
    """The top-level names a module imports, ours or not."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found
