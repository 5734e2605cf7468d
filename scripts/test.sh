#!/usr/bin/env bash
# `make test`: the four addons installed with their tests on a fresh
# database, then the project tests of tests/ (install, upgrade, uninstall,
# static checks), then one closing line "N passed, N failed".
# `make lint` (--lint-only): the static checks alone, that is the hooks of
# .pre-commit-config.yaml and the checks of the translations.
source "$(dirname "$0")/common.sh"

lint_only=0
[ "${1:-}" = "--lint-only" ] && lint_only=1

find_odoo
ensure_requirements
out="$RUN_DIR/test"
rm -rf "$out"
mkdir -p "$out"
export DANVAN_ROOT="$ROOT" DANVAN_ADDONS_PATH="$ADDONS_PATH" DANVAN_OUT="$out"
# pre-commit (tests/test_static.py) keeps its state in the project.
export PRE_COMMIT_HOME="$RUN_DIR/pre-commit"

if [ "$lint_only" = 1 ]; then
    odoo_python -m pytest -q -p no:cacheprovider tests/test_static.py -m "not needs_db" \
        --junitxml="$out/pytest.xml" || true
    # odoo_python is a shell function: `exec` cannot run it.
    rc=0
    odoo_python "$ROOT/scripts/summarize.py" --junit "$out/pytest.xml" || rc=$?
    exit "$rc"
fi

ensure_postgres
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || command -v google-chrome >/dev/null 2>&1 \
    || die "Chromium is needed for the browser tests (Debian: apt-get install chromium)."
command -v wkhtmltopdf >/dev/null 2>&1 \
    || die "wkhtmltopdf is needed for the PDF reports (Debian: apt-get install wkhtmltopdf)."

db="dvtest_$$"
export DANVAN_TEST_DB="$db"
port="$(odoo_python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
tags="$(echo "$ADDONS" | sed -e 's/^/\//' -e 's/,/,\//g')"
info "Installing $ADDONS on a fresh database $db with their tests (log: .run/test/odoo.log)"
rc=0
odoo_bin -d "$db" -i "$ADDONS" --test-enable --test-tags="$tags" --stop-after-init \
    --http-port="$port" --load-language=vi_VN --db-filter="^$db\$" --log-level=info \
    >"$out/odoo.log" 2>&1 || rc=$?
echo "$rc" > "$out/odoo.rc"
grep -E ' (WARNING|ERROR|CRITICAL) |odoo\.tests\.(stats|result)|^Traceback|: (FAIL|ERROR):' "$out/odoo.log" || true

info "Project tests (tests/)"
odoo_python -m pytest -q -p no:cacheprovider tests --junitxml="$out/pytest.xml" || true

dropdb --if-exists "$db" >/dev/null 2>&1 || true
rm -rf "${HOME}/.local/share/Odoo/filestore/$db"
summary_rc=0
odoo_python "$ROOT/scripts/summarize.py" --odoo-log "$out/odoo.log" \
    --odoo-rc "$rc" --junit "$out/pytest.xml" --modules "$ADDONS" || summary_rc=$?
exit "$summary_rc"
