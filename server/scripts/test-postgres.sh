#!/usr/bin/env bash
# A throw-away PostgreSQL server for the backplane tests and the two-process load test: its data
# directory lives in DIR, it listens on 127.0.0.1 only, on a free port. As root (PostgreSQL
# refuses to run as root) it runs as the `postgres` system user (else `nobody`).
#   scripts/test-postgres.sh start DIR     initdb if needed, start; prints the port
#   scripts/test-postgres.sh kill DIR      stop at once (-m immediate), as a crash would
#   scripts/test-postgres.sh restart DIR   start again on the same port
#   scripts/test-postgres.sh stop DIR      stop and delete DIR
#   scripts/test-postgres.sh sql DIR SQL   run SQL with psql, print the rows unaligned
set -euo pipefail
command=${1:?usage: test-postgres.sh start|kill|restart|stop DIR}
dir=${2:?usage: test-postgres.sh start|kill|restart|stop DIR}

bindir=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
  [ -x "$candidate/initdb" ] && bindir=$candidate
done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then
  bindir=$(dirname "$(command -v initdb)")
fi
if [ -z "$bindir" ]; then
  echo "test-postgres.sh: PostgreSQL's initdb/pg_ctl not found (apt-get install postgresql; .ci/run does)" >&2
  exit 3
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    local user=postgres
    id -u postgres >/dev/null 2>&1 || user=nobody
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

start_on() {
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 \
    -o "-p $1 -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start >/dev/null
}

case $command in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then
      user=postgres
      id -u postgres >/dev/null 2>&1 || user=nobody
      chown "$user" "$dir"
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    # A free port: try a few random ones (pg_ctl fails when the port is taken).
    for _ in 1 2 3 4 5 6 7 8; do
      port=$((20000 + RANDOM % 40000))
      if start_on "$port" 2>/dev/null; then
        echo "$port" >"$dir/port"
        echo "$port"
        exit 0
      fi
    done
    echo "test-postgres.sh: could not start PostgreSQL; its log:" >&2
    cat "$dir/log" >&2 2>/dev/null || true
    exit 1
    ;;
  kill)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
  restart)
    start_on "$(cat "$dir/port")"
    ;;
  sql)
    "$bindir/psql" -X -q -h 127.0.0.1 -p "$(cat "$dir/port")" -U postgres -d postgres -tA -v ON_ERROR_STOP=1 -c "${3:?SQL}"
    ;;
  stop)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: test-postgres.sh start|kill|restart|stop|sql DIR [SQL]" >&2
    exit 2
    ;;
esac
