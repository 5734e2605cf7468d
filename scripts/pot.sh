#!/usr/bin/env bash
# `make pot`: export the translatable terms of each addon into i18n/<addon>.pot
# with click-odoo-makepot, from a database of the four addons (the template of
# the project tests, click-odoo-initdb's cache), and merge them into i18n/vi.po
# with scripts/merge_po.py (makepot's msgmerge would drop the hand-written
# terms of the Apps screen, see there).
source "$(dirname "$0")/common.sh"

find_odoo
ensure_requirements
ensure_postgres
db="dvpot_$$"
conf="$RUN_DIR/pot-odoo.conf"
log="$RUN_DIR/pot.log"
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true; rm -f "$conf"' EXIT
odoo_python "$ROOT/scripts/initdb.py" -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" \
    --log-level=warn --logfile="$log" -n "$db" -m "$ADDONS" --demo \
    --cache-prefix=danvanpt --cache-max-age=7 --cache-max-size=4 \
    || die "The install failed: see .run/pot.log"
# click-odoo-makepot takes the addons path from a configuration file only.
{ cat "$ROOT/odoo.conf"; echo "addons_path = $ADDONS_PATH"; } > "$conf"
"$ROOT/scripts/tool.sh" click-odoo-makepot -c "$conf" -d "$db" --log-level=warn \
    --logfile="$log" --addons-dir="$ROOT/addons" -m "$ADDONS" --no-msgmerge \
    || die "The export failed: see .run/pot.log"
for addon in ${ADDONS//,/ }; do
    odoo_python "$ROOT/scripts/merge_po.py" "$ROOT/addons/$addon/i18n/$addon.pot" \
        "$ROOT/addons/$addon/i18n/vi.po"
done
