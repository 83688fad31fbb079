"""Security properties of the code itself (issue 12, point 5), read from its syntax tree so
that a new module cannot break them unnoticed: no eval, no pickle of anything read from disk,
no shell, XML read only through defusedxml, and a damaged glossary cache is a cache miss.
(HTML escaping: tests/test_report_html.py, in a real browser; hostile TBX: tests/test_tbx.py.)"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

SOURCES = sorted((ROOT / "src" / "xlate").rglob("*.py"))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def _imports(tree: ast.Module) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _calls(tree: ast.Module) -> list[tuple[str, ast.Call]]:
    """Each call with the dotted name it calls (`os.system`, `eval`, `etree.fromstring`)."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            parts = []
            target = node.func
            while isinstance(target, ast.Attribute):
                parts.append(target.attr)
                target = target.value
            if isinstance(target, ast.Name):
                parts.append(target.id)
            out.append((".".join(reversed(parts)), node))
    return out


def test_the_scan_sees_every_module():
    assert len(SOURCES) > 50
    assert ROOT / "src" / "xlate" / "glossary" / "tbx.py" in SOURCES


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT / "src")))
def test_no_eval_no_shell_no_pickle(path):
    tree = _tree(path)
    banned_calls = {"eval", "exec", "compile", "__import__", "os.system", "os.popen",
                    "os.execv", "os.execvp", "os.spawnl", "input"}
    for name, call in _calls(tree):
        assert name not in banned_calls, f"{path}:{call.lineno}: {name}()"
        for keyword in call.keywords:  # subprocess(..., shell=True) anywhere
            assert not (keyword.arg == "shell" and isinstance(keyword.value, ast.Constant)
                        and keyword.value.value is True), f"{path}:{call.lineno}: shell=True"
    imports = _imports(tree)
    for module in ("pickle", "cPickle", "shelve", "dill", "subprocess", "yaml"):
        assert module not in imports, f"{path}: imports {module}"
    # marshal only for the glossary cache, whose loads is guarded (below).
    if "marshal" in imports:
        assert path.name == "snapshot.py", f"{path}: imports marshal"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT / "src")))
def test_xml_is_read_only_through_defusedxml(path):
    """lxml and xml.etree may build XML (exports); reading it is defusedxml's job, which
    refuses DTDs, external entities and entity expansion."""
    tree = _tree(path)
    for name, call in _calls(tree):
        last = name.rsplit(".", 1)[-1]
        if last in ("fromstring", "parse", "XML", "iterparse", "XMLParser", "parseString") \
                and name.split(".")[0] in ("etree", "ET", "ElementTree", "lxml", "minidom",
                                            "sax", "expat", "xml"):
            pytest.fail(f"{path}:{call.lineno}: {name}() reads XML without defusedxml")
    imports = _imports(tree)
    assert not imports & {"xml.dom.minidom", "xml.sax", "xml.parsers.expat", "xml.dom.pulldom"}


def test_a_damaged_glossary_cache_is_a_miss_not_a_crash():
    import marshal

    from xlate.glossary import snapshot

    for garbage in (b"", b"\x00" * 10, b"not marshal", marshal.dumps((1, 2)),
                    marshal.dumps(("another format", [], [])),
                    marshal.dumps((snapshot.FORMAT, [("damaged",)], []))):
        with pytest.raises(ValueError):
            snapshot.load(garbage)
