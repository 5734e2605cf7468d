#!/usr/bin/env bash
# Runs a console script (pre-commit hook, click-odoo...) of the packages that
# requirements.txt installs into Odoo's interpreter, whichever interpreter
# scripts/common.sh finds: `scripts/tool.sh ruff check addons`.
# A tool without a Python entry point (ruff) runs as `python -m`.
# `make lint` exports ODOO_PYTHON; a bare `pre-commit run` finds it here.
if [ -z "${ODOO_PYTHON:-}" ]; then
    source "$(dirname "$0")/common.sh"
    find_odoo
fi
PYTHONPATH="${ODOO_PYTHONPATH:-}${PYTHONPATH:+:$PYTHONPATH}" exec "$ODOO_PYTHON" -c '
import runpy
import sys
from importlib.metadata import entry_points

name = sys.argv[1]
sys.argv = sys.argv[1:]
found = entry_points(group="console_scripts", name=name)
if found:
    sys.exit(next(iter(found)).load()())
# A tool without an entry point (ruff, a binary) runs as a module.
runpy.run_module(name.replace("-", "_"), run_name="__main__", alter_sys=True)
' "$@"
