"""Gettext catalogues: what goes in them and how they are written; pure.

- `catalogue`: the template of the articles, merging it into a catalogue, glossary hints, stats;
- `read`: `read_po` / `iter_po`, the one parser of PO text (line-exact, GNU's syntax), whose
  fast path `scan` reads what real tools write in one tight loop; `entry`: what they yield;
- `write`: `format_catalog`, PO text exactly as GNU gettext writes it;
- `linebreak`: GNU gettext's line breaking;
- `plurals`: plural forms as msgfmt judges them, the formulas known per language, the one
  `xlate init` writes (`plural_table`: the pinned data).
"""
