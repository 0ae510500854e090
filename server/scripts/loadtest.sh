#!/usr/bin/env bash
# Builds the server and the load test in release mode, starts the server on loopback, runs
# the load test against it, then stops the server with SIGTERM and reports how it exited.
#   scripts/loadtest.sh [connections] [messages] [rate] [processes]
# processes=2: two servers on one PostgreSQL backplane (BACKPLANE_URL if set, else a throw-away
# server from scripts/test-postgres.sh); every other client connects to the second one, the sender
# to the first, and the report splits same-task and cross-task deliveries.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-1000}
MESSAGES=${2:-100}
RATE=${3:-20}
PROCESSES=${4:-1}
PORT=${PORT:-18080}
PORT2=$((PORT + 1))

# Each side holds one descriptor per connection; 10,000 connections need more than the usual 1024.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "fd limit: $(ulimit -n)"

# SCRATCH_PATH: the build folder (default .build). BIN: use the binaries already built there instead
# (a debug build, say; its numbers are not comparable with a release build's).
if [ -z "${BIN:-}" ]; then
  scratch=(--scratch-path "${SCRATCH_PATH:-.build}")
  swift build "${scratch[@]}" -c release --static-swift-stdlib --product websocket-server >/dev/null
  swift build "${scratch[@]}" -c release --static-swift-stdlib --product loadtest >/dev/null
  BIN=$(swift build "${scratch[@]}" -c release --static-swift-stdlib --show-bin-path)
fi

SERVER=""
SERVER2=""
PGDIR=""
cleanup() {
  [ -n "$SERVER" ] && kill -9 "$SERVER" 2>/dev/null || true
  [ -n "$SERVER2" ] && kill -9 "$SERVER2" 2>/dev/null || true
  [ -n "$PGDIR" ] && scripts/test-postgres.sh stop "$PGDIR" || true
}
trap cleanup EXIT

# wait_ready PORT BODY: until GET /health answers 200 with exactly BODY.
wait_ready() {
  for _ in $(seq 1 200); do
    [ "$(curl -s "http://127.0.0.1:$1/health" 2>/dev/null || true)" = "$2" ] && return 0
    sleep 0.1
  done
  echo "server on port $1 never answered /health with '$2'" >&2
  return 1
}

if [ "$PROCESSES" = 2 ]; then
  if [ -z "${BACKPLANE_URL:-}" ]; then
    PGDIR=$(mktemp -d /tmp/loadtest-pg-XXXXXX)
    pgport=$(scripts/test-postgres.sh start "$PGDIR")
    export BACKPLANE_URL="postgres://postgres@127.0.0.1:$pgport/postgres?sslmode=disable"
  fi
  echo "backplane: ${BACKPLANE_URL%%@*}@${BACKPLANE_URL#*@}" | sed 's/:[^:@/]*@/:***@/'
fi

PORT=$PORT HOST=127.0.0.1 MAX_CONNECTIONS=$((CONNECTIONS + 100)) CLIENT_QUEUE_SIZE=${CLIENT_QUEUE_SIZE:-256} LOG_LEVEL=warning "$BIN/websocket-server" &
SERVER=$!
extra=()
if [ "$PROCESSES" = 2 ]; then
  PORT=$PORT2 HOST=127.0.0.1 MAX_CONNECTIONS=$((CONNECTIONS + 100)) LOG_LEVEL=warning "$BIN/websocket-server" &
  SERVER2=$!
  wait_ready "$PORT" Ok
  wait_ready "$PORT2" Ok
  extra=(--second-port "$PORT2" --second-server-pid "$SERVER2")
else
  wait_ready "$PORT" Ok
fi

"$BIN/loadtest" --port "$PORT" --connections "$CONNECTIONS" --messages "$MESSAGES" --rate "$RATE" --server-pid "$SERVER" "${extra[@]}"

for pid in $SERVER $SERVER2; do
  START=$(date +%s.%N)
  kill -TERM "$pid"
  set +e
  wait "$pid"
  STATUS=$?
  set -e
  echo "server $pid exit status after SIGTERM: $STATUS ($(echo "$(date +%s.%N) - $START" | bc) s)"
done
SERVER=""
SERVER2=""
