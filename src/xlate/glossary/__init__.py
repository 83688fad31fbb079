"""The glossary: the single source of truth for names, titles, terms and their renderings.

- `load`: `load_glossary` reads the TOML files (schema findings G1xx with file and line);
  `parse_glossary_text` parses one file's text;
- `validate`: `validate` runs the form and rendering rules (G2xx, G3xx) over a parsed glossary;
- `lookup`: `find_entries` by id or any form, `describe` for `xlate glossary show`;
- `toml_text`: `entry_to_toml`, an entry's canonical TOML text;
- `merge`: `merge_glossary`, an import merged into the files, losing nothing they hold;
- `tbx`, `jsoncsv`: the interchange formats (TBX v3 and v2, xlate JSON, Weblate CSV);
- `tomlmap`: line numbers of keys in a TOML file.

Everything but `load` (which reads files) is pure.
"""
