"""HTTP benchmark of a list: requests per second of Odoo's JSON-RPC list call.

Each client logs in (``/web/session/authenticate``) on its node, then repeats
the call that the web client makes to show a list: ``web_search_read`` of the
model with the fields of its list view, ``--limit`` rows (80, the web client's
page). Several ``--url`` spread the clients over the nodes in turn. It stops
after ``--seconds`` or ``--max-requests``, whichever comes first, and prints
the requests per second, per node and in all, with the latencies.

    python scripts/bench_http.py --url http://127.0.0.1:8069 \\
        --url http://127.0.0.1:8070 --db danvan --login tiepdan \\
        --password tiepdan --model danvan.petition --seconds 30 --clients 4

Importable: ``run(urls, db, login, password, model, ...)`` returns the
figures as a dict. Exits 1 when a request failed or none was made.
"""

import argparse
import itertools
import json
import statistics
import sys
import threading
import time
import xml.etree.ElementTree as ET

import requests

TIMEOUT = 60
RELATIONAL = ("many2one", "many2many", "one2many", "many2one_reference")


class RpcError(Exception):
    """An answer of Odoo with an ``error`` member, or no ``result``."""


class Client:
    """One logged-in session on one node."""

    def __init__(self, url, db, login, password):
        self.url = url.rstrip("/")
        self.http = requests.Session()
        self.ids = itertools.count(1)
        self.user = self.rpc(
            "/web/session/authenticate",
            {"db": db, "login": login, "password": password},
        )
        if not self.user.get("uid"):
            raise RpcError(f"{self.url}: login {login!r} refused")

    def rpc(self, path, params):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(self.ids),
            "params": params,
        }
        reply = self.http.post(self.url + path, json=payload, timeout=TIMEOUT)
        reply.raise_for_status()
        body = reply.json()
        if "error" in body:
            data = body["error"].get("data") or {}
            raise RpcError(f"{self.url}{path}: {data.get('message') or body['error']}")
        return body["result"]

    def call(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", self.user.get("user_context", {}))
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )


def list_specification(client, model):
    """The ``specification`` that the web client sends for the model's list
    view: its columns, relational ones with their display name."""
    views = client.call(model, "get_views", [[False, "list"]], options={})
    arch = ET.fromstring(views["views"]["list"]["arch"])
    fields = views["models"][model]["fields"]
    spec = {}
    # Only the list's own columns, not those of an x2many's embedded list.
    for node in arch.findall("field"):
        name = node.get("name")
        kind = fields.get(name, {}).get("type")
        spec[name] = {"fields": {"display_name": {}}} if kind in RELATIONAL else {}
    return spec


def run(
    urls,
    db,
    login,
    password,
    model,
    seconds=10.0,
    clients=2,
    limit=80,
    max_requests=100000,
    domain=(),
):
    """Run the benchmark; returns {"requests", "errors", "seconds", "rps",
    "per_url": {url: count}, "p50_ms", "p95_ms", "first_error"}."""
    urls = list(urls)
    sessions = [
        Client(urls[i % len(urls)], db, login, password) for i in range(clients)
    ]
    spec = list_specification(sessions[0], model)
    lock = threading.Lock()
    counts = dict.fromkeys(urls, 0)
    latencies = []
    errors = []
    budget = itertools.count()
    deadline = time.monotonic() + seconds

    def work(client):
        while time.monotonic() < deadline and next(budget) < max_requests:
            start = time.monotonic()
            try:
                result = client.call(
                    model,
                    "web_search_read",
                    domain=list(domain),
                    specification=spec,
                    offset=0,
                    limit=limit,
                    order="",
                    count_limit=10001,
                )
                if "records" not in result:
                    raise RpcError(f"{client.url}: no records in {result!r}"[:300])
            except (requests.RequestException, RpcError, ValueError) as exc:
                with lock:
                    errors.append(str(exc))
                continue
            elapsed = time.monotonic() - start
            with lock:
                counts[client.url] += 1
                latencies.append(elapsed)

    started = time.monotonic()
    threads = [threading.Thread(target=work, args=(c,)) for c in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    total = sum(counts.values())
    ordered = sorted(latencies)
    return {
        "requests": total,
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
        "seconds": wall,
        "rps": total / wall if wall else 0.0,
        "per_url": counts,
        "p50_ms": 1000 * statistics.median(ordered) if ordered else None,
        "p95_ms": 1000 * ordered[int(0.95 * (len(ordered) - 1))] if ordered else None,
        "columns": len(spec),
    }


def report(figures, model, clients, limit):
    lines = [
        f"web_search_read {model}, {limit} rows, {figures['columns']} columns, "
        f"{clients} clients: {figures['requests']} requests in "
        f"{figures['seconds']:.1f} s = {figures['rps']:.1f} req/s "
        f"(p50 {figures['p50_ms'] or 0:.0f} ms, p95 {figures['p95_ms'] or 0:.0f} ms), "
        f"{figures['errors']} errors"
    ]
    for url, count in figures["per_url"].items():
        lines.append(
            f"  {url}: {count} requests, {count / figures['seconds']:.1f} req/s"
        )
    if figures["first_error"]:
        lines.append(f"  first error: {figures['first_error']}")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url", action="append", required=True, help="a node; repeat for several"
    )
    parser.add_argument("--db", required=True)
    parser.add_argument("--login", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--model", default="danvan.petition")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--limit", type=int, default=80)
    parser.add_argument("--max-requests", type=int, default=100000)
    parser.add_argument(
        "--domain",
        type=json.loads,
        default=[],
        help="The list's domain, in JSON (the default filters of its menu).",
    )
    args = parser.parse_args(argv)
    figures = run(
        args.url,
        args.db,
        args.login,
        args.password,
        args.model,
        seconds=args.seconds,
        clients=args.clients,
        limit=args.limit,
        max_requests=args.max_requests,
        domain=args.domain,
    )
    print(report(figures, args.model, args.clients, args.limit))
    return 0 if figures["requests"] and not figures["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
