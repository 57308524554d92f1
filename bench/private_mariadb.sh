# Sourced by the bench scripts: start_private_mariadb starts a throwaway MariaDB (mariadbd from
# mariadb-server, no system service) on a free loopback port with durability off, as the tests'
# server is, sets $mydir, $myport and $mypid, and stops it by its own pid (stop_private_mariadb).
# Another MariaDB may run beside it; it is never touched.
start_private_mariadb() {
  command -v mariadbd >/dev/null || [[ -x /usr/sbin/mariadbd ]] || { echo "bench: needs mariadbd (apt-get install mariadb-server)" >&2; exit 1; }
  local server; server="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
  mydir="$(mktemp -d /tmp/shelf-bench-mariadb-XXXXXX)"
  myport="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  mypid=""
  local common=(--no-defaults "--datadir=$mydir/data" --user=root --innodb-log-file-size=64M --character-set-server=utf8mb4 --collation-server=utf8mb4_bin)
  mariadb-install-db "${common[@]}" --auth-root-authentication-method=normal --skip-test-db >"$mydir/install.log" 2>&1
  mkdir -p "$mydir/tmp"
  "$server" "${common[@]}" "--tmpdir=$mydir/tmp" "--socket=$mydir/sock" "--pid-file=$mydir/pid" "--log-error=$mydir/err.log" "--port=$myport" \
    --bind-address=127.0.0.1 --skip-name-resolve --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
    --innodb-buffer-pool-size=1G --local-infile=1 --max-allowed-packet=256M >/dev/null 2>&1 &
  mypid=$!
  for _ in $(seq 1 100); do mariadb -S "$mydir/sock" -uroot -e "SELECT 1" >/dev/null 2>&1 && break; sleep 0.2; done
}

stop_private_mariadb() {
  if [[ -n "${mypid:-}" ]] && kill -0 "$mypid" 2>/dev/null; then
    kill -TERM "$mypid"
    for _ in $(seq 1 150); do kill -0 "$mypid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$mypid" 2>/dev/null && kill -KILL "$mypid"
  fi
  [[ -n "${mydir:-}" ]] && rm -rf "$mydir"
}
