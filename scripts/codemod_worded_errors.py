"""Rewrites ``raise SomeError(f"...")`` into ``raise SomeError.worded("...", name=...)``.

A one-off codemod (kept so that contexts landing later can be converted the same way):

    .venv/bin/python scripts/codemod_worded_errors.py src/bargaining [more paths]

For every call of a ``BargainingError`` subclass with one string or f-string argument, the
f-string becomes a message id with readable named placeholders (the variable's name; ``count``
for ``len(x)``) and its values by name. ``!r`` becomes a ``repr()`` value (the message keeps
its English text byte for byte); format specs stay in the message id (``{count:,}`` is written
with the reader's thousands separator by ``language.in_reader_words``). The rewritten call is
wrapped to the project's line length. Run ruff and the full suite after it.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import sys
from pathlib import Path

WIDTH = 99


def error_names() -> set[str]:
    """The names of every ``BargainingError`` subclass the package defines."""
    import bargaining
    from bargaining.domain.shared.errors import BargainingError

    for module in pkgutil.walk_packages(bargaining.__path__, "bargaining."):
        importlib.import_module(module.name)

    def below(cls: type) -> set[str]:
        found = set()
        for sub in cls.__subclasses__():
            found |= {sub.__name__} | below(sub)
        return found

    return below(BargainingError) | {BargainingError.__name__}


def _identifier(text: str) -> str:
    text = re.sub(r"\W+", "_", text).strip("_").lower()
    return text if text and not text[0].isdigit() else f"value_{text}"


def placeholder(expr: ast.expr) -> str:
    """A readable name for what an f-string puts in its message."""
    if isinstance(expr, ast.Name):
        return _identifier(expr.id)
    if isinstance(expr, ast.Attribute):
        if (expr.attr in ("name", "value") and isinstance(expr.value, ast.Name)
                and expr.value.id not in ("self", "cls")):
            return _identifier(expr.value.id)
        return _identifier(expr.attr)
    if isinstance(expr, ast.Call):
        func = expr.func
        if isinstance(func, ast.Name) and func.id == "len":
            return "count"
        if isinstance(func, ast.Name) and func.id in ("str", "repr", "sorted", "list", "int",
                                                      "abs", "tuple", "set") and expr.args:
            return placeholder(expr.args[0])
        if isinstance(func, ast.Attribute) and func.attr == "join" and expr.args:
            return placeholder(expr.args[0])
        if isinstance(func, ast.Attribute):
            if func.attr in ("isoformat", "strip", "lower", "upper") :
                return placeholder(func.value)
            return _identifier(func.attr)
        if isinstance(func, ast.Name):
            return _identifier(func.id)
    if isinstance(expr, ast.Subscript):
        return placeholder(expr.value)
    if isinstance(expr, ast.GeneratorExp | ast.ListComp):
        return placeholder(expr.generators[0].iter)
    return "value"


def literal(text: str) -> str:
    """A string literal in the project's style (double quotes when it can)."""
    written = repr(text)
    if written.startswith("'") and '"' not in text:
        written = '"' + written[1:-1].replace("\\'", "'") + '"'
    return written


def message_of(arg: ast.expr) -> tuple[str, list[tuple[str, str]]] | None:
    """The message id and the (name, expression) values of a string or f-string."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value.replace("{", "{{").replace("}", "}}"), []
    if not isinstance(arg, ast.JoinedStr):
        return None
    parts: list[str] = []
    values: list[tuple[str, str]] = []
    by_source: dict[str, str] = {}
    for piece in arg.values:
        if isinstance(piece, ast.Constant):
            parts.append(str(piece.value).replace("{", "{{").replace("}", "}}"))
            continue
        assert isinstance(piece, ast.FormattedValue)
        source = ast.unparse(piece.value)
        if piece.conversion == ord("r"):
            source = f"repr({source})"
        elif piece.conversion == ord("s"):
            source = f"str({source})"
        elif piece.conversion == ord("a"):
            source = f"ascii({source})"
        spec = ""
        if piece.format_spec is not None:
            if not all(isinstance(v, ast.Constant) for v in piece.format_spec.values):
                return None
            spec = ":" + "".join(str(v.value) for v in piece.format_spec.values)
        if source not in by_source:
            name = placeholder(piece.value)
            taken = {n for n, _ in values}
            base, number = name, 2
            while name in taken or name in ("message_id", "cls", "self"):
                name, number = f"{base}{number}", number + 1
            by_source[source] = name
            values.append((name, source))
        parts.append("{" + by_source[source] + spec + "}")
    return "".join(parts), values


def _chunks(message: str, room: int) -> list[str]:
    """The message cut at spaces into literals that fit ``room`` columns."""
    chunks: list[str] = []
    current = ""
    for word in re.split(r"(?<= )", message):
        if current and len(literal(current + word)) > room:
            chunks.append(current)
            current = word
        else:
            current += word
    chunks.append(current)
    return chunks


def rewritten(func: str, message: str, values: list[tuple[str, str]], column: int,
              indent: int) -> str:
    """The call ``func.worded(message, name=value, ...)`` wrapped at ``WIDTH``."""
    opening = f"{func}.worded("
    inner = column + len(opening)
    items_all = [literal(message)] + [f"{n}={s}" for n, s in values]
    one_line = opening + ", ".join(items_all) + ")"
    if column + len(one_line) <= WIDTH:
        return one_line
    if inner > 60:  # too deep: break after the parenthesis
        inner = indent + 4
        head = opening + "\n" + " " * inner
    else:
        head = opening
    room = WIDTH - inner - 1
    items = [literal(chunk) for chunk in _chunks(message, room)]
    lines: list[str] = []
    # the message's literals, one a line (implicit concatenation)
    lines.extend(items)
    current = ""
    rest = [f"{n}={s}" for n, s in values]
    if rest:
        lines[-1] += ","
        for k, item in enumerate(rest):
            piece = item + ("," if k < len(rest) - 1 else "")
            if current and inner + len(current) + 1 + len(piece) > WIDTH - 1:
                lines.append(current)
                current = piece
            else:
                current = f"{current} {piece}" if current else piece
        lines.append(current)
    body = ("\n" + " " * inner).join(lines)
    return head + body + ")"


def convert(path: Path, names: set[str]) -> int:
    """Rewrites one file; returns how many calls it converted."""
    source = path.read_bytes()
    tree = ast.parse(source)
    line_starts = [0]
    for line in source.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    edits: list[tuple[int, int, bytes]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) != 1 or node.keywords:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else (
            func.attr if isinstance(func, ast.Attribute) else None)
        if name not in names:
            continue
        found = message_of(node.args[0])
        if found is None:
            continue
        message, values = found
        start = line_starts[node.lineno - 1] + node.col_offset
        assert node.end_lineno is not None and node.end_col_offset is not None
        end = line_starts[node.end_lineno - 1] + node.end_col_offset
        line = source[line_starts[node.lineno - 1]:line_starts[node.lineno]].decode()
        column = len(source[line_starts[node.lineno - 1]:start].decode())
        indent = len(line) - len(line.lstrip())
        text = rewritten(ast.unparse(func), message, values, column, indent)
        edits.append((start, end, text.encode()))
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text + source[end:]
    if edits:
        ast.parse(source)
        path.write_bytes(source)
    return len(edits)


def main(paths: list[str]) -> None:
    names = error_names()
    total = 0
    for root in paths:
        files = [Path(root)] if root.endswith(".py") else sorted(Path(root).rglob("*.py"))
        for path in files:
            total += convert(path, names)
    print(f"converted {total} calls")


if __name__ == "__main__":
    main(sys.argv[1:])
