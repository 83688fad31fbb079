"""The README's quick start stays true: two set-up commands, the test one run verbatim by CI."""

from __future__ import annotations

import re

from conftest import ROOT
from xlate.rules import REGISTRY


def quick_start_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_exactly_two_setup_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    main, tests = commands
    assert "pip install" in main and "xlate" in main
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command_verbatim():
    test_command = quick_start_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_readme_names_every_rule_family():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    families = {rule.code[:2] for rule in REGISTRY}
    for family in families:
        assert f"{family}xx" in text


def test_pre_commit_hooks_name_real_commands():
    from typer.testing import CliRunner

    from xlate.cli import app

    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entries = re.findall(r"^\s*entry:\s*(.+)$", text, flags=re.M)
    assert len(entries) == 3
    for entry in entries:
        args = entry.split()[1:] + ["--help"]
        assert CliRunner().invoke(app, args).exit_code == 0, entry


def install_targets(text):
    """What each `pip install` in `text` installs: its arguments that are not options or paths."""
    import shlex

    for command in re.findall(r"pip install ([^\n`]+)", text):
        for word in shlex.split(command.split("&&")[0].split("#")[0]):
            if not word.startswith(("-", ".")):
                yield word


def test_install_recipes_name_our_distribution_never_the_stranger_on_pypi():
    """PyPI's `xlate` is someone else's package: every recipe installs ours by its own name."""
    import tomllib

    name = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    assert name != "xlate"
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")),
            ROOT / ".pre-commit-hooks.yaml"]
    targets = [t for doc in docs for t in install_targets(doc.read_text(encoding="utf-8"))]
    assert targets, "the README shows how to install xlate in CI"
    for target in targets:
        assert re.split(r"[\s@\[<>=]", target)[0] == name, target


def test_selection_example_selects_what_it_says():
    """The README's --select/--ignore example, taken from the README and applied to the registry."""
    from xlate.rules.select import Selection

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    select, ignore = re.search(r"`--select (\S+) --ignore (\S+)` runs", text).groups()
    chosen = Selection(tuple(select.split(",")), tuple(ignore.split(",")))
    enabled = {rule.code for rule in REGISTRY if chosen.enabled(rule.code)}
    expected = {rule.code for rule in REGISTRY if rule.code[:2] in ("T2", "T3")} | {"T105"}
    assert enabled == expected


def test_layout_names_every_subpackage_in_the_order_of_the_layers():
    """The README's picture of the package is the tree, layered as import-linter checks it."""
    import tomllib

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    named = re.findall(r"^src/xlate/(\w+)/", text, flags=re.M)
    packages = sorted(p.name for p in (ROOT / "src" / "xlate").iterdir()
                      if (p / "__init__.py").is_file())
    assert sorted(named) == packages
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    order = [m.split(".")[1] for layer in layers for m in layer.split(" | ")]
    assert [name for name in order if name in named] == named


def test_every_guarantee_names_tests_that_exist():
    """Each promise of "What xlate guarantees" cites the tests that prove it; a cited file that
    does not exist (renamed, deleted) would leave a claim without its proof."""
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## What xlate guarantees", 1)[1].split("\n## ", 1)[0]
    promises = section.split("\n- ")[1:]
    assert len(promises) >= 8
    for promise in promises:
        cited = re.findall(r"`(tests/[\w/.-]+)`", promise)
        assert cited, f"a guarantee without its test: {promise[:60]}"
        for path in cited:
            assert (ROOT / path).is_file(), f"{path} is cited but does not exist"
