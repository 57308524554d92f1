# Sourced by the bench scripts: start_private_postgres PGBIN [DATADIR] starts a private PostgreSQL
# on a free loopback port (durability off, as in the tests), sets $pgdir, $port and $pgpid, and
# stops it by its own pid when the script exits (stop_private_postgres). Without DATADIR the
# cluster is a throwaway in /tmp, removed at the stop; with it, the cluster lives in DATADIR
# (made by initdb the first time) and is kept, so a long load survives for the next run.
# Another PostgreSQL may run beside it; it is never touched.
start_private_postgres() {
  local pgbin="$1" keep="${2:-}"
  local as_postgres=()
  [[ "$(id -u)" == 0 ]] && as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups)
  if [[ -n "$keep" ]]; then
    pgdir="$keep"
    pgkeep=1
    mkdir -p "$pgdir"
  else
    pgdir="$(mktemp -d /tmp/shelf-bench-pg-XXXXXX)"
    pgkeep=""
  fi
  chmod 777 "$pgdir"
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  pgpid=""
  trap stop_private_postgres EXIT
  if [[ ! -f "$pgdir/data/PG_VERSION" ]]; then
    rm -rf "$pgdir/data"
    "${as_postgres[@]}" "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync >/dev/null
  fi
  # A kept cluster a killed run left behind still has its pid file; the server refuses to start
  # while it names a live process, so it goes only when that process is gone.
  if [[ -f "$pgdir/data/postmaster.pid" ]] && ! kill -0 "$(head -1 "$pgdir/data/postmaster.pid")" 2>/dev/null; then
    rm -f "$pgdir/data/postmaster.pid"
  fi
  "${as_postgres[@]}" "$pgbin/postgres" -D "$pgdir/data" -p "$port" -k "$pgdir/data" -c listen_addresses=127.0.0.1 \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off >"$pgdir/server.log" 2>&1 &
  pgpid=$!
  for _ in $(seq 1 100); do psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAtc "select 1" >/dev/null 2>&1 && break; sleep 0.1; done
  psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAtc "select 1" >/dev/null 2>&1 \
    || { echo "bench: the private PostgreSQL did not start; see $pgdir/server.log" >&2; exit 1; }
}

stop_private_postgres() {
  if [[ -n "${pgpid:-}" ]] && kill -0 "$pgpid" 2>/dev/null; then
    kill -INT "$pgpid"
    for _ in $(seq 1 100); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.1; done
  fi
  pgpid=""
  [[ -n "${pgkeep:-}" ]] || rm -rf "$pgdir"
}
