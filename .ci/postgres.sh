#!/usr/bin/env bash
# A throwaway PostgreSQL for the store tests: initdb and a server listening on 127.0.0.1 only,
# on a free port, in a temporary folder, stopped and deleted afterwards.
#
#   source .ci/postgres.sh && pg_test_start   # exports TEST_DATABASE_URL and PG_TEST_DIR
#   make test                                 # the store tests now also run on PostgreSQL
#   pg_test_stop
#
# Or without sourcing: eval "$(.ci/postgres.sh start)"; ...; .ci/postgres.sh stop
# Uses the PostgreSQL found on PATH or under /usr/lib/postgresql; as root, installs Debian's
# `postgresql` package when there is none, and runs the server as the postgres user.

_pg_log() { echo "postgres.sh: $*" >&2; }

_pg_bindir() {
    local found
    if found=$(command -v pg_ctl) && command -v initdb >/dev/null; then
        dirname "$(readlink -f "$found")"
        return 0
    fi
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$found" ] && [ -x "$found/pg_ctl" ] && [ -x "$found/initdb" ] && echo "$found"
}

_pg_install() {
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        _pg_log "no PostgreSQL found; install it (Debian: apt-get install postgresql)"
        return 1
    fi
    _pg_log "installing PostgreSQL from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

# Run a PostgreSQL program as the postgres user when we are root (it refuses to run as root).
_pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

_pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_test_start() {
    local bindir dir port attempt
    bindir=$(_pg_bindir) || { _pg_install && bindir=$(_pg_bindir); } || return 1
    dir=$(mktemp -d "${TMPDIR:-/tmp}/selank-pg.XXXXXX") || return 1
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    _pg_as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale \
        --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
    # Another PostgreSQL may start on this machine at the same time: retry on a new port.
    for attempt in 1 2 3; do
        port=$(_pg_free_port)
        if _pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
        then
            export PG_TEST_DIR="$dir" PG_TEST_BINDIR="$bindir"
            export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"
            _pg_log "$("$bindir/postgres" --version) on 127.0.0.1:$port ($dir)"
            return 0
        fi
        _pg_log "could not start on port $port (attempt $attempt)"
    done
    tail -n 20 "$dir/server.log" >&2
    return 1
}

pg_test_stop() {
    [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR" ] || return 0
    _pg_as_owner "${PG_TEST_BINDIR:-$(_pg_bindir)}/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w \
        stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
    unset PG_TEST_DIR PG_TEST_BINDIR TEST_DATABASE_URL
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-}" in
        start) pg_test_start >&2
               echo "export TEST_DATABASE_URL='$TEST_DATABASE_URL' PG_TEST_DIR='$PG_TEST_DIR'" \
                    "PG_TEST_BINDIR='$PG_TEST_BINDIR'" ;;
        stop) pg_test_stop ;;
        *) echo "usage: $0 start|stop (or source it: pg_test_start / pg_test_stop)" >&2; exit 2 ;;
    esac
fi
