#!/usr/bin/env bash
# `make bench`: measurements, not timed tests.
#  1. calls per second of the working-day calendar, on a database with danvan_plan;
#  2. the province benchmark (scripts/bench_province.py): BENCH_PETITIONS petitions
#     (default 1,000,000) of BENCH_AGENCIES agencies (default 20) with their cases,
#     plan tasks and visits, and as many Odoo Project tasks, in one database; each
#     user operation timed beside Odoo Project's, with the ratio to its goal.
# BENCH_KEEP_DB=1 keeps the province database (dvbench_province) for another run.
source "$(dirname "$0")/common.sh"

find_odoo
ensure_requirements
ensure_postgres
db="dvbench_$$"
province="dvbench_province"
cleanup() {
    dropdb --if-exists "$db" >/dev/null 2>&1 || true
    if [ "${BENCH_KEEP_DB:-0}" != 1 ]; then
        dropdb --if-exists "$province" >/dev/null 2>&1 || true
        rm -rf "${HOME}/.local/share/Odoo/filestore/$province"
    fi
}
trap cleanup EXIT
port="$(odoo_python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
info "Installing danvan_plan on $db"
odoo_bin -d "$db" -i danvan_plan --without-demo=all --stop-after-init --http-port="$port" \
    --log-level=warn >"$RUN_DIR/bench-install.log" 2>&1 \
    || die "The install failed: see .run/bench-install.log"
info "Calendar API, $(nproc) cores, $(odoo_python -c 'import platform; print(platform.python_version())')"
odoo_python -m odoo shell -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" -d "$db" --no-http \
    --log-level=warn <"$ROOT/scripts/bench_calendar.py" | tee "$RUN_DIR/bench.txt"
grep -q ": OK$" "$RUN_DIR/bench.txt"

if ! psql -d "$province" -c "SELECT 1" >/dev/null 2>&1; then
    info "Installing danvan_complaints, danvan_plan and project on $province"
    odoo_bin -d "$province" -i danvan_complaints,danvan_plan,project --without-demo=all \
        --stop-after-init --http-port="$port" --load-language=vi_VN --log-level=warn \
        >"$RUN_DIR/bench-province-install.log" 2>&1 \
        || die "The install failed: see .run/bench-province-install.log"
fi
# As measured in the issue: PostgreSQL's JIT compiles a plan for as long as
# a list takes; OLTP servers run without it (see the README).
psql -d "$province" -qc "ALTER DATABASE $province SET jit = off"
info "Province benchmark, PostgreSQL $(psql -d "$province" -Atc 'SHOW server_version'), JIT $(psql -d "$province" -Atc 'SHOW jit')"
lists="$RUN_DIR/bench-http-lists.json"
BENCH_HTTP_LISTS="$lists" odoo_python -m odoo shell -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" \
    -d "$province" --no-http --log-level=warn <"$ROOT/scripts/bench_province.py" \
    | tee "$RUN_DIR/bench-province.txt"

# HTTP: one Odoo worker serves the list that each menu opens, to two clients.
info "HTTP JSON-RPC list, one worker"
odoo_bin -d "$province" --db-filter="^$province\$" --workers=1 --max-cron-threads=0 \
    --http-port="$port" --log-level=warn >"$RUN_DIR/bench-http-server.log" 2>&1 &
server=$!
# $! is the subshell of the odoo_bin function: stop the server it started
# (which stops its workers and its websocket process), then the subshell.
stop_server() {
    pkill -TERM -P "$server" 2>/dev/null || true
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
}
trap 'stop_server; cleanup' EXIT
for _ in $(seq 60); do
    curl -sf "http://127.0.0.1:$port/web/health" >/dev/null 2>&1 && break
    sleep 1
done
http_rps() {
    local key="$1" args
    args="$(odoo_python - "$lists" "$key" <<'PY'
import json, shlex, sys
entry = json.load(open(sys.argv[1]))[sys.argv[2]]
print(shlex.join(["--model", entry["model"], "--login", entry["login"],
                  "--password", entry["login"], "--domain", json.dumps(entry["domain"])]))
PY
)"
    eval "odoo_python '$ROOT/scripts/bench_http.py' --url 'http://127.0.0.1:$port' --db '$province' \
        --seconds '${BENCH_HTTP_SECONDS:-20}' --clients 2 $args" | tee "$RUN_DIR/bench-http-$key.txt"  >&2
    sed -n 's/.* = \([0-9.]*\) req\/s.*/\1/p' "$RUN_DIR/bench-http-$key.txt" | head -n1
}
ours="$(http_rps ours | tail -n1)"
peer="$(http_rps peer | tail -n1)"
stop_server
http_missed="$(odoo_python -c "
ours, peer = $ours, $peer
ratio = ours / peer if peer else 0
ok = ratio >= 5
print(f'  HTTP list, requests per second: {ours:.1f} against {peer:.1f}, {ratio:.2f}x (at least 5x): ' + ('OK' if ok else 'MISSED'))
print(0 if ok else 1)
")"
echo "$http_missed" | head -n1 | tee -a "$RUN_DIR/bench-province.txt"
grep -q "^Province benchmark: 0 goal(s) missed" "$RUN_DIR/bench-province.txt"
[ "$(echo "$http_missed" | tail -n1)" = 0 ]
