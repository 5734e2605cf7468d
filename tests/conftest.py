"""Shared fixtures of the project tests: paths, Odoo runs, throw-away databases.

The tests read where things are from the variables that scripts/test.sh
exports (see ``make test`` and ``make lint``). A missing variable is a test
failure with a clear message, never a skip: a skipped test counts as a failure
in the closing summary anyway.

Every database these fixtures create is named ``danvan_pt_<pid>_...`` and is
dropped at the end of the session, whatever the tests did. The two templates
(Odoo's dependencies of our addons, and our four addons) come from the cache
of click-odoo-initdb, databases ``danvanpt-<date>-<hash>`` that stay for the
next sessions as long as the addons' files are the same. The Odoo processes
they start keep their filestores in a data folder of their own under
DANVAN_OUT, and write their output to log files there.
"""

import os
import re
import shutil
import socket
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg2
import pytest
from psycopg2 import sql

ADDONS = (
    "danvan_base",
    "danvan_plan",
    "danvan_models",
    "danvan_complaints",
    "danvan_democracy",
    "danvan_democracy_plan",
)
DB_PREFIX = "danvan_pt_"
# The templates of click-odoo-initdb: "danvanpt-<date>-<hash of the addons>".
CACHE_PREFIX = "danvanpt"
LOG_TAIL_LINES = 60
# Lines of an Odoo log that fail a test outright, and WARNING lines, which fail
# it only when they mention our addons.
BAD_LINE_RE = re.compile(r" (ERROR|CRITICAL) |Traceback")
WARNING_LINE_RE = re.compile(r" WARNING ")
HINT = (
    "Run the project tests through `make test` (or `make lint` for the static "
    "checks), which set it, or export it as scripts/test.sh does."
)


def require_env(name, allow_empty=False, hint=HINT):
    """The value of environment variable ``name``; fails the test without it."""
    value = os.environ.get(name)
    if value is None or (not value and not allow_empty):
        pytest.fail(f"Environment variable {name} is not set. {hint}", pytrace=False)
    return value


def free_port():
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------------------
# PostgreSQL (psycopg2 reads PGHOST, PGPORT, PGUSER... like Odoo does)
# ---------------------------------------------------------------------------


class Postgres:
    """Short statements on the databases of the tests."""

    @staticmethod
    def query(dbname, query, params=None):
        """Run one statement on ``dbname``, commit, return its rows (or [])."""
        conn = psycopg2.connect(dbname=dbname)
        try:
            with conn.cursor() as cr:
                cr.execute(query, params)
                rows = cr.fetchall() if cr.description else []
            conn.commit()
            return rows
        finally:
            conn.close()

    @staticmethod
    def admin(query):
        """Run a statement that cannot run in a transaction (CREATE DATABASE)."""
        conn = psycopg2.connect(dbname="postgres")
        try:
            conn.autocommit = True
            with conn.cursor() as cr:
                cr.execute(query)
        finally:
            conn.close()

    def exists(self, dbname):
        rows = self.query(
            "postgres", "SELECT 1 FROM pg_database WHERE datname = %s", [dbname]
        )
        return bool(rows)

    def module_states(self, dbname, modules):
        """{module: state} read from ir_module_module; None for an unknown one."""
        rows = self.query(
            dbname,
            "SELECT name, state FROM ir_module_module WHERE name IN %s",
            [tuple(modules)],
        )
        states = dict.fromkeys(modules)
        states.update(rows)
        return states

    def tables(self, dbname, names):
        """Those of the tables (or SQL views of report models) ``names`` that
        exist in ``dbname``."""
        if not names:
            return set()
        rows = self.query(
            dbname,
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_name IN %s",
            [tuple(names)],
        )
        return {name for (name,) in rows}


PG = Postgres()


# ---------------------------------------------------------------------------
# Odoo processes
# ---------------------------------------------------------------------------


@dataclass
class OdooRun:
    """One finished Odoo process: its command, exit status and log."""

    cmd: list
    rc: int
    log: Path
    scrub: list = field(default_factory=list)

    @property
    def text(self):
        return self.log.read_text(encoding="utf-8", errors="replace")

    def problems(self):
        """Log lines with an ERROR, a CRITICAL or a traceback, and WARNING lines
        about our addons (a mention of "danvan" once the names of the
        databases and folders of the run are blanked out)."""
        found = []
        for line in self.text.splitlines():
            if BAD_LINE_RE.search(line):
                found.append(line)
            elif WARNING_LINE_RE.search(line):
                scrubbed = line
                for word in self.scrub:
                    scrubbed = scrubbed.replace(word, "<...>")
                if "danvan" in scrubbed.lower():
                    found.append(line)
        return found

    def report(self, what):
        """An assertion message: ``what``, the command, the end of the log."""
        lines = self.text.splitlines()
        tail = "\n".join(lines[-LOG_TAIL_LINES:])
        return (
            f"{what}\ncommand: {' '.join(self.cmd)}\nexit status: {self.rc}\n"
            f"log: {self.log}\n--- last {min(len(lines), LOG_TAIL_LINES)} lines "
            f"of the log ---\n{tail}"
        )

    def check(self, what="Odoo"):
        """Fail unless the process exited 0 and logged no problem."""
        assert self.rc == 0, self.report(f"{what} exited with status {self.rc}")
        problems = self.problems()
        assert not problems, self.report(
            f"{what} logged {len(problems)} problem line(s):\n" + "\n".join(problems)
        )


class Odoo:
    """Starts Odoo as scripts/common.sh does (odoo_bin), one log file a run."""

    def __init__(self, root, addons_path, python, pythonpath, out):
        self.root = Path(root)
        self.addons_path = addons_path
        self.python = python
        self.pythonpath = pythonpath
        self.log_dir = Path(out) / "pytest-odoo"
        self.data_dir = Path(out) / "pytest-odoo-data"
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir.mkdir(parents=True, exist_ok=True)

    def env(self):
        env = dict(os.environ)
        paths = [p for p in (self.pythonpath, env.get("PYTHONPATH")) if p]
        if paths:
            env["PYTHONPATH"] = os.pathsep.join(paths)
        return env

    def run(
        self,
        args,
        log_name,
        command=None,
        stdin=None,
        own_data_dir=True,
        timeout=1200,
        scrub=(),
        addons_path=None,
    ):
        """Run ``python -m odoo [command] <our options> args``; never raises on
        a failure of Odoo: the caller checks the returned OdooRun.

        ``own_data_dir``: keep filestores and sessions under DANVAN_OUT (for
        the databases of the tests) rather than in Odoo's default folder.
        ``addons_path``: another one than the project's (a previous release).
        """
        cmd = [self.python, "-m", "odoo"]
        if command:
            cmd.append(command)
        cmd += [
            "-c",
            str(self.root / "odoo.conf"),
            f"--addons-path={addons_path or self.addons_path}",
            "--http-interface=127.0.0.1",
            f"--http-port={free_port()}",
            "--max-cron-threads=0",
            "--log-level=info",
        ]
        if own_data_dir:
            cmd.append(f"--data-dir={self.data_dir}")
        cmd += list(args)
        return self.execute(cmd, log_name, stdin, timeout, scrub)

    def initdb(self, name, modules, log_name, scrub=(), timeout=1200):
        """A new database ``name`` with ``modules`` and demo data, copied from
        the template that click-odoo-initdb keeps for these exact addons (the
        hash of their files): installed once, reused by the next sessions.
        It drops the templates unused for a week or beyond the newest four."""
        cmd = [
            self.python,
            str(self.root / "scripts" / "initdb.py"),
            "-c",
            str(self.root / "odoo.conf"),
            f"--addons-path={self.addons_path}",
            "--log-level=info",
            "--new-database",
            name,
            "--modules",
            ",".join(modules),
            "--demo",
            f"--cache-prefix={CACHE_PREFIX}",
            "--cache-max-age=7",
            "--cache-max-size=4",
        ]
        return self.execute(cmd, log_name, None, timeout, [name, *scrub])

    def execute(self, cmd, log_name, stdin, timeout, scrub):
        """Run ``cmd`` with its output in the log file ``log_name``."""
        log = self.log_dir / log_name
        with open(log, "w", encoding="utf-8") as out:
            out.write("$ " + " ".join(cmd) + "\n")
            out.flush()
            try:
                proc = subprocess.run(
                    cmd,
                    cwd=self.root,
                    env=self.env(),
                    input=stdin if stdin is not None else "",
                    text=True,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    timeout=timeout,
                    check=False,
                )
                rc = proc.returncode
            except subprocess.TimeoutExpired:
                out.write(f"\n*** killed by the test after {timeout} s\n")
                rc = -9
        words = [str(self.root), str(self.data_dir), str(self.log_dir), *scrub]
        return OdooRun(cmd, rc, log, [w for w in words if w])

    def filestore(self, dbname):
        return self.data_dir / "filestore" / dbname


# ---------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def root():
    """The project root (DANVAN_ROOT)."""
    path = Path(require_env("DANVAN_ROOT"))
    if not (path / "addons").is_dir():
        pytest.fail(f"DANVAN_ROOT={path} has no addons folder.", pytrace=False)
    return path


@pytest.fixture(scope="session")
def out_dir():
    """The scratch folder of the run (DANVAN_OUT)."""
    path = Path(require_env("DANVAN_OUT"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def pre_commit_home():
    """Where pre-commit keeps its state (PRE_COMMIT_HOME): .run/pre-commit."""
    return require_env("PRE_COMMIT_HOME")


@pytest.fixture(scope="session")
def odoo(root, out_dir):
    """Starts Odoo processes with the interpreter and addons path of the run."""
    return Odoo(
        root,
        require_env("DANVAN_ADDONS_PATH"),
        require_env("ODOO_PYTHON"),
        require_env("ODOO_PYTHONPATH", allow_empty=True),
        out_dir,
    )


@pytest.fixture(scope="session")
def pg():
    """Queries on PostgreSQL, reached through PGHOST, PGPORT, PGUSER..."""
    try:
        PG.query("postgres", "SELECT 1")
    except psycopg2.Error as exc:
        pytest.fail(
            f"PostgreSQL does not answer (PGHOST={os.environ.get('PGHOST')}, "
            f"PGPORT={os.environ.get('PGPORT')}): {exc}",
            pytrace=False,
        )
    return PG


@pytest.fixture(scope="session")
def test_db(pg):
    """The database of `make test` (DANVAN_TEST_DB): our addons are installed."""
    name = require_env(
        "DANVAN_TEST_DB",
        hint="It names the database on which `make test` installed our addons "
        "(`make lint` deselects the tests that need it: -m 'not needs_db').",
    )
    if not pg.exists(name):
        pytest.fail(f"DANVAN_TEST_DB={name}: no such database.", pytrace=False)
    return name


class Databases:
    """Creates databases of the session (copies of templates) and drops them."""

    def __init__(self, odoo):
        self.odoo = odoo
        self.prefix = f"{DB_PREFIX}{os.getpid()}_"
        self.created = []

    def name(self, suffix):
        return self.prefix + suffix

    def register(self, name):
        self.created.append(name)
        return name

    def copy(self, template, suffix):
        """A new database copied from ``template``, with its filestore."""
        name = self.register(self.name(suffix))
        self.drop(name)
        PG.admin(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )
        source = self.odoo.filestore(template)
        if source.is_dir():
            shutil.copytree(source, self.odoo.filestore(name))
        return name

    def drop(self, name):
        PG.admin(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )
        shutil.rmtree(self.odoo.filestore(name), ignore_errors=True)

    def drop_all(self):
        errors = []
        for name in reversed(self.created):
            try:
                self.drop(name)
            except psycopg2.Error as exc:
                errors.append(f"{name}: {exc}")
        self.created.clear()
        return errors

    def drop_stale(self):
        """Drop the databases left by earlier runs whose process is gone."""
        rows = PG.query(
            "postgres",
            "SELECT datname FROM pg_database WHERE datname LIKE %s",
            [DB_PREFIX.replace("_", r"\_") + "%"],
        )
        for (name,) in rows:
            match = re.match(rf"{DB_PREFIX}(\d+)_", name)
            if match and not pid_alive(int(match.group(1))):
                self.drop(name)


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@pytest.fixture(scope="session")
def databases(odoo, pg):
    """Creates the databases of the session; drops them all at its end."""
    dbs = Databases(odoo)
    dbs.drop_stale()
    yield dbs
    errors = dbs.drop_all()
    assert not errors, "Could not drop test databases:\n" + "\n".join(errors)


@pytest.fixture(scope="session")
def base_template(odoo, databases):
    """A database with the dependencies of our addons (hr, mail, web) and
    demo data enabled, copied for every install test."""
    name = databases.register(databases.name("tpl"))
    databases.drop(name)
    run = odoo.initdb(name, ["hr", "mail", "web"], "template.log")
    assert run.rc == 0, run.report(
        f"Building the template database {name} (hr, mail, web) failed"
    )
    return name


@pytest.fixture(scope="session")
def previous_release(root, out_dir):
    """The addons folder of the release before danvan_base (issue 12), taken
    from git history: the parent of the commit that added danvan_base."""
    added = subprocess.run(
        ["git", "-C", str(root), "log", "--diff-filter=A", "--format=%H", "--"]
        + ["addons/danvan_base/__manifest__.py"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    if not added:
        pytest.skip("no git history with the commit that added danvan_base")
    target = Path(out_dir) / "previous-release"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    archive = target / "addons.tar"
    with open(archive, "wb") as out:
        subprocess.run(
            ["git", "-C", str(root), "archive", f"{added[-1]}^", "addons"],
            stdout=out,
            check=True,
        )
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target / "addons"


@pytest.fixture(scope="session")
def all_installed_template(odoo, databases):
    """A database with the four addons installed together, with demo data."""
    name = databases.register(databases.name("all"))
    databases.drop(name)
    run = odoo.initdb(name, ADDONS, "install_all.log")
    run.check("Installing the four addons together")
    return name
