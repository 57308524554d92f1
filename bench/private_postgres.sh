# Sourced by the bench scripts: start_private_postgres PGBIN starts a throwaway PostgreSQL on a
# free loopback port (durability off, as in the tests), sets $pgdir, $port and $pgpid, and stops
# it by its own pid when the script exits. Another PostgreSQL may run beside it; it is never touched.
start_private_postgres() {
  local pgbin="$1"
  pgdir="$(mktemp -d /tmp/shelf-bench-pg-XXXXXX)"
  chmod 777 "$pgdir"
  local as_postgres=()
  [[ "$(id -u)" == 0 ]] && as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups)
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  pgpid=""
  trap stop_private_postgres EXIT
  "${as_postgres[@]}" "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync >/dev/null
  "${as_postgres[@]}" "$pgbin/postgres" -D "$pgdir/data" -p "$port" -k "$pgdir/data" -c listen_addresses=127.0.0.1 \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off >"$pgdir/server.log" 2>&1 &
  pgpid=$!
  for _ in $(seq 1 100); do psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAtc "select 1" >/dev/null 2>&1 && break; sleep 0.1; done
}

stop_private_postgres() {
  if [[ -n "${pgpid:-}" ]] && kill -0 "$pgpid" 2>/dev/null; then
    kill -INT "$pgpid"
    for _ in $(seq 1 100); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$pgdir"
}
