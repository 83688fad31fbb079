"""Drive `xlate lsp` over standard input and output, as an editor does, and print what it says.

    python tools/lsp_demo.py            # the transcript of the README's `xlate lsp` section

It opens an unsaved draft in this repository (the server reads the editor's text, so the file
need not exist), prints the diagnostics the server publishes for it in UTF-16 positions (what
VS Code uses), the quick fix it offers for the first one, and the hover over a name. The small
JSON-RPC client here (`StdioClient`) is the one tests/test_lsp.py uses.
"""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class StdioClient:
    """A language client over a subprocess's stdio: Content-Length framed JSON-RPC, a thread
    reading the server's messages. Requests from the server (registering file watchers) are
    answered with null and kept, like notifications, to be waited for in order."""

    def __init__(self, argv: list[str], *, cwd: Path | None = None, env: dict | None = None):
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.ids = itertools.count(1)
        self.responses: dict[int, queue.Queue] = {}
        self.messages: queue.Queue = queue.Queue()  # notifications and server requests
        self.garbage: list[bytes] = []  # anything on stdout that is not a framed message
        self.stderr: list[bytes] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr.append(line)

    def _read(self) -> None:
        out = self.process.stdout
        assert out is not None
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, colon, value = line.decode("ascii", "replace").partition(":")
                if not colon:
                    self.garbage.append(line)
                    continue
                headers[name.strip().lower()] = value.strip()
            if "content-length" not in headers:
                continue
            message = json.loads(out.read(int(headers["content-length"])))
            if "method" not in message:
                self.responses.setdefault(message["id"], queue.Queue()).put(message)
                continue
            if "id" in message:  # a request of the server's: accepted
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            self.messages.put(message)

    def send(self, message: dict) -> None:
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        assert self.process.stdin is not None
        with self.lock:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def send_all(self, messages: list[dict]) -> None:
        """Several messages in one write, as an editor sends a burst of keystrokes."""
        data = b""
        for message in messages:
            body = json.dumps(message, ensure_ascii=False).encode("utf-8")
            data += b"Content-Length: %d\r\n\r\n" % len(body) + body
        assert self.process.stdin is not None
        with self.lock:
            self.process.stdin.write(data)
            self.process.stdin.flush()

    def request(self, method: str, params: dict | None = None, timeout: float = 20) -> object:
        number = next(self.ids)
        waiting = self.responses.setdefault(number, queue.Queue())
        self.send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        reply = waiting.get(timeout=timeout)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply["result"]

    def notify(self, method: str, params: dict | None = None) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, method: str, test=lambda params: True, timeout: float = 20) -> dict:
        """The params of the next message `method` that passes `test` (others are skipped)."""
        while True:
            message = self.messages.get(timeout=timeout)
            if message is None:
                raise EOFError(f"the server ended while waiting for {method}: "
                               + b"".join(self.stderr).decode("utf-8", "replace"))
            if message["method"] == method and test(message.get("params")):
                return message["params"]

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 20) -> list:
        """The next diagnostics published for `uri` (for its `version`, when given)."""
        params = self.wait("textDocument/publishDiagnostics",
                           lambda p: p["uri"] == uri and (version is None
                                                          or p.get("version") == version),
                           timeout)
        return params["diagnostics"]

    def initialize(self, encodings: list[str] | None = None, root: Path | None = None,
                   watch: bool = False, options: dict | None = None) -> dict:
        general = {"positionEncodings": encodings} if encodings else {}
        capabilities = {"general": general, "workspace": {
            "didChangeWatchedFiles": {"dynamicRegistration": watch}},
            "textDocument": {"publishDiagnostics": {"versionSupport": True}}}
        result = self.request("initialize", {
            "processId": None, "rootUri": root.as_uri() if root else None,
            "capabilities": capabilities, "initializationOptions": options})
        self.notify("initialized", {})
        assert isinstance(result, dict)
        return result

    def open(self, uri: str, text: str, language: str = "plaintext", version: int = 1) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": version, "text": text}})

    def close(self, timeout: float = 20) -> int:
        """shutdown, exit, and the server's exit status."""
        self.request("shutdown")
        self.notify("exit")
        try:
            return self.process.wait(timeout=timeout)
        finally:
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()


SAMPLE = ("이재명 대통령 🇰🇷 — President Lee Jae-myung met NATO Secretary General Mark Rute.\n"
          "The defence ministry welcomed Yi Jae-myeong.\n")


def _short(diagnostic: dict) -> str:
    start, end = diagnostic["range"]["start"], diagnostic["range"]["end"]
    href = diagnostic.get("codeDescription", {}).get("href", "")
    return (f"{start['line']}:{start['character']}-{end['line']}:{end['character']} "
            f"{diagnostic['severity']} {diagnostic['code']} {diagnostic['message']}\n"
            f"    data.term={diagnostic['data']['term']}  href=...{href[href.rfind('/'):]}")


def main() -> int:
    client = StdioClient([sys.executable, "-m", "xlate", "lsp"], cwd=ROOT)
    client.initialize(["utf-16"], root=ROOT)
    uri = (ROOT / "draft.txt").as_uri()  # unsaved: the server reads the editor's text
    client.open(uri, SAMPLE)
    print("$ python tools/lsp_demo.py  # didOpen draft.txt (unsaved) in this repository, UTF-16")
    for line in SAMPLE.splitlines():
        print(f"  | {line}")
    diagnostics = client.diagnostics(uri)
    print(f"textDocument/publishDiagnostics: {len(diagnostics)} diagnostics "
          "(line:character, 0-based; severity 1 error, 2 warning)")
    for diagnostic in diagnostics:
        print(_short(diagnostic))
    first = diagnostics[0]
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": first["range"],
        "context": {"diagnostics": [first]}}) or []
    print("textDocument/codeAction on the first:")
    for action in actions:
        edit = action["edit"]["changes"][uri][0]
        where = edit["range"]["start"]
        print(f"  [{action['kind']}] {action['title']}: "
              f"{where['line']}:{where['character']} -> {edit['newText']!r}")
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 0, "character": 30}})
    print("textDocument/hover at 0:30 ('Lee Jae-myung'), Markdown, its first 12 lines:")
    shown = hover["contents"]["value"].split("\n") if isinstance(hover, dict) else [str(hover)]
    print("\n".join(f"  {line}".rstrip() for line in shown[:12]))
    print(f"  ... ({len(shown) - 12} more lines)")
    status = client.close()
    print(f"shutdown, exit: status {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
