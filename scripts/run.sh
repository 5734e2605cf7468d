#!/usr/bin/env bash
# `make run`: the database `danvan` with the four addons, their demo data and
# Vietnamese, served on http://localhost:8069 (admin / admin). Reused if present.
source "$(dirname "$0")/common.sh"

find_odoo
ensure_requirements
ensure_postgres
db="${DANVAN_DB:-danvan}"
installed="$(psql -d "$db" -tAc "SELECT string_agg(name, ',' ORDER BY name) FROM ir_module_module WHERE name LIKE 'danvan\_%' AND state = 'installed'" 2>/dev/null || true)"
if [ -n "$installed" ] && [ "$installed" != "danvan_base,danvan_complaints,danvan_models,danvan_plan" ]; then
    # A database of an earlier release: brought to this one, its data kept.
    info "Upgrading the database $db to the four addons of this release"
    odoo_bin -d "$db" -u all --stop-after-init --db-filter="^$db\$" --log-level=warn \
        >"$RUN_DIR/run-upgrade.log" 2>&1 \
        || die "Upgrading the database failed: see .run/run-upgrade.log"
elif [ -z "$installed" ]; then
    info "Creating the database $db with $ADDONS, demo data and Vietnamese (a few minutes, once)"
    dropdb --if-exists "$db" >/dev/null 2>&1 || true
    odoo_bin -d "$db" -i "$ADDONS" --load-language=vi_VN --stop-after-init --db-filter="^$db\$" \
        --log-level=warn >"$RUN_DIR/run-install.log" 2>&1 \
        || die "Installing the addons failed: see .run/run-install.log"
    odoo_python -m odoo shell -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" -d "$db" \
        --no-http --log-level=warn >/dev/null <<'PY'
# Everyone works in Vietnamese and Vietnam time, including users created later.
env["res.users"].with_context(active_test=False).search([]).write({"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"})
env["ir.default"].set("res.partner", "lang", "vi_VN")
env.cr.commit()
PY
fi
info "Serving $db on http://localhost:8069 (admin / admin). Stop with Ctrl+C."
odoo_bin -d "$db" --db-filter="^$db\$" --http-port=8069
