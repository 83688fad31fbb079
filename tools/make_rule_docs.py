"""Write docs/rules.md, every rule's documentation, from the registry.

    python tools/make_rule_docs.py          # rewrite docs/rules.md
    python tools/make_rule_docs.py --check  # exit 1 when docs/rules.md is out of date

tests/test_lsp.py fails while the page and the registry differ; `xlate lsp` links each
diagnostic to its rule's section.
"""

from __future__ import annotations

import sys
from pathlib import Path

from xlate.lsp.ruledocs import page
from xlate.rules import REGISTRY

PAGE = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    text = page(REGISTRY)
    current = PAGE.read_text(encoding="utf-8") if PAGE.is_file() else ""
    if "--check" in argv:
        if current != text:
            print(f"{PAGE}: out of date: run python tools/make_rule_docs.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        PAGE.write_bytes(text.encode("utf-8"))
        print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
