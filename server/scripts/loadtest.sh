#!/usr/bin/env bash
# Builds the server and the load test in release mode, starts the server on loopback, runs
# the load test against it, then stops the server with SIGTERM and reports how it exited.
#   scripts/loadtest.sh [connections] [messages] [rate]
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-1000}
MESSAGES=${2:-100}
RATE=${3:-20}
PORT=${PORT:-18080}

# Each side holds one descriptor per connection; 10,000 connections need more than the usual 1024.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "fd limit: $(ulimit -n)"

swift build -c release --static-swift-stdlib --product websocket-server >/dev/null
swift build -c release --static-swift-stdlib --product loadtest >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)

PORT=$PORT HOST=127.0.0.1 MAX_CONNECTIONS=$((CONNECTIONS + 100)) LOG_LEVEL=warning "$BIN/websocket-server" &
SERVER=$!
trap 'kill -9 $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  "$BIN/websocket-server" healthcheck --port "$PORT" >/dev/null 2>&1 && break
  sleep 0.1
done

"$BIN/loadtest" --port "$PORT" --connections "$CONNECTIONS" --messages "$MESSAGES" --rate "$RATE" --server-pid "$SERVER"

START=$(date +%s.%N)
kill -TERM "$SERVER"
set +e
wait "$SERVER"
STATUS=$?
set -e
trap - EXIT
echo "server exit status after SIGTERM: $STATUS ($(echo "$(date +%s.%N) - $START" | bc) s)"
