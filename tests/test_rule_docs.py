"""docs/rules.md, every rule's documentation on one page (the link of each `xlate lsp`
diagnostic), is generated from the registry and stays in step with it."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT
from xlate.lsp.ruledocs import link, page
from xlate.rules import REGISTRY

PAGE = ROOT / "docs" / "rules.md"


def test_the_page_is_the_registry_s():
    assert PAGE.read_text(encoding="utf-8") == page(REGISTRY), \
        "docs/rules.md is out of date: run python tools/make_rule_docs.py"


def test_each_rule_has_its_section_with_xlate_rule_s_text():
    text = PAGE.read_text(encoding="utf-8")
    for rule in REGISTRY:
        assert f"\n## {rule.code} {rule.name}\n" in text
        assert f"](#{rule.code.lower()}-{rule.name})" in text  # the index links the section
        body = rule.doc().split("\n", 1)[1]  # below the title, headings one level down
        assert body.replace("\n## ", "\n### ") in text
    rule = REGISTRY.get("T103")
    assert rule is not None
    assert link("https://example.org/docs/rules.md#old", rule) == \
        "https://example.org/docs/rules.md#t103-unlisted-romanisation"


def test_the_generator_checks_and_writes():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "make_rule_docs.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
