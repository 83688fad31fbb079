"""Every dependency has a lower bound, and CI tests exactly those bounds.

.ci/run runs the suite a second time in a virtual environment installed with
`-c .ci/constraints-minimum.txt`, which pins each dependency of pyproject.toml (runtime and
every extra) at its `>=` bound. These tests keep the two files in step, so a bound raised or
added in pyproject.toml is tested at once, and a bound that no longer installs or passes fails
CI rather than a user.
"""

from __future__ import annotations

import re
import tomllib

import pytest

from conftest import ROOT

PYPROJECT = ROOT / "pyproject.toml"
CONSTRAINTS = ROOT / ".ci" / "constraints-minimum.txt"

try:  # pytest depends on packaging, so it is there whenever the tests run
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
    from packaging.version import Version
except ImportError:  # pragma: no cover - a careful subset of PEP 508 and PEP 440 instead
    Requirement = None

    def canonicalize_name(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    class Version:
        """Enough of PEP 440 for plain release numbers: 2.14 == 2.14.0 < 2.14.1."""

        def __init__(self, text: str) -> None:
            if not re.fullmatch(r"\d+(\.\d+)*", text.strip()):
                raise ValueError(f"not a plain release number: {text!r}")
            parts = [int(p) for p in text.strip().split(".")]
            while len(parts) > 1 and parts[-1] == 0:
                parts.pop()
            self.key = tuple(parts)

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Version) and self.key == other.key

        def __hash__(self) -> int:
            return hash(self.key)

        def __repr__(self) -> str:
            return ".".join(map(str, self.key))


_SPEC = re.compile(r"\s*(===|==|!=|~=|<=|>=|<|>)\s*([^\s,;]+)\s*")
_REQ = re.compile(r"\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?"
                  r"\s*\(?([^;@()]*)\)?\s*(?:;.*)?")


def _regex_requirement(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The fallback: name and version specifiers of a PEP 508 string (no URLs)."""
    match = _REQ.fullmatch(text)
    if not match:
        raise ValueError(f"cannot parse requirement {text!r}")
    name, specs = match.groups()
    parsed = []
    for part in filter(None, (p.strip() for p in specs.split(","))):
        spec = _SPEC.fullmatch(part)
        if not spec:
            raise ValueError(f"cannot parse specifier {part!r} in {text!r}")
        parsed.append(spec.groups())
    return canonicalize_name(name), parsed


def parse_requirement(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(canonical name, [(operator, version), ...]) of a PEP 508 requirement string."""
    if Requirement is None:
        return _regex_requirement(text)
    req = Requirement(text)
    return canonicalize_name(req.name), [(s.operator, s.version) for s in req.specifier]


def declared() -> list[tuple[str, str]]:
    """(where, requirement string) for every dependency of pyproject.toml."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    found = [("dependencies", r) for r in project.get("dependencies", [])]
    for extra, reqs in project.get("optional-dependencies", {}).items():
        found += [(f"optional-dependencies.{extra}", r) for r in reqs]
    return found


def lower_bounds() -> dict[str, Version]:
    """Each dependency's `>=` bound, by canonical name."""
    bounds: dict[str, Version] = {}
    for where, text in declared():
        name, specs = parse_requirement(text)
        lows = [Version(v) for op, v in specs if op == ">="]
        assert len(lows) == 1, f"{where}: {text!r} needs exactly one '>=' lower bound"
        assert name not in bounds or bounds[name] == lows[0], \
            f"{name} is declared twice with different lower bounds"
        bounds[name] = lows[0]
    return bounds


def pins() -> dict[str, Version]:
    """The constraints file's `name==version` lines, by canonical name."""
    found: dict[str, Version] = {}
    for number, line in enumerate(CONSTRAINTS.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([0-9][0-9A-Za-z.+!-]*)", line)
        assert match, f"{CONSTRAINTS.name}:{number}: expected 'name==version', got {line!r}"
        name = canonicalize_name(match[1])
        assert name not in found, f"{CONSTRAINTS.name}:{number}: {name} pinned twice"
        found[name] = Version(match[2])
    return found


def test_there_are_dependencies_to_check():
    names = {parse_requirement(text)[0] for _, text in declared()}
    assert {"babel", "polib", "pytest"} <= names


@pytest.mark.parametrize("where,text", declared())
def test_every_dependency_has_one_lower_bound(where, text):
    _, specs = parse_requirement(text)
    assert [op for op, _ in specs].count(">=") == 1, \
        f"{where}: {text!r} needs a '>=' lower bound, the oldest version that passes the suite"


def test_constraints_pin_exactly_the_lower_bounds():
    bounds, pinned = lower_bounds(), pins()
    assert sorted(pinned) == sorted(bounds), (
        f"missing from {CONSTRAINTS.name}: {sorted(set(bounds) - set(pinned))}; "
        f"not a dependency: {sorted(set(pinned) - set(bounds))}")
    differ = {name: (str(pinned[name]), str(bounds[name]))
              for name in bounds if pinned[name] != bounds[name]}
    assert not differ, f"(pinned, declared) differ: {differ}"


def test_ci_runs_the_suite_on_the_pinned_minimum():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    installs = [line for line in ci.splitlines()
                if "pip install" in line and "constraints-minimum.txt" in line]
    assert installs and all("-c" in line.split() and "[test]" in line for line in installs)
    assert ".venv-min/bin/python -m pytest" in ci


def test_the_fallback_parser_agrees_with_packaging():
    """The regex parser used without packaging reads this project's requirements alike."""
    if Requirement is None:
        pytest.skip("packaging is not installed")
    for _, text in declared():
        name, specs = _regex_requirement(text)
        assert (name, sorted(specs)) == (parse_requirement(text)[0],
                                         sorted(parse_requirement(text)[1])), text
    assert _regex_requirement("Foo_Bar[x] >=1.2, <2 ; python_version < '3.12'") == \
        ("foo-bar", [(">=", "1.2"), ("<", "2")])
