"""`xlate lsp`: a language server (pygls) that shows xlate's findings while the user types.

Text and Markdown get `xlate lint`'s findings, catalogues (.po) `xlate check`'s, computed from
the editor's text: at once when a document is opened or saved, and 0.3 s after the last change
while typing. Quick fixes make the replacements of `xlate lint --fix`, or add an
`xlate: ignore` comment to a catalogue entry; hovering a term shows its glossary entry. The
configuration and glossary are found from each document's folder upwards, as the command line
finds them, and loaded again when their files change (the editor's notice, or their
modification time at the next analysis); every open document is then analysed again. An
unusable configuration or glossary is said (a message, and one diagnostic on each document it
keeps from being checked), never a crash. Only JSON-RPC goes to standard output.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from xlate import __version__
from xlate.errors import XlateError
from xlate.lsp import analysis, features
from xlate.lsp.positions import UTF16, LineMap, Position
from xlate.lsp.project import Project, Projects

DEBOUNCE = 0.3  # seconds after the last change before a document is analysed again
logger = logging.getLogger("xlate.lsp")


class XlateServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("xlate", __version__)
        self.projects = Projects()
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.results: dict[str, tuple[int | None, list[analysis.Placed]]] = {}
        self.said: set[str] = set()  # errors already shown, so a keystroke does not repeat one
        self.docs = os.environ.get("XLATE_RULE_DOCS_URL", "")

    # -- analysis ---------------------------------------------------------------------------

    def encoding(self) -> str:
        chosen = str(getattr(self.workspace, "position_encoding", None) or UTF16)
        return chosen if chosen in ("utf-8", "utf-16", "utf-32") else UTF16

    def project_of(self, path: Path) -> Project:
        return self.projects.of(path)

    def publish(self, uri: str) -> None:
        """Analyse the open document `uri` and publish its diagnostics."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        document = self.workspace.text_documents.get(uri)
        path = _path(uri)
        if document is None or path is None:
            return
        kind = analysis.kind_of(path)
        if kind is None:
            return
        text = document.source
        lines = LineMap(text, self.encoding())
        reloaded = self.projects.reloads
        project = self.project_of(path)
        if self.projects.reloads != reloaded:
            self.said.clear()  # a problem that comes back after a reload is said again
        diagnostics: list[types.Diagnostic] = []
        placed: list[analysis.Placed] = []
        problem = project.english_error if kind == "lint" else project.error
        if problem is not None:
            self.say(problem)
            diagnostics = [features.error_diagnostic(problem, lines, own=False)]
        elif project.config is not None and project.config.file is not None:
            try:
                placed = (analysis.lint_text if kind == "lint" else analysis.check_text)(
                    project, path, text)
            except XlateError as error:  # the editor's text cannot be read (PO syntax)
                diagnostics = [features.error_diagnostic(error, lines, own=True)]
            docs = self.docs or _default_docs()
            for one in placed:
                diagnostics.append(features.diagnostic(one, lines, docs,
                                                       self._entry_place(project, one)))
        self.results[uri] = (document.version, placed)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=diagnostics, version=document.version))
        if self.projects.reloads != reloaded:
            self.republish(but=uri)  # a changed glossary or configuration: every document

    def _entry_place(self, project: Project, placed: analysis.Placed):
        term = placed.finding.term
        if not term or project.matcher is None:
            return None
        entry = project.matcher.by_id.get(term)
        return project.entry_location(entry) if entry is not None else None

    def say(self, error: XlateError) -> None:
        """Show an error once (until it changes), and log it."""
        text = f"xlate: {error}"
        logger.warning("%s", text)
        if text in self.said:
            return
        self.said.add(text)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                         message=text))

    def schedule(self, uri: str) -> None:
        """Analyse `uri` once the user has stopped typing for DEBOUNCE seconds."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE, self.safely, uri)

    def safely(self, uri: str) -> None:
        """`publish`, with a bug logged and said instead of ending the server."""
        try:
            self.publish(uri)
        except Exception as exc:  # a bug: the server keeps serving the other documents
            logger.exception("xlate: internal error on %s", uri)
            self.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Error,
                message=f"xlate: internal error: {type(exc).__name__}: {exc} (please report "
                        "it; the server's standard error has the traceback)"))

    def republish(self, but: str | None = None) -> None:
        for uri in list(self.workspace.text_documents):
            if uri != but:
                self.safely(uri)

    # -- requests ---------------------------------------------------------------------------

    def code_actions(self, params: types.CodeActionParams
                     ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        document = self.workspace.text_documents.get(uri)
        path = _path(uri)
        if document is None or path is None:
            return None
        kind = analysis.kind_of(path)
        project = self.project_of(path)
        if kind is None or project.config is None or project.config.file is None:
            return None
        text = document.source
        lines = LineMap(text, self.encoding())
        context = params.context.diagnostics
        if kind == "lint":
            if project.english_error is not None:
                return None
            return features.fix_actions(uri, lines, analysis.fixes(project, path, text),
                                        params.range, context) or None
        if project.error is not None:
            return None
        version, placed = self.results.get(uri, (None, []))
        if version != document.version:  # not analysed since the last change: do it now
            self.publish(uri)
            version, placed = self.results.get(uri, (None, []))
        try:
            catalogue = analysis.read_catalogue(project, path, text)
        except XlateError:
            return None
        entry_lines = {(e.msgid, catalogue.msgstr_line(e)): e.line for e in catalogue.po.entries
                       if e.msgid and not e.obsolete}
        return features.ignore_actions(uri, lines, placed, entry_lines, params.range,
                                       context) or None

    def hover_for(self, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        document = self.workspace.text_documents.get(uri)
        path = _path(uri)
        if document is None or path is None or analysis.kind_of(path) is None:
            return None
        project = self.project_of(path)
        if project.matcher is None or project.parsed is None:
            return None
        text = document.source
        lines = LineMap(text, self.encoding())
        offset = lines.offset(Position(params.position.line, params.position.character))
        entry = analysis.term_at(project, path, text, offset)
        if entry is None:
            return None
        return features.hover(entry, str(project.parsed.locate(entry)))


def _path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


@functools.cache
def _default_docs() -> str:
    """The rule documentation page: docs/rules.md of a source checkout when xlate runs from
    one, else a copy for this version written once into the user's cache directory."""
    from xlate.lsp.ruledocs import page
    from xlate.rules import REGISTRY

    checkout = Path(__file__).resolve().parents[3] / "docs" / "rules.md"
    try:
        if checkout.read_text(encoding="utf-8") == page(REGISTRY):  # this version's
            return checkout.as_uri()
    except (OSError, UnicodeDecodeError):
        pass  # installed from a wheel: no checkout around it
    from xlate.fsutil import atomic_write
    from xlate.jobs.glossary import cache_dir

    copy = cache_dir() / f"rules-{__version__}.md"
    if not copy.is_file():
        try:
            atomic_write(copy, page(REGISTRY).encode("utf-8"))
        except (XlateError, OSError):
            logger.warning("xlate: cannot write the rule documentation to %s", copy)
    return copy.as_uri()


def build() -> XlateServer:
    """The server with every feature registered."""
    server = XlateServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: XlateServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("ruleDocsUrl"), str):
            ls.docs = options["ruleDocsUrl"]

    @server.feature(types.INITIALIZED)
    async def initialized(ls: XlateServer, params: types.InitializedParams) -> None:
        watching = ls.client_capabilities.workspace
        dynamic = watching.did_change_watched_files if watching else None
        if dynamic is None or not dynamic.dynamic_registration:
            return  # the modification times still tell
        watchers = [types.FileSystemWatcher(glob_pattern=pattern)
                    for pattern in ("**/*.toml", "**/*.json")]
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                types.Registration(
                    id="xlate-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(
                        watchers=watchers))]))
        except Exception:  # a client that refuses: the modification times still tell
            logger.warning("xlate: the client did not register the file watchers")

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: XlateServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.safely(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: XlateServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.safely(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: XlateServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: XlateServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.results.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri,
                                                                            diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: XlateServer, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [p for p in (_path(change.uri) for change in params.changes) if p is not None]
        dropped = [ls.projects.forget(path) for path in paths]  # every one, not the first
        if any(dropped):
            ls.said.clear()
            ls.republish()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix,
                           types.CodeActionKind.SourceFixAll + ".xlate"]))
    def code_action(ls: XlateServer, params: types.CodeActionParams
                    ) -> list[types.CodeAction] | None:
        return ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: XlateServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover_for(params)

    return server


def serve(stdin=None, stdout=None) -> None:
    """Serve over standard input and output until the client says exit."""
    build().start_io(stdin, stdout)
