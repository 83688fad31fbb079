"""What each command does, files in and files out: the I/O around the pure engines.

- `lint.run_lint`: read sources, lint, fix, apply a baseline (`xlate lint`);
- `check.run_check`, `check.stale_findings`, `check.build_report`: read catalogues and check them
  (`xlate check`, `xlate report`);
- `ci.run_ci`: every stage of the project in one run (`xlate ci`);
- `catalogues`: `extract`, `init`, `update`, `compile`, `render`, `stats`;
- `glossary_import.import_file`: a TBX, CSV or JSON glossary merged into the TOML files;
- `sources`: reading English sources (text, Markdown, catalogue msgids, standard input).
"""
