"""The language server (`xlate lsp`): xlate's findings, fixes and glossary in an editor.

`positions` and `po_text` are pure; `project` loads a document's project as the command line
does; `analysis` runs the engines on an editor's text; `features` builds the protocol's values;
`server` is the pygls server. Only `server` and `features` import pygls and lsprotocol, and
this package is imported only by the `xlate lsp` command, so other commands never load them.
"""
