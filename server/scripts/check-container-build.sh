#!/usr/bin/env bash
# Docker cannot run on our machines, so this performs the Dockerfile's build steps outside
# Docker and checks the result the way the container would use it:
#   1. swift build -c release --static-swift-stdlib --product websocket-server (as in the build stage)
#   2. the binary needs no Swift runtime libraries (ldd shows only system libraries)
#   3. it starts with the image's environment (PORT, HOST, LOG_FORMAT=json) and answers GET /health
#   4. the HEALTHCHECK command (`websocket-server healthcheck`) exits 0, and 1 once the server is gone
#   5. SIGTERM makes it exit 0
# It does not check: the base images, apt packages, the non-root user, or an arm64 build.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18090}

echo "== build (as in the Dockerfile's build stage)"
swift build -c release --static-swift-stdlib --product websocket-server
BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/websocket-server"
ls -l "$BIN"

echo "== dynamic libraries"
ldd "$BIN" || true
if ldd "$BIN" | grep -q 'libswift'; then
  echo "FAIL: the binary links Swift runtime libraries dynamically" >&2
  exit 1
fi

echo "== start with the image's environment"
PORT=$PORT HOST=0.0.0.0 LOG_FORMAT=json LOG_LEVEL=info "$BIN" &
SERVER=$!
trap 'kill -9 $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  if "$BIN" healthcheck --port "$PORT" >/dev/null 2>&1; then break; fi
  sleep 0.1
done

echo "== GET /health"
BODY=$(exec 3<>/dev/tcp/127.0.0.1/$PORT; printf 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3; cat <&3)
echo "$BODY" | head -1
echo "$BODY" | head -1 | grep -q ' 200 ' || { echo "FAIL: /health did not answer 200" >&2; exit 1; }
echo "$BODY" | tail -1 | grep -qx 'Ok' || { echo "FAIL: /health body is not Ok" >&2; exit 1; }

echo "== HEALTHCHECK command"
PORT=$PORT "$BIN" healthcheck

echo "== SIGTERM"
kill -TERM "$SERVER"
set +e
wait "$SERVER"
STATUS=$?
set -e
trap - EXIT
[ "$STATUS" -eq 0 ] || { echo "FAIL: exit status $STATUS after SIGTERM" >&2; exit 1; }
if PORT=$PORT "$BIN" healthcheck >/dev/null 2>&1; then
  echo "FAIL: healthcheck passed with no server" >&2; exit 1
fi
echo "OK: container build steps pass (exit status after SIGTERM: $STATUS)"
