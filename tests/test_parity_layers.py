"""``skills_site`` imports in one direction, so both generators load the same code in
the same order: no module imports one that (directly or not) imports it back."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "skills_site"


def imports_of(path: Path) -> set[str]:
    """The ``skills_site`` modules a module imports, at its top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
            if node.module == "skills_site":
                names = [f"skills_site.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found |= {
            name.split(".")[1] for name in names if name.startswith("skills_site.")
        }
    return found


def graph() -> dict[str, set[str]]:
    return {
        path.stem: imports_of(path) - {path.stem}
        for path in PACKAGE.glob("*.py")
        if path.stem != "__init__"
    }


def test_skills_site_has_no_import_cycle():
    try:
        order = list(TopologicalSorter(graph()).static_order())
    except CycleError as error:
        raise AssertionError(f"import cycle in skills_site: {error.args[1]}") from None
    assert {"sources", "render", "additions", "export", "llms"} <= set(order)


def test_the_cycle_check_sees_a_cycle(tmp_path):
    for name, text in {
        "a": "from skills_site.b import x\n",
        "b": "def f():\n    from skills_site import a\n",
    }.items():
        (tmp_path / f"{name}.py").write_text(text)
    edges = {p.stem: imports_of(p) for p in tmp_path.glob("*.py")}
    assert edges == {"a": {"b"}, "b": {"a"}}
    try:
        list(TopologicalSorter(edges).static_order())
    except CycleError:
        return
    raise AssertionError("a cycle went unnoticed")


def test_the_generator_neutral_layers_import_no_generator():
    """The page additions and everything under them run in MkDocs and in Zensical."""
    for name in ("additions", "render", "sources", "code_account", "front_matter"):
        tree = ast.parse((PACKAGE / f"{name}.py").read_text("utf-8"))
        modules = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {
            node.module or ""
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
        }
        assert not {m for m in modules if m.split(".")[0] in {"mkdocs", "zensical"}}, (
            name
        )
