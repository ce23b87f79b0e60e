"""The layout's standard (docs/contributing/layout.md), held by tests: rooms of one job, no
module of the library over about 400 lines, no import circle among its modules, and the
domain importing nothing of the layers around it."""

from __future__ import annotations

import ast
from pathlib import Path

import bargaining

SOURCE = Path(bargaining.__file__).parent
#: "About 400 lines": a module past this has more than one job and is split by its jobs.
MOST_LINES = 400
#: The layers around the domain, which the domain never imports.
OUTER = ("application", "infrastructure", "adapters", "presentation", "readmodels", "app",
         "testing", "charts")


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(SOURCE.rglob("*.py")):
        parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imported_on_load(path: Path, modules: dict[str, Path]) -> set[str]:
    """The library's modules a module imports when it is loaded: its top-level imports, not
    those of a function's body nor those made only for type checking."""
    found: set[str] = set()
    body = list(ast.parse(path.read_text(encoding="utf-8")).body)
    while body:
        node = body.pop(0)
        if isinstance(node, ast.If) and not _is_type_checking(node):
            body.extend(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            body.extend(node.body + node.orelse + node.finalbody)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name in modules}


def test_no_module_of_the_library_is_over_about_400_lines() -> None:
    # ``bargaining/__init__.py`` is the public API's list of names, one job however long.
    over = {name: n for name, path in _modules().items() if name != "bargaining"
            and (n := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES}
    assert over == {}, "split each by its jobs (docs/contributing/layout.md)"


def test_no_import_circle_among_the_library_s_modules() -> None:
    modules = _modules()
    graph = {name: _imported_on_load(path, modules) for name, path in modules.items()}
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: being followed, 2: done

    def follow(name: str, trail: list[str]) -> None:
        state[name] = 1
        for other in sorted(graph[name]):
            if other.startswith(name + "."):  # a package importing its own module
                continue
            if state.get(other) == 1:
                circles.append([*trail[trail.index(other):], other])
            elif other not in state:
                follow(other, [*trail, other])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            follow(name, [name])
    assert circles == []


def test_the_domain_imports_nothing_of_the_layers_around_it() -> None:
    modules = _modules()
    outward = {
        name: sorted(other for other in _imported_on_load(path, modules)
                     if other.split(".")[1] in OUTER)
        for name, path in modules.items() if name.startswith("bargaining.domain")
    }
    assert {name: found for name, found in outward.items() if found} == {}
