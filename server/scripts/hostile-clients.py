#!/usr/bin/env python3
"""Issue 17's hostile-client reproductions against a built websocket-server; prints what it measures.

    scripts/hostile-clients.py [--binary PATH] [body] [halfopen] [malformed] [unmasked]

Each case starts the server on a free port (PORT=0, learned from its `listening` line), Linux only
(/proc is read for descriptor counts and CPU time). The regression tests are HostileClientTests and
BinaryHostileClientTests; this script gives the numbers behind them.
  body      50 upgrade requests with a 200-byte body under MAX_CONNECTIONS=50: their answers, the
            server's descriptors before and after, whether a real client then upgrades, SIGTERM.
  halfopen  2,000 half-open connections (half send nothing, half a partial head), with the default
            descriptor limit and with 1,024: descriptors, /health, server CPU, when they are closed.
  malformed Nine malformed handshakes: the status each gets (None: closed without an answer).
  unmasked  An unmasked text frame: what the server sends, and when it closes the connection.
"""
import argparse
import os
import re
import resource
import select
import signal
import socket
import subprocess
import tempfile
import time

UPGRADE = ("GET /wss HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n")


class Server:
    """The binary as a child process, optionally under a lower descriptor limit."""

    def __init__(self, binary, env, nofile=None):
        self.log = tempfile.NamedTemporaryFile("w+", prefix="websocket-server-", suffix=".log")
        environment = {"PORT": "0", "HOST": "127.0.0.1", "LOG_FORMAT": "text", "PATH": "/usr/bin:/bin", **env}

        def lower_limit():
            if nofile:
                resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

        self.process = subprocess.Popen([binary], env=environment, stdout=self.log, stderr=subprocess.STDOUT,
                                        preexec_fn=lower_limit)
        for _ in range(400):
            match = re.search(r"port=(\d+).*listening", open(self.log.name).read())
            if match:
                self.port = int(match.group(1))
                return
            time.sleep(0.05)
        self.process.kill()
        raise SystemExit("the server did not start: " + open(self.log.name).read())

    def descriptors(self):
        return len(os.listdir(f"/proc/{self.process.pid}/fd"))

    def cpu_seconds(self):
        fields = open(f"/proc/{self.process.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def sigterm(self):
        """(exit status, seconds to exit) after SIGTERM."""
        start = time.time()
        self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            status = "hung (killed after 20 s)"
        return status, round(time.time() - start, 2)


def status_of(port, raw, timeout=3.0):
    """The HTTP status the server answers `raw` with, or None if it answers nothing."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    connection.sendall(raw)
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = connection.recv(4096)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    connection.close()
    match = re.match(rb"HTTP/1.1 (\d+)", data)
    return int(match.group(1)) if match else None


def health(port):
    try:
        return status_of(port, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", timeout=5)
    except OSError as error:
        return f"error {error.__class__.__name__}"


def body(binary):
    server = Server(binary, {"MAX_CONNECTIONS": "50", "DRAIN_TIMEOUT_SECONDS": "3"})
    before = server.descriptors()
    request = (UPGRADE + "Content-Length: 200\r\n\r\n").encode() + b"x" * 200
    answers = sorted({str(status_of(server.port, request, timeout=1)) for _ in range(50)})
    time.sleep(0.5)
    print(f"[body] 50 upgrades with a 200-byte body: answered {answers}; server descriptors {before} -> "
          f"{server.descriptors()}; a real upgrade then gets {status_of(server.port, (UPGRADE + chr(13) + chr(10)).encode())}; "
          f"/health {health(server.port)}; SIGTERM: exit status and seconds {server.sigterm()}")


def halfopen(binary):
    for nofile in (None, 1024):
        server = Server(binary, {"DRAIN_TIMEOUT_SECONDS": "3"}, nofile=nofile)
        connections = []
        for index in range(2000):
            try:
                connection = socket.create_connection(("127.0.0.1", server.port), timeout=2)
            except OSError:
                break
            connection.setblocking(False)
            if index % 2:
                connection.send(b"GET /health HTTP/1.1\r\nHost: x\r\n")  # a head that never completes
            connections.append(connection)
        time.sleep(0.3)
        start = time.time()
        answer = health(server.port)
        waited = round(time.time() - start, 2)
        cpu = server.cpu_seconds()
        time.sleep(2)
        cpu_percent = 100 * (server.cpu_seconds() - cpu) / 2
        print(f"[halfopen, descriptor limit {nofile or 'unchanged'}] {len(connections)} connections open; server "
              f"descriptors {server.descriptors()}; /health {answer} after {waited} s; server CPU {cpu_percent:.0f}%")
        poller = select.poll()
        by_descriptor = {connection.fileno(): connection for connection in connections}
        for descriptor in by_descriptor:
            poller.register(descriptor, select.POLLIN)
        closed_after = []
        start = time.time()
        while by_descriptor and time.time() - start < 30:
            for descriptor, _ in poller.poll(500):  # an answer or the close: either way the server acted
                poller.unregister(descriptor)
                by_descriptor.pop(descriptor).close()
                closed_after.append(time.time() - start)
        span = f" (first after {min(closed_after):.1f} s, last after {max(closed_after):.1f} s)" if closed_after else ""
        print(f"    closed by the server within 30 s: {len(closed_after)} of {len(connections)}{span}; "
              f"server descriptors {server.descriptors()}; /health {health(server.port)}")
        for connection in by_descriptor.values():
            connection.close()
        print(f"    SIGTERM: exit status and seconds {server.sigterm()}")


def malformed(binary):
    server = Server(binary, {})
    key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    version = "Sec-WebSocket-Version: 13\r\n"
    upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
    cases = {
        "no key": f"GET /wss HTTP/1.1\r\nHost: x\r\n{upgrade}{version}\r\n",
        "no version": f"GET /wss HTTP/1.1\r\nHost: x\r\n{upgrade}{key}\r\n",
        "version 8": f"GET /wss HTTP/1.1\r\nHost: x\r\n{upgrade}{key}Sec-WebSocket-Version: 8\r\n\r\n",
        "key not 16 bytes": f"GET /wss HTTP/1.1\r\nHost: x\r\n{upgrade}Sec-WebSocket-Key: short\r\n{version}\r\n",
        "two keys": f"GET /wss HTTP/1.1\r\nHost: x\r\n{upgrade}{key}{key}{version}\r\n",
        "no Connection: Upgrade": f"GET /wss HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n{key}{version}\r\n",
        "POST": f"POST /wss HTTP/1.1\r\nHost: x\r\n{upgrade}{key}{version}\r\n",
        "HTTP/1.0": f"GET /wss HTTP/1.0\r\nHost: x\r\n{upgrade}{key}{version}\r\n",
        "not HTTP": "\x16\x03\x01 hello\r\n\r\n",
    }
    answers = [f"{name}: {status_of(server.port, raw.encode('latin1'), timeout=2)}" for name, raw in cases.items()]
    print("[malformed] " + "; ".join(answers))
    server.process.kill()


def unmasked(binary):
    server = Server(binary, {})
    for echo in (True, False):
        connection = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        connection.sendall((UPGRADE + "\r\n").encode())
        greeting = b""
        while b'ok"}' not in greeting:
            greeting += connection.recv(4096)
        start = time.time()
        connection.sendall(bytes([0x81, 5]) + b"hello")  # a final text frame without the mask bit
        first = connection.recv(4096)
        if echo:  # a well-behaved client answers a close frame with its own (masked, code 1002)
            connection.sendall(bytes([0x88, 0x82, 1, 2, 3, 4, 0x03 ^ 1, 0xEA ^ 2]))
        rest = b""
        try:
            while chunk := connection.recv(4096):
                rest += chunk
            end = f"closed by the server after {time.time() - start:.2f} s"
        except socket.timeout:
            end = "still open after 10 s"
        except ConnectionResetError:
            end = f"reset after {time.time() - start:.2f} s"
        connection.close()
        print(f"[unmasked] client {'answers' if echo else 'ignores'} a close: the server sent {first!r} then "
              f"{rest!r}; {end}")
    server.process.kill()


if __name__ == "__main__":
    cases = {"body": body, "halfopen": halfopen, "malformed": malformed, "unmasked": unmasked}
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "..", ".build", "debug", "websocket-server"))
    parser.add_argument("cases", nargs="*", help="any of " + ", ".join(cases) + " (default: all)")
    arguments = parser.parse_args()
    unknown = [case for case in arguments.cases if case not in cases]
    if unknown:
        parser.error(f"unknown case {unknown[0]!r}: choose from {', '.join(cases)}")
    for case in arguments.cases or cases:
        cases[case](arguments.binary)
