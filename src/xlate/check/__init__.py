"""Checking translations against the glossary and catalogues against gettext; pure.

- `engine`: `check`, each catalogue's entries against the glossary (C1xx-C4xx, suppressions);
- `gettext`: `gettext_findings`, what msgfmt --check refuses and broken format strings (C5xx).
"""
