"""`xlate lsp` end to end (issue 14, part 3): the real server, `python -m xlate lsp`, driven over
stdio by a small JSON-RPC client (tools/lsp_demo.py's), in a scratch copy of the project.

Every wait is for a message (publishDiagnostics, a response) with a generous timeout; nothing
sleeps. Each test ends with shutdown and exit, a status of 0, and nothing on stdout but
framed JSON-RPC."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("lsp_demo", ROOT / "tools" / "lsp_demo.py")
assert _spec is not None and _spec.loader is not None
lsp_demo = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lsp_demo)

KO = Path("locales") / "ko" / "LC_MESSAGES" / "articles.po"
NSA = "위성락 국가안보실장이 이재명"


@pytest.fixture
def start(project):
    """Start servers in the scratch project; each is shut down, and checked, at the end."""
    clients = []

    def _start(encodings=("utf-16",), **options):
        client = lsp_demo.StdioClient([sys.executable, "-m", "xlate", "lsp"], cwd=project,
                                      env=dict(os.environ))
        clients.append(client)
        client.result = client.initialize(list(encodings) if encodings else None,
                                          root=project, **options)
        return client

    yield _start
    for client in clients:
        assert client.close() == 0, b"".join(client.stderr).decode()
        assert client.garbage == [], "stdout carried something other than JSON-RPC"


def units(text: str, encoding: str) -> int:
    """The length of `text` in units of a position encoding, as an editor counts them."""
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text)


def by_code(diagnostics: list, code: str) -> list:
    return [d for d in diagnostics if d["code"] == code]


def change(client, uri: str, version: int, text: str) -> dict:
    return {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}}


def apply(text: str, edits: list) -> str:
    """Apply TextEdits given in UTF-16 positions (what the client negotiated)."""
    lines = text.split("\n")

    def offset(position: dict) -> int:
        before = sum(len(line) + 1 for line in lines[:position["line"]])
        line = lines[position["line"]] if position["line"] < len(lines) else ""
        units_seen = 0
        for index, char in enumerate(line):
            if units_seen >= position["character"]:
                return before + index
            units_seen += units(char, "utf-16")
        return before + len(line)

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                             e["range"]["start"]["character"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


LINE = "이재명 대통령 🇰🇷 said: President Lee Jae-myung met Mark Rute.\n"


@pytest.mark.parametrize("offered,chosen", [
    (("utf-16",), "utf-16"), (None, "utf-16"), (("utf-8", "utf-16"), "utf-8"),
    (("utf-32", "utf-16"), "utf-32")])
def test_text_diagnostics_in_the_negotiated_encoding(start, project, offered, chosen):
    client = start(offered)
    assert client.result["capabilities"]["positionEncoding"] == chosen
    uri = (project / "draft.txt").as_uri()  # never saved: the editor's text is what counts
    client.open(uri, LINE)
    diagnostics = client.diagnostics(uri)
    assert [d["code"] for d in diagnostics] == ["T101", "T104"]
    t101 = diagnostics[0]
    before = LINE[:LINE.index("Lee Jae-myung")]
    assert t101["range"] == {
        "start": {"line": 0, "character": units(before, chosen)},
        "end": {"line": 0, "character": units(before + "Lee Jae-myung", chosen)}}
    if chosen == "utf-16":  # Hangul 1 unit each, the flag's two astral characters 2 each
        assert t101["range"]["start"]["character"] == 3 + 1 + 3 + 1 + 4 + len(" said: President ")
    assert t101["severity"] == 2 and t101["source"] == "xlate"
    assert t101["message"] == \
        "'Lee Jae-myung' is a deprecated variant of 'Lee Jae Myung' (lee_jae_myung)"
    assert t101["codeDescription"]["href"].endswith("rules.md#t101-deprecated-variant")
    assert t101["data"]["term"] == "lee_jae_myung"
    related = t101["relatedInformation"][0]
    assert related["message"] == "glossary entry lee_jae_myung"
    assert related["location"]["uri"] == (project / "glossary" / "people.toml").as_uri()


def test_markdown_is_linted_and_a_document_outside_a_project_is_not(start, project,
                                                                   tmp_path_factory):
    client = start(options={"ruleDocsUrl": "https://example.org/xlate/docs/rules.md"})
    uri = (project / "notes" / "draft.md").as_uri()
    client.open(uri, "# Notes\n\nThe *defence* ministry.\n", "markdown")
    [diagnostic] = client.diagnostics(uri)
    assert diagnostic["code"] == "T301"
    assert diagnostic["range"]["start"] == {"line": 2, "character": 5}
    assert diagnostic["codeDescription"]["href"] == \
        "https://example.org/xlate/docs/rules.md#t301-house-spelling"
    outside = (tmp_path_factory.mktemp("elsewhere") / "x.txt").as_uri()
    client.open(outside, "Lee Jae-myung\n")
    assert client.diagnostics(outside) == []


def test_rapid_changes_are_analysed_once_for_the_last_text(start, project):
    client = start()
    uri = (project / "draft.txt").as_uri()
    client.open(uri, "Nothing to see.\n")
    assert client.diagnostics(uri) == []
    # three keystrokes in one burst: one analysis, after the last, of the last text
    client.send_all([change(client, uri, 2, "Lee Jae-myung\n"),
                     change(client, uri, 3, "Lee Jae-myung and Mark Rute\n"),
                     change(client, uri, 4, "🙂 Mark Rute\n")])
    params = client.wait("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
    assert params["version"] == 4
    assert [(d["code"], d["range"]["start"]["character"]) for d in params["diagnostics"]] == \
        [("T104", 3)]
    # an incremental change, its range in UTF-16: "🙂 " -> "" leaves Mark Rute at 0
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 5}, "contentChanges": [{
            "range": {"start": {"line": 0, "character": 0},
                      "end": {"line": 0, "character": 3}}, "text": ""}]})
    diagnostics = client.diagnostics(uri, version=5)
    assert [(d["code"], d["range"]["start"]["character"]) for d in diagnostics] == [("T104", 0)]


def test_the_lint_fix_is_a_quick_fix_and_applying_it_clears_the_finding(start, project):
    client = start()
    uri = (project / "draft.txt").as_uri()
    text = "🇰🇷 President Lee Jae-myung said so.\n"
    client.open(uri, text)
    [diagnostic] = client.diagnostics(uri)
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostic["range"],
        "context": {"diagnostics": [diagnostic]}})
    [fix] = [a for a in actions if a["kind"] == "quickfix"]
    assert fix["diagnostics"] == [diagnostic]
    [edit] = fix["edit"]["changes"][uri]
    assert edit == {"range": diagnostic["range"], "newText": "Lee Jae Myung"}
    fixed = apply(text, [edit])
    assert fixed == "🇰🇷 President Lee Jae Myung said so.\n"
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": fixed}]})
    assert client.diagnostics(uri, version=2) == []


def test_no_fix_is_offered_for_a_published_article(start, project):
    client = start()
    seed = project / "seeds" / "000_ce24f1a5671597a8.txt"
    uri = seed.as_uri()
    text = seed.read_text(encoding="utf-8") + "Lee Jae-myung and Lee Jae-Myung.\n"
    client.open(uri, text)
    diagnostics = client.diagnostics(uri)  # the baseline hides the known ones, as in the CLI
    assert diagnostics and all(d["range"]["start"]["line"] == text.count("\n") - 1
                               for d in diagnostics)
    assert client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostics[0]["range"],
        "context": {"diagnostics": diagnostics}}) is None


def test_a_korean_catalogue_is_checked_from_the_editor_text(start, project):
    client = start()
    path = project / KO
    text = path.read_text(encoding="utf-8")
    assert text.count(NSA) == 1
    mutated = text.replace(NSA, "위성락 국가안보보좌관이 이재명")  # only in the editor
    uri = path.as_uri()
    client.open(uri, mutated, "po")
    diagnostics = client.diagnostics(uri)
    [c102] = by_code(diagnostics, "C102")
    lines = mutated.split("\n")
    number = next(n for n, line in enumerate(lines) if line.startswith('"위성락 국가안보보좌관'))
    column = lines[number].index("국가안보보좌관")
    assert c102["range"] == {"start": {"line": number, "character": column},
                             "end": {"line": number, "character": column + 7}}
    assert column == 1 + len("위성락 ")  # after the quote and Hangul, in UTF-16 units
    assert c102["severity"] == 1
    assert c102["data"]["term"] == "nsa_kr" and "(nsa_kr)" in c102["message"]
    assert c102["codeDescription"]["href"].endswith("#c102-forbidden-rendering")
    # what `xlate check` says of the same text, finding for finding
    copy = project / "ko.po"
    copy.write_text(mutated, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "xlate", "check", "--format", "json",
                           str(copy)], cwd=project, capture_output=True, text=True)
    import json
    expected = sorted((f["code"], f["line"], f["message"])
                      for f in json.loads(done.stdout)["findings"])
    assert sorted((d["code"], d["data"]["line"], d["data"].get("message", d["message"]))
                  for d in diagnostics) == [(c, n, m) for c, n, m in expected]


def test_ignoring_a_finding_adds_a_translator_comment_after_the_others(start, project):
    client = start()
    path = project / KO
    text = path.read_text(encoding="utf-8")
    before = "대통령실은 같은 날 “위 실장과"
    assert text.count(before) == 1
    mutated = text.replace(before, "청와대는 같은 날 “위 실장과")
    uri = path.as_uri()
    client.open(uri, mutated, "po")
    diagnostics = client.diagnostics(uri)
    [finding] = by_code(diagnostics, "C103")  # 청와대 is the name only from 2025-12-29
    assert "청와대" in finding["message"]
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": finding["range"],
        "context": {"diagnostics": [finding]}})
    [ignore] = [a for a in actions if a["title"].startswith("Ignore C103")]
    [edit] = ignore["edit"]["changes"][uri]
    lines = mutated.split("\n")
    after = next(n for n, line in enumerate(lines) if line.startswith("# xlate: ignore C101 -- "
                                                                      "special_ally"))
    assert lines[after + 1].startswith("#. djournal-wi-letter, paragraph 15")
    assert edit == {"range": {"start": {"line": after + 1, "character": 0},
                              "end": {"line": after + 1, "character": 0}},
                    "newText": "# xlate: ignore C103 -- TODO: say why\n"}
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": apply(mutated,
                                                                               [edit])}]})
    left = client.diagnostics(uri, version=2)
    assert not by_code(left, "C103")
    assert not by_code(left, "C901")


def test_hover_shows_the_glossary_entry(start, project):
    client = start()
    uri = (project / "draft.txt").as_uri()
    client.open(uri, "🙂 We met Lee Jae Myung.\n")
    client.diagnostics(uri)
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 0, "character": 12}})
    value = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    assert value.startswith("**Lee Jae Myung** · glossary entry `lee_jae_myung`")
    assert "lee_jae_myung  (person)  glossary/people.toml:" in value and "이재명" in value
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 0, "character": 4}}) \
        is None  # "We"
    po = (project / KO).as_uri()
    text = (project / KO).read_text(encoding="utf-8")
    client.open(po, text, "po")
    lines = text.split("\n")
    source = next(n for n, line in enumerate(lines) if '"Adviser Wi Sung-lac attended' in line)
    hover = client.request("textDocument/hover", {"textDocument": {"uri": po}, "position": {
        "line": source, "character": lines[source].index("Wi Sung-lac") + 3}})
    assert "glossary entry `" in hover["contents"]["value"]
    target = next(n for n, line in enumerate(lines) if NSA in line)
    hover = client.request("textDocument/hover", {"textDocument": {"uri": po}, "position": {
        "line": target, "character": lines[target].index("이재명") + 1}})
    assert "이재명" in hover["contents"]["value"]


def test_a_changed_glossary_is_reloaded_and_documents_republished(start, project):
    client = start(watch=True)
    registered = client.wait("client/registerCapability")["registrations"]
    assert [r["method"] for r in registered] == ["workspace/didChangeWatchedFiles"]
    assert {w["globPattern"] for w in registered[0]["registerOptions"]["watchers"]} == \
        {"**/*.toml", "**/*.json"}
    uri = (project / "draft.txt").as_uri()
    client.open(uri, "We met Mark Rute.\n")
    assert [d["code"] for d in client.diagnostics(uri)] == ["T104"]
    people = project / "glossary" / "people.toml"
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace('canonical = "Mark Rutte"\n',
                                   'canonical = "Mark Rutte"\ndeprecated = ["Mark Rute"]\n', 1),
                      encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": people.as_uri(), "type": 2}]})
    assert [d["code"] for d in client.diagnostics(uri)] == ["T101"]  # no edit needed
    # no notice from the editor: the modification time tells at the next analysis
    people.write_text(text, encoding="utf-8")
    os.utime(people, ns=(people.stat().st_atime_ns, people.stat().st_mtime_ns + 10**9))
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert [d["code"] for d in client.diagnostics(uri)] == ["T104"]


def test_a_broken_glossary_is_said_not_a_crash(start, project):
    people = project / "glossary" / "people.toml"
    good = people.read_text(encoding="utf-8")
    people.write_text(good.replace('kind = "person"', 'kind = "person', 1), encoding="utf-8")
    line = good.split("\n").index('kind = "person"') + 1
    client = start()
    uri = (project / "draft.txt").as_uri()
    client.open(uri, "Lee Jae-myung\n")
    message = client.wait("window/showMessage")  # said once, before the diagnostics
    assert message["type"] == 1 and f"glossary/people.toml:{line}:" in message["message"]
    [diagnostic] = client.diagnostics(uri)
    assert diagnostic["severity"] == 1
    assert diagnostic["message"].startswith(
        f"xlate cannot check this document: glossary/people.toml:{line}:")
    people.write_text(good, encoding="utf-8")  # fixed: the server still serves
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": people.as_uri(), "type": 2}]})
    assert [d["code"] for d in client.diagnostics(uri)] == ["T101"]


def test_a_bad_configuration_and_a_bad_catalogue_are_said(start, project):
    client = start()
    uri = (project / KO).as_uri()
    client.open(uri, 'msgid "a"\nmsgstr "b\n', "po")  # unterminated string
    [diagnostic] = client.diagnostics(uri)
    assert diagnostic["range"]["start"]["line"] == 1 and "string" in diagnostic["message"]
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(
        "[tool.xlate]\n", "[tool.xlate]\nbogus = 1\n"), encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": pyproject.as_uri(), "type": 2}]})
    [diagnostic] = client.diagnostics(uri)
    line = pyproject.read_text(encoding="utf-8").split("\n").index("bogus = 1") + 1
    assert "unknown configuration key 'bogus'" in diagnostic["message"]
    assert f"pyproject.toml:{line}: " in diagnostic["message"]


def test_version_does_not_load_the_language_server():
    code = ("import sys\nfrom xlate.cli import main\ntry:\n    main(['--version'])\n"
            "finally:\n    print('pygls' in sys.modules, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.startswith("xlate ") and done.stderr.strip() == "False"


def test_the_readme_transcript_is_what_the_demo_prints():
    """Once the README has the `xlate lsp` section, its transcript is tools/lsp_demo.py's."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    heading = "### `xlate lsp`"
    if heading not in readme:
        pytest.skip("the README has no `xlate lsp` section yet")
    section = readme.split(heading, 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "lsp_demo.py")],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in section
