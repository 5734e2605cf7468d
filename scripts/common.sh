# shellcheck shell=bash
# Shared helpers of the Makefile scripts: find Odoo, install our Python
# dependencies into Odoo's interpreter, make sure PostgreSQL answers.
# Sourced, not executed.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/.run"
ADDONS="danvan_base,danvan_plan,danvan_models,danvan_complaints,danvan_democracy,danvan_democracy_plan"
ODOO_OFFICIAL_GIT="https://github.com/odoo/odoo.git"
mkdir -p "$RUN_DIR"

die() {
    printf '\n*** %s\n' "$@" >&2
    exit 2
}

info() { printf '==> %s\n' "$*"; }

# Sets ODOO_PYTHON (an interpreter that imports odoo), ODOO_PYTHONPATH and
# ODOO_CORE_ADDONS (the folder holding web, mail, hr...).
find_odoo() {
    ODOO_PYTHONPATH=""
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -f "$ODOO_SRC/odoo/release.py" ] \
            || die "ODOO_SRC=$ODOO_SRC is not an Odoo source folder (no odoo/release.py)."
        ODOO_PYTHON="${ODOO_PYTHON:-python3}"
        ODOO_PYTHONPATH="$ODOO_SRC"
    elif [ -n "${ODOO_PYTHON:-}" ]; then
        :
    elif python3 -c 'import odoo.release' >/dev/null 2>&1; then
        ODOO_PYTHON="$(command -v python3)"
    elif command -v odoo >/dev/null 2>&1; then
        # An installed `odoo` command: use the interpreter of its shebang.
        ODOO_PYTHON="$(head -n1 "$(command -v odoo)" | sed -e 's/^#! *//' -e 's/ .*//')"
    elif [ -f "$ROOT/.odoo/src/odoo/release.py" ]; then
        ODOO_PYTHON="$ROOT/.odoo/venv/bin/python"
        ODOO_PYTHONPATH="$ROOT/.odoo/src"
    else
        download_odoo
        ODOO_PYTHON="$ROOT/.odoo/venv/bin/python"
        ODOO_PYTHONPATH="$ROOT/.odoo/src"
    fi
    export ODOO_PYTHON ODOO_PYTHONPATH
    local version
    version="$(odoo_python -c 'import odoo.release as r; print(r.serie)' 2>/dev/null)" \
        || die "The interpreter $ODOO_PYTHON cannot import odoo or its dependencies." \
               "Install Odoo's requirements into it: $ODOO_PYTHON -m pip install -r <odoo source>/requirements.txt"
    [ "$version" = "18.0" ] || die "Odoo $version found, but these addons need Odoo 18.0."
    ODOO_CORE_ADDONS="$(odoo_python - <<'PY'
import os, odoo
root = os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__)))
for path in (os.path.join(root, "addons"), os.path.join(root, "odoo", "addons")):
    if os.path.isfile(os.path.join(path, "web", "__manifest__.py")):
        print(path)
        break
PY
)"
    [ -n "$ODOO_CORE_ADDONS" ] || die "Odoo is importable but its addons (web, mail, hr) were not found."
    export ODOO_CORE_ADDONS
    ADDONS_PATH="$ODOO_CORE_ADDONS,$ROOT/addons"
}

# The official 18.0 source, only where the network allows it.
download_odoo() {
    command -v git >/dev/null 2>&1 || die "No Odoo found and git is missing to download it."
    if ! timeout 20 git ls-remote --exit-code "$ODOO_OFFICIAL_GIT" 18.0 >/dev/null 2>&1; then
        die "Odoo 18.0 was not found, and its official source cannot be downloaded from here." \
            "Provide it in one of these ways, then run the command again:" \
            "  - install Odoo 18.0 so that 'python3 -c \"import odoo\"' works or an 'odoo' command is on PATH;" \
            "  - or set ODOO_SRC to an Odoo 18.0 source folder (and ODOO_PYTHON to an interpreter with its requirements)."
    fi
    info "Downloading the official Odoo 18.0 source into .odoo/src (once)"
    rm -rf "$ROOT/.odoo"
    git clone --quiet --depth 1 --branch 18.0 "$ODOO_OFFICIAL_GIT" "$ROOT/.odoo/src"
    python3 -m venv "$ROOT/.odoo/venv"
    "$ROOT/.odoo/venv/bin/pip" install -q -r "$ROOT/.odoo/src/requirements.txt"
}

odoo_python() {
    PYTHONPATH="$ODOO_PYTHONPATH${PYTHONPATH:+:$PYTHONPATH}" "$ODOO_PYTHON" "$@"
}

# Runs the Odoo server command with our configuration file and addons path.
odoo_bin() {
    odoo_python -m odoo -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" \
        --http-interface=127.0.0.1 "$@"
}

# Our pinned dependencies (requirements.txt) go into Odoo's interpreter, once
# per change of the file.
ensure_requirements() {
    local stamp="$RUN_DIR/requirements.stamp" sum
    sum="$(sha256sum "$ROOT/requirements.txt" | cut -d' ' -f1)-$ODOO_PYTHON"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
        info "Installing the Python dependencies of requirements.txt"
        odoo_python -m pip install -q --disable-pip-version-check -r "$ROOT/requirements.txt" \
            || die "pip could not install requirements.txt into $ODOO_PYTHON."
        echo "$sum" > "$stamp"
    fi
    ensure_oca_addons
}

# The server-wide OCA addons of oca-addons.txt, in .run/oca (once per change
# of the file), appended to the addons path.
ensure_oca_addons() {
    local stamp="$RUN_DIR/oca.stamp" target="$RUN_DIR/oca" sum
    sum="$(sha256sum "$ROOT/oca-addons.txt" | cut -d' ' -f1)"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ] || [ ! -d "$target/odoo/addons" ]; then
        info "Installing the OCA addons of oca-addons.txt into .run/oca"
        rm -rf "$target"
        # --no-deps: they require the `odoo` distribution, which is already there.
        odoo_python -m pip install -q --disable-pip-version-check --no-deps --target "$target" \
            -r "$ROOT/oca-addons.txt" \
            || die "pip could not install oca-addons.txt into .run/oca."
        echo "$sum" > "$stamp"
    fi
    ADDONS_PATH="$ADDONS_PATH,$target/odoo/addons"
}

# PostgreSQL: the server named by PGHOST/PGPORT (default: the local socket),
# or a private cluster in .run/pgdata when none answers.
ensure_postgres() {
    local bindir data="$RUN_DIR/pgdata" sock="$RUN_DIR/pgsock" owner=""
    if [ -f "$data/PG_VERSION" ] && pg_isready -q -h "$sock" -p 5433 2>/dev/null; then
        export PGHOST="$sock" PGPORT=5433 PGUSER="$(id -un)"
        return
    fi
    if pg_isready -q 2>/dev/null; then
        return
    fi
    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
    [ -n "$bindir" ] || bindir="$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"
    [ -x "$bindir/initdb" ] || die "No PostgreSQL server answers and none is installed to start one." \
        "Install PostgreSQL (Debian: apt-get install postgresql) or set PGHOST/PGPORT."
    # PostgreSQL refuses to run as root: the private cluster then belongs to 'postgres'.
    [ "$(id -u)" = 0 ] && owner="postgres"
    mkdir -p "$sock"
    [ -n "$owner" ] && chown "$owner" "$RUN_DIR" "$sock"
    as_owner() { if [ -n "$owner" ]; then runuser -u "$owner" -- "$@"; else "$@"; fi; }
    if [ ! -f "$data/PG_VERSION" ]; then
        info "Creating a private PostgreSQL cluster in .run/pgdata"
        as_owner "$bindir/initdb" -A trust -U "${owner:-$(id -un)}" -D "$data" >/dev/null
    fi
    info "Starting the private PostgreSQL cluster (socket in .run/pgsock, port 5433)"
    as_owner "$bindir/pg_ctl" -D "$data" -l "$RUN_DIR/postgresql.log" -w \
        -o "-k $sock -p 5433 -c listen_addresses=''" start >/dev/null
    export PGHOST="$sock" PGPORT=5433
    [ -n "$owner" ] && export PGUSER="$owner"
    # Odoo refuses to connect as 'postgres': give it a role of the current user.
    if [ -n "$owner" ]; then
        psql -q -d postgres -c "DO \$\$BEGIN CREATE ROLE $(id -un) SUPERUSER LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END\$\$" >/dev/null
        export PGUSER="$(id -un)"
    fi
}
