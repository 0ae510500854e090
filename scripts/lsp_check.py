#!/usr/bin/env python3
"""Drives `nag lsp` with a real LSP client (pygls's LanguageClient) as an editor would (issue 22).

Checks, against the nag binary given:
  - the raw stream: malformed headers, a message that is not JSON, an oversized message, then a working
    initialize / shutdown / exit, with exit status 0 (no crash, no hang);
  - YAML: open a template, diagnostics with the exact range, code, severity and documentation link; an
    incremental edit after a non-BMP character (UTF-16 positions) that fixes a finding; hover; the code
    action "Suppress AwsSolutions-S10 here", applied and sent back, turns the finding into a hint;
  - JSON: the same code action in CDK's one-space JSON;
  - shutdown and exit.
With --bench N, measures instead how long diagnostics for an N-resource template take to arrive after a
change reaches the server (debounce 0), over --runs edits, and prints the times.

usage: scripts/lsp_check.py NAG [--bench 1000 [--runs 20]]
"""
import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_frames(data):
    messages = []
    while data:
        header, _, rest = data.partition(b"\r\n\r\n")
        length = int(header.split(b":")[1])
        messages.append(json.loads(rest[:length]))
        data = rest[length:]
    return messages


def check_raw_stream(nag):
    """Garbage, then a session: every bad input is answered or logged, the good session works."""
    stream = (
        b"Content-Length: nope\r\n\r\n"
        + b"Content-Length: 9\r\n\r\n{not json"
        + b"Content-Length: 999999999999\r\n\r\n"
    )
    # The oversized message's bytes are skipped, so send it (short of the limit nag would skip) no further:
    # start a second process for the session proper.
    result = subprocess.run([nag, "lsp"], input=stream, capture_output=True, timeout=30)
    replies = read_frames(result.stdout)
    assert any(r.get("error", {}).get("code") == -32700 for r in replies), replies
    assert any(r.get("method") == "window/logMessage" and "not a number" in r["params"]["message"] for r in replies), replies
    assert result.returncode == 1, result.returncode  # input ended without shutdown
    session = b"".join(frame(m) for m in [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/nothing", "params": {}},
        {"jsonrpc": "2.0", "id": 3, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ])
    result = subprocess.run([nag, "lsp"], input=session, capture_output=True, timeout=30)
    replies = {r.get("id"): r for r in read_frames(result.stdout)}
    assert replies[1]["result"]["serverInfo"]["name"] == "nag", replies
    assert replies[2]["error"]["code"] == -32601, replies
    assert replies[3]["result"] is None, replies
    assert result.returncode == 0, (result.returncode, result.stderr)
    print("raw stream: malformed header logged, invalid JSON answered -32700, session after it clean (exit 0)")


class Editor:
    """A pygls client with the diagnostics it received, by URI."""

    def __init__(self, nag, settings):
        self.nag, self.settings = nag, settings
        self.client = LanguageClient("nag-lsp-check", "1")
        self.diagnostics = {}
        self.arrived = asyncio.Condition()

        self.traces = []

        @self.client.feature(types.LOG_TRACE)
        async def traced(params):
            self.traces.append(params.message)

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def published(params):
            async with self.arrived:
                self.diagnostics[params.uri] = (params.version, params.diagnostics, time.perf_counter())
                self.arrived.notify_all()

    async def start(self, root):
        await self.client.start_io(self.nag, "lsp", "--stdio")
        result = await self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=root.as_uri(), trace=types.TraceValue.Messages,
            initialization_options={"nag": self.settings}))
        assert result.server_info.name == "nag"
        assert result.capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
        self.client.initialized(types.InitializedParams())

    async def wait(self, uri, version, timeout=20):
        async with self.arrived:
            await asyncio.wait_for(self.arrived.wait_for(lambda: self.diagnostics.get(uri, (None,))[0] == version), timeout)
        return self.diagnostics[uri][1]

    def open(self, uri, text, language):
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))

    def change(self, uri, version, changes):
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=changes))

    async def stop(self):
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await asyncio.wait_for(self.client._server.wait(), 10)
        assert self.client._server.returncode == 0, self.client._server.returncode
        await self.client.stop()


def utf16_offset(text, position):
    """The string index of an LSP position (UTF-16 code units)."""
    lines = text.split("\n")
    index = sum(len(line) + 1 for line in lines[:position.line])
    units = 0
    for i, ch in enumerate(lines[position.line]):
        if units >= position.character:
            return index + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return index + len(lines[position.line])


def apply_edits(text, edits):
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:utf16_offset(text, edit.range.start)] + edit.new_text + text[utf16_offset(text, edit.range.end):]
    return text


def by_code(diagnostics, code):
    found = [d for d in diagnostics if d.code == code]
    assert found, f"no {code} in {[d.code for d in diagnostics]}"
    return found[0]


async def suppress(editor, uri, text, code, version):
    """Takes "Suppress CODE here", sends the edited text, and returns the diagnostics after it."""
    target = by_code(editor.diagnostics[uri][1], code)
    actions = await editor.client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=target.range,
        context=types.CodeActionContext(diagnostics=[target])))
    action = next(a for a in actions if a.title == f"Suppress {code} here")
    assert action.kind == types.CodeActionKind.QuickFix
    edited = apply_edits(text, action.edit.changes[uri])
    editor.change(uri, version, [types.TextDocumentContentChangeWholeDocument(text=edited)])
    return edited, await editor.wait(uri, version)


async def check_editing(nag, folder):
    editor = Editor(nag, {"debounce": 50})
    await editor.start(folder)
    # YAML, with a non-BMP character before the edit on its line.
    path = folder / "bucket.yaml"
    text = 'Description: "😀 logs"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n'
    path.write_text(text)
    uri = path.as_uri()
    editor.open(uri, text, "yaml")
    diagnostics = await editor.wait(uri, 1)
    s1 = by_code(diagnostics, "AwsSolutions-S1")
    assert (s1.range.start.line, s1.range.start.character, s1.range.end.character) == (2, 2, 6), s1.range
    assert s1.severity == types.DiagnosticSeverity.Error
    assert s1.code_description.href.endswith("docs/rules.md#awssolutions"), s1.code_description
    assert "Logs (AWS::S3::Bucket)" in s1.message
    # Incremental: "😀 logs" -> "😀 access logs" (character 4 is after the emoji's two UTF-16 units and a space).
    editor.change(uri, 2, [types.TextDocumentContentChangePartial(
        range=types.Range(start=types.Position(line=0, character=4), end=types.Position(line=0, character=4)), text="access ")])
    # ... and give the bucket a logging configuration, which fixes S1.
    fix = "    Properties:\n      LoggingConfiguration: {DestinationBucketName: central-logs}\n"
    editor.change(uri, 3, [types.TextDocumentContentChangePartial(
        range=types.Range(start=types.Position(line=4, character=0), end=types.Position(line=4, character=0)), text=fix)])
    text = 'Description: "😀 access logs"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n' + fix
    diagnostics = await editor.wait(uri, 3)
    assert not [d for d in diagnostics if d.code == "AwsSolutions-S1"], [d.code for d in diagnostics]
    s10 = by_code(diagnostics, "AwsSolutions-S10")
    hover = await editor.client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=s10.range.start))
    assert "**AwsSolutions-S10** (error)" in hover.contents.value and "**Fix:**" in hover.contents.value, hover
    edited, diagnostics = await suppress(editor, uri, text, "AwsSolutions-S10", 4)
    assert "      cdk_nag:\n        rules_to_suppress:\n          - id: AwsSolutions-S10\n" in edited, edited
    assert by_code(diagnostics, "AwsSolutions-S10").severity == types.DiagnosticSeverity.Hint
    print("yaml: diagnostics at the exact range, incremental edits (UTF-16), hover, suppress code action: ok")
    # JSON as CDK writes it (one-space indentation).
    path = folder / "Stack.template.json"
    text = json.dumps({"Resources": {"Logs": {"Type": "AWS::S3::Bucket", "Metadata": {"aws:cdk:path": "Stack/Logs/Resource"}}}}, indent=1)
    path.write_text(text)
    uri = path.as_uri()
    editor.open(uri, text, "json")
    diagnostics = await editor.wait(uri, 1)
    assert "at Stack/Logs/Resource" in by_code(diagnostics, "AwsSolutions-S1").message
    edited, diagnostics = await suppress(editor, uri, text, "AwsSolutions-S1", 2)
    assert '\n   "Metadata": {\n    "cdk_nag": {\n     "rules_to_suppress": [\n      {\n       "id": "AwsSolutions-S1",' in edited, edited
    json.loads(edited)
    assert by_code(diagnostics, "AwsSolutions-S1").severity == types.DiagnosticSeverity.Hint
    print("json: suppress code action in the template's own indentation: ok")
    await editor.stop()
    print("shutdown and exit: status 0")


async def bench(nag, folder, resources, runs):
    path = folder / f"synthetic-{resources}.json"
    generator = Path(__file__).resolve().parent / "generate-template.py"
    subprocess.run([sys.executable, str(generator), str(resources), "-o", str(path)], check=True)
    text = path.read_text()
    editor = Editor(nag, {"debounce": 0})
    await editor.start(folder)
    uri = path.as_uri()
    editor.open(uri, text, "json")
    await editor.wait(uri, 1, timeout=60)
    times = []
    for version in range(2, runs + 2):
        # Each edit changes a description-like value: the template keeps its shape, so the work is the same.
        line = text.split("\n").index(next(l for l in text.split("\n") if '"Type"' in l))
        sent = time.perf_counter()
        editor.change(uri, version, [types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line, character=0)), text=" ")])
        await editor.wait(uri, version, timeout=60)
        times.append((editor.diagnostics[uri][2] - sent) * 1000)
    count = len(editor.diagnostics[uri][1])
    # The server's own time for each analysis ("nag: analysed 1 document(s) in 12.3 ms"), the first is the open.
    server = sorted(float(t.split(" in ")[1].split(" ms")[0]) for t in editor.traces[1:] if " in " in t)
    cpu = sorted(float(t.split("(CPU ")[1].split(" ms")[0]) for t in editor.traces[1:] if "(CPU " in t)
    await editor.stop()
    times.sort()
    print(f"{resources} resources ({len(text) // 1024} KiB JSON), {count} diagnostics, {runs} edits, debounce 0:")
    print(f"  change sent to diagnostics received by the client: median {statistics.median(times):.1f} ms, "
          f"p90 {times[int(len(times) * 0.9) - 1]:.1f} ms, min {times[0]:.1f} ms, max {times[-1]:.1f} ms")
    if server:
        print(f"  the server's analysis (load, evaluate, diagnostics): median {statistics.median(server):.1f} ms, "
              f"min {server[0]:.1f} ms, max {server[-1]:.1f} ms; CPU median {statistics.median(cpu):.0f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("nag")
    parser.add_argument("--bench", type=int)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    nag = os.path.abspath(args.nag)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.bench:
            asyncio.run(bench(nag, folder, args.bench, args.runs))
            return
        check_raw_stream(nag)
        asyncio.run(asyncio.wait_for(check_editing(nag, folder), 120))
    print("lsp-check: passed")


if __name__ == "__main__":
    main()
