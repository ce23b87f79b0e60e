"""Marks the noun phrases handed to error messages (``clean_name(name, "law")``) as terms.

A one-off codemod beside ``codemod_worded_errors.py``: it finds the functions whose
parameter (``what``, ``act``, ``kind``, ``shown_as``) fills a placeholder of a worded error,
directly or through another such function, and wraps the string literals passed to it in
``term("...")`` (adding the import), so that pybabel extracts them (``-k term``) and the
message translates them where it is read.

    .venv/bin/python scripts/codemod_error_terms.py sites.json

``sites.json`` lists (file, line, column, function, parameter, words), as the analysis in
this script's ``find_sites`` writes it.
"""

from __future__ import annotations

import ast
import collections
import json
import sys
from pathlib import Path

PARAMETERS = {"what", "act", "kind", "shown_as"}
IMPORT = "from bargaining.domain.shared.errors import term\n"


def find_sites(root: Path) -> list[tuple[str, int, int, str, str, str]]:
    """Every string literal handed to a parameter that fills a worded error's placeholder."""
    files = {p: ast.parse(p.read_text()) for p in root.rglob("*.py")}
    defs: dict[str, list[tuple[list[str], ast.FunctionDef]]] = collections.defaultdict(list)
    for tree in files.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                params = [a.arg for a in node.args.posonlyargs + node.args.args]
                defs[node.name].append((params + [a.arg for a in node.args.kwonlyargs], node))
    nouns: dict[str, set[str]] = {}
    for name, found in defs.items():
        for params, node in found:
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) \
                        and call.func.attr == "worded":
                    for keyword in call.keywords:
                        if isinstance(keyword.value, ast.Name) and keyword.value.id in params:
                            nouns.setdefault(name, set()).add(keyword.value.id)
    changed = True
    while changed:
        changed = False
        for name, found in defs.items():
            for params, node in found:
                for call in ast.walk(node):
                    callee = _callee(call)
                    if callee not in nouns:
                        continue
                    target = defs[callee][0][0]
                    for index, arg in enumerate(getattr(call, "args", [])):
                        if (isinstance(arg, ast.Name) and arg.id in params
                                and index < len(target) and target[index] in nouns[callee]
                                and arg.id not in nouns.setdefault(name, set())):
                            nouns[name].add(arg.id)
                            changed = True
    sites = []
    for path, tree in files.items():
        for call in ast.walk(tree):
            callee = _callee(call)
            if callee not in nouns or callee == "worded":
                continue
            assert isinstance(call, ast.Call)
            target = defs[callee][0][0]
            shift = 1 if target[:1] in (["self"], ["cls"]) and isinstance(
                call.func, ast.Attribute) else 0
            given = [(target[i + shift] if i + shift < len(target) else None, a)
                     for i, a in enumerate(call.args)]
            given += [(k.arg, k.value) for k in call.keywords]
            for param, arg in given:
                if (param in nouns[callee] and param in PARAMETERS
                        and isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                    sites.append((str(path), arg.lineno, arg.col_offset, callee, param,
                                  arg.value))
    return sites


def _callee(call: ast.AST) -> str | None:
    if not isinstance(call, ast.Call):
        return None
    if isinstance(call.func, ast.Name):
        return call.func.id
    return call.func.attr if isinstance(call.func, ast.Attribute) else None


def mark(sites: list[tuple[str, int, int, str, str, str]]) -> None:
    by_file = collections.defaultdict(list)
    for path, line, column, *_ in sites:
        by_file[path].append((line, column))
    for path, places in by_file.items():
        source = Path(path).read_bytes()
        tree = ast.parse(source)
        starts = [0]
        for text in source.splitlines(keepends=True):
            starts.append(starts[-1] + len(text))
        literals = {(n.lineno, n.col_offset): n for n in ast.walk(tree)
                    if isinstance(n, ast.Constant)}
        for line, column in sorted(places, reverse=True):
            node = literals[(line, column)]
            assert node.end_lineno is not None and node.end_col_offset is not None
            start = starts[line - 1] + column
            end = starts[node.end_lineno - 1] + node.end_col_offset
            source = source[:start] + b"term(" + source[start:end] + b")" + source[end:]
        text = source.decode()
        if "def term(" not in text and "import term" not in text:
            lines = text.splitlines(keepends=True)
            first = next(i for i, l in enumerate(lines)
                         if l.startswith(("from ", "import ")) and "__future__" not in l)
            lines.insert(first, IMPORT)  # ruff's isort puts it in its place
            text = "".join(lines)
        ast.parse(text)
        Path(path).write_text(text)


if __name__ == "__main__":
    found = find_sites(Path(sys.argv[1]))
    json.dump(found, sys.stdout, ensure_ascii=False)
    mark(found)
