"""Two Odoo nodes on one database, with a streaming replica (issue 15, item 5).

scripts/nodes.sh starts, on this machine, a hot standby of the local
PostgreSQL cluster, PgBouncer in front of the primary when it is there or
installable, and two Odoo nodes with workers on a copy of the database with
all our addons and their demo data, sharing its filestore and sessions. A
record written through node A is read through node B, whose list is served
by the replica, and the HTTP benchmark runs against both nodes. Everything
the test started is stopped; the replica cluster is removed if the test made
it, and left as it was found otherwise.
"""

import fcntl
import importlib.util
import os
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg2
import pytest
import requests
from conftest import BAD_LINE_RE, free_port

LOCK = "/tmp/danvan-nodes.lock"
REPLICA_CLUSTER = "danvan_replica"
REPLICA_PORT = "5434"
SCRIPT_TIMEOUT = 300
REPLAY_TIMEOUT = 30
# A backend flushes its statistics at most once a second, or 10 s later
# when it went idle right after a flush.
STATS_TIMEOUT = 15
LOGIN = "vanphong"  # the Office of the demo data (password = login)
# A plan's tasks: their reads are read-only requests. Those of petitions and
# cases are not: reading them may log who saw a citizen's identity (TC-13),
# so they run on the primary.
MODEL = "danvan.plan.task"


def bench_module(root):
    """scripts/bench_http.py, imported from its file."""
    spec = importlib.util.spec_from_file_location(
        "bench_http", root / "scripts" / "bench_http.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clusters():
    """{name: (version, status)} of the Debian clusters (pg_lsclusters)."""
    out = subprocess.run(
        ["pg_lsclusters", "-h"], capture_output=True, text=True, check=True
    ).stdout
    return {
        cols[1]: (cols[0], cols[3])
        for cols in (line.split() for line in out.splitlines())
        if len(cols) >= 4
    }


def replica_query(db, query, params=None):
    """One statement on the replica (the primary's socket folder, its port)."""
    conn = psycopg2.connect(dbname=db, port=REPLICA_PORT)
    try:
        conn.autocommit = True
        with conn.cursor() as cr:
            cr.execute(query, params)
            return cr.fetchall()
    finally:
        conn.close()


def pgbouncer_stats(port, db):
    """The transactions PgBouncer passed to ``db`` (its admin console)."""
    conn = psycopg2.connect(host="127.0.0.1", port=port, dbname="pgbouncer")
    try:
        conn.autocommit = True
        with conn.cursor() as cr:
            cr.execute("SHOW STATS")
            names = [col.name for col in cr.description]
            rows = [dict(zip(names, row, strict=True)) for row in cr.fetchall()]
    finally:
        conn.close()
    return sum(row["total_xact_count"] for row in rows if row["database"] == db)


@dataclass
class Nodes:
    db: str
    url_a: str
    url_b: str
    pgbouncer_port: int
    pgbouncer: bool
    folder: Path
    output: str


def run_script(root, env, command):
    return subprocess.run(
        ["bash", str(root / "scripts" / "nodes.sh"), command],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=SCRIPT_TIMEOUT,
        check=False,
    )


@pytest.fixture
def nodes(root, out_dir, odoo, databases, all_installed_template):
    """The two nodes of scripts/nodes.sh on a copy of the database with all
    our addons; stops everything and restores the replica cluster after."""
    with open(LOCK, "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        before = clusters().get(REPLICA_CLUSTER)
        db = databases.copy(all_installed_template, "nodes")
        folder = out_dir / "nodes"
        ports = {
            name: free_port()
            for name in ("A", "B", "A_GEVENT", "B_GEVENT", "PGBOUNCER")
        }
        env = dict(
            odoo.env(),
            DANVAN_DB=db,
            DANVAN_NODES_DIR=str(folder),
            DANVAN_NODES_DATA_DIR=str(odoo.data_dir),
            DANVAN_NODE_A_PORT=str(ports["A"]),
            DANVAN_NODE_B_PORT=str(ports["B"]),
            DANVAN_NODE_A_GEVENT_PORT=str(ports["A_GEVENT"]),
            DANVAN_NODE_B_GEVENT_PORT=str(ports["B_GEVENT"]),
            DANVAN_PGBOUNCER_PORT=str(ports["PGBOUNCER"]),
            DANVAN_REPLICA_CLUSTER=REPLICA_CLUSTER,
            DANVAN_REPLICA_PORT=REPLICA_PORT,
            DANVAN_NODES_LOCK_HELD="1",
        )
        pidfiles = [folder / "node-A.pid", folder / "node-B.pid"]
        try:
            start = run_script(root, env, "start")
            output = start.stdout + start.stderr
            assert start.returncode == 0, (
                f"scripts/nodes.sh start failed ({start.returncode}):\n{output}"
            )
            yield Nodes(
                db,
                f"http://127.0.0.1:{ports['A']}",
                f"http://127.0.0.1:{ports['B']}",
                ports["PGBOUNCER"],
                "PgBouncer (session pooling)" in output,
                folder,
                output,
            )
        finally:
            pids = [int(p.read_text()) for p in pidfiles if p.exists()]
            stop = run_script(root, env, "stop")
            if before is None:
                run_script(root, env, "drop-replica")
            elif "online" in before[1]:
                subprocess.run(
                    ["pg_ctlcluster", "--skip-systemctl-redirect", before[0]]
                    + [REPLICA_CLUSTER, "start"],
                    check=False,
                )
        assert stop.returncode == 0, (
            f"scripts/nodes.sh stop failed:\n{stop.stdout}{stop.stderr}"
        )
        left = [pid for pid in pids if pid_alive(pid)]
        assert not left, f"Odoo nodes still running after the stop: {left}"
        assert (clusters().get(REPLICA_CLUSTER) is None) == (before is None), (
            "The replica cluster was not left as the test found it"
        )


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for(condition, timeout):
    """Whether ``condition()`` came true within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def replica_reads(db):
    """Scans of the tasks' table on the replica: a hot standby counts the
    reads it serves itself."""
    rows = replica_query(
        db,
        "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) "
        "FROM pg_stat_user_tables WHERE relname = 'danvan_plan_task'",
    )
    return rows[0][0]


def test_a_write_on_node_a_is_read_on_node_b_from_the_replica(nodes, root):
    bench = bench_module(root)
    node_a = bench.Client(nodes.url_a, nodes.db, LOGIN, LOGIN)
    [task] = node_a.call(
        MODEL,
        "web_search_read",
        domain=[("date_deadline", "!=", False)],
        specification={"item_id": {}, "lead_department_id": {}, "date_deadline": {}},
        limit=1,
    )["records"]
    name = f"Nhiệm vụ ghi qua máy chủ A ({os.getpid()})"
    record_id = node_a.call(
        MODEL,
        "create",
        {
            "name": name,
            "item_id": task["item_id"],
            "lead_department_id": task["lead_department_id"],
            "date_deadline": task["date_deadline"],
        },
    )
    assert isinstance(record_id, int), record_id

    # Streaming replication is asynchronous: wait until the replica has it.
    query = "SELECT name FROM danvan_plan_task WHERE id = %s"
    assert wait_for(
        lambda: replica_query(nodes.db, query, [record_id]) == [(name,)], REPLAY_TIMEOUT
    ), f"The task written on node A did not reach the replica in {REPLAY_TIMEOUT} s"

    # Node B knows node A's session: the sessions are in the shared data folder.
    info = requests.post(
        nodes.url_b + "/web/session/get_session_info",
        json={"jsonrpc": "2.0", "method": "call", "params": {}},
        cookies=node_a.http.cookies,
        timeout=30,
    ).json()
    assert info.get("result", {}).get("uid") == node_a.user["uid"], info

    reads_before = replica_reads(nodes.db)
    node_b = bench.Client(nodes.url_b, nodes.db, LOGIN, LOGIN)
    [record] = node_b.call(MODEL, "web_read", [record_id], specification={"name": {}})
    assert record["name"] == name, record
    spec = bench.list_specification(node_b, MODEL)
    assert {"name", "lead_department_id", "state"} <= spec.keys(), spec
    page = node_b.call(
        MODEL, "web_search_read", domain=[], specification=spec, limit=80, order=""
    )
    assert record_id in [row["id"] for row in page["records"]], (
        "The list served by node B does not show the task written on node A"
    )
    # A hot standby counts the scans it serves; the cursor mode ends Odoo's
    # line of each request ("ro": the replica's cursor).
    assert wait_for(lambda: replica_reads(nodes.db) > reads_before, STATS_TIMEOUT), (
        "The replica served no read of the tasks: node B's list did not use it"
    )
    log_b = (nodes.folder / "node-B.log").read_text(errors="replace")
    assert re.search(
        rf"/call_kw/{re.escape(MODEL)}/web_search_read .* ro$", log_b, re.M
    ), "Node B did not log its list as served on a read-only cursor"
    [(connections,)] = replica_query(
        "postgres",
        "SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
        "AND application_name LIKE 'danvan-node-B-%%'",
        [nodes.db],
    )
    assert connections, "Node B holds no connection to the replica"

    if nodes.pgbouncer:
        assert pgbouncer_stats(nodes.pgbouncer_port, nodes.db) > 0, (
            "PgBouncer passed no transaction of the nodes to the primary"
        )
    else:
        assert "PgBouncer: skipped" in nodes.output, nodes.output

    figures = bench.run(
        [nodes.url_a, nodes.url_b], nodes.db, LOGIN, LOGIN, MODEL, seconds=3, clients=2
    )
    print(bench.report(figures, MODEL, 2, 80))
    assert figures["requests"] and not figures["errors"], figures
    assert all(figures["per_url"].values()), figures["per_url"]

    for name in ("A", "B"):
        log = (nodes.folder / f"node-{name}.log").read_text(errors="replace")
        bad = [line for line in log.splitlines() if BAD_LINE_RE.search(line)]
        assert not bad, f"Node {name} logged problems:\n" + "\n".join(bad[:20])
