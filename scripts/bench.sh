#!/usr/bin/env bash
# `make bench`: calls per second of the working-day calendar in one process,
# on a throwaway database with danvan_plan (not a timed test: a measurement).
source "$(dirname "$0")/common.sh"

find_odoo
ensure_requirements
ensure_postgres
db="dvbench_$$"
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
port="$(odoo_python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
info "Installing danvan_plan on $db"
odoo_bin -d "$db" -i danvan_plan --without-demo=all --stop-after-init --http-port="$port" \
    --log-level=warn >"$RUN_DIR/bench-install.log" 2>&1 \
    || die "The install failed: see .run/bench-install.log"
info "Calendar API, $(nproc) cores, $(odoo_python -c 'import platform; print(platform.python_version())')"
odoo_python -m odoo shell -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" -d "$db" --no-http \
    --log-level=warn <"$ROOT/scripts/bench_calendar.py" | tee "$RUN_DIR/bench.txt"
grep -q ": OK$" "$RUN_DIR/bench.txt"
