#!/usr/bin/env bash
# `make pot`: export the translatable terms of each addon into i18n/<addon>.pot
# from a throwaway database, and merge them into i18n/vi.po.
source "$(dirname "$0")/common.sh"

find_odoo
ensure_requirements
ensure_postgres
db="dvpot_$$"
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
port="$(odoo_python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
odoo_bin -d "$db" -i "$ADDONS" --stop-after-init --http-port="$port" --log-level=warn \
    >"$RUN_DIR/pot-install.log" 2>&1 || die "The install failed: see .run/pot-install.log"
for addon in ${ADDONS//,/ }; do
    pot="$ROOT/addons/$addon/i18n/$addon.pot"
    odoo_bin -d "$db" --modules="$addon" --i18n-export="$pot" --stop-after-init \
        --http-port="$port" --log-level=warn >>"$RUN_DIR/pot-install.log" 2>&1
    odoo_python "$ROOT/scripts/merge_po.py" "$pot" "$ROOT/addons/$addon/i18n/vi.po"
done
