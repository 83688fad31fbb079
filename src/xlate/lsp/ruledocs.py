"""The rule documentation as one Markdown page (docs/rules.md), and links into it (pure).

Each rule is one section, its text exactly what `xlate rule CODE` prints with every heading
one level down; the section's anchor is the slug GitHub and most Markdown renderers give its
heading (`## T103 unlisted-romanisation` -> `t103-unlisted-romanisation`).
"""

from __future__ import annotations

from collections.abc import Iterable

from xlate.rules.registry import Rule

HEADER = (
    "# xlate rules\n\n"
    "Every rule xlate reports, by code: the same text as `xlate rule CODE`. Generated from the\n"
    "registry (`src/xlate/rules/`) by `python tools/make_rule_docs.py`; do not edit by hand\n"
    "(tests/test_lsp.py fails when this page and the registry differ).\n"
)


def anchor(rule: Rule) -> str:
    return f"{rule.code.lower()}-{rule.name}"


def section(rule: Rule) -> str:
    """`xlate rule CODE`'s text, each heading one level down."""
    out = []
    fence = False
    for line in rule.doc().split("\n"):
        if line.startswith("```"):
            fence = not fence
        elif not fence and line.startswith("#"):
            line = "#" + line
        out.append(line)
    return "\n".join(out)


def page(rules: Iterable[Rule]) -> str:
    """docs/rules.md: an index, then one section per rule, in code order."""
    rules = list(rules)
    index = "".join(f"- [{r.code} {r.name}](#{anchor(r)})\n" for r in rules)
    return HEADER + "\n" + index + "".join(f"\n{section(r)}" for r in rules)


def link(base: str, rule: Rule) -> str:
    """The address of `rule`'s section in the page at `base`."""
    return f"{base.split('#', 1)[0]}#{anchor(rule)}"
