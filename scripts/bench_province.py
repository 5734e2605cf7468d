# ruff: noqa: F821  (run by `odoo shell`, which defines ``env``)
"""Province benchmark (issue 15): a province's data in one database, and the
users' operations on it beside Odoo Project's task list at the same size.

Run by scripts/bench.sh through ``odoo shell`` on a database with
danvan_complaints, danvan_plan and project installed, without demo data.

The data: for each agency (a company) a small seed made through the ORM, so
that stored computes, deadlines and rules are right, then multiplied by
Odoo's own duplication (``odoo.tools.populate``, as ``odoo-bin populate``
does: one INSERT ... SELECT per table, dates spread back over four years).
The operations: each as the role that does it, warm, repeated; the minimum
and the median in milliseconds and the queries of one run are printed, and
the ratio of each to the peer's operation it is compared with.
"""

import json
import os
import statistics
import subprocess
import time
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import Command, fields
from odoo.tools.populate import populate_models
from odoo.tools.safe_eval import safe_eval

PETITIONS = int(os.environ.get("BENCH_PETITIONS", "1000000"))
AGENCIES = int(os.environ.get("BENCH_AGENCIES", "20"))
RUNS = int(os.environ.get("BENCH_RUNS", "15"))
# The seed of the whole province; the factor multiplies it to PETITIONS.
# Per 1,000 petitions: 80 cases, 200 plan tasks, 20 visits, 1,000 peer tasks.
SEED_PETITIONS = 1000
OFFICERS = 3
UNITS = 5


def _today():
    return fields.Date.context_today(env["res.users"])


def _user(company, login, groups, department):
    user = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": login,
                "login": login,
                "password": login,
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "groups_id": [Command.set([env.ref(g).id for g in groups])],
            }
        )
    )
    env["hr.employee"].create(
        {
            "name": login,
            "user_id": user.id,
            "department_id": department.id,
            "company_id": company.id,
        }
    )
    return user


def _seed_agency(index, company):
    """Units, the users of each role, and this agency's share of the seed."""
    office = env["hr.department"].create(
        {"name": f"Văn phòng {index}", "company_id": company.id}
    )
    units = env["hr.department"].create(
        [{"name": f"Phòng {index}.{n}", "company_id": company.id} for n in range(UNITS)]
    )
    reception = "danvan_complaints.group_danvan_reception"
    users = {
        "officers": [
            _user(company, f"bench_officer_{index}_{n}", [reception], office)
            for n in range(OFFICERS)
        ],
        "staff": _user(
            company,
            f"bench_staff_{index}",
            ["danvan_base.group_danvan_staff"],
            units[0],
        ),
        "office": _user(
            company,
            f"bench_office_{index}",
            ["danvan_base.group_danvan_office", "project.group_project_user"],
            office,
        ),
        "leader": _user(
            company,
            f"bench_leader_{index}",
            ["danvan_base.group_danvan_leadership", reception],
            office,
        ),
        "peer": _user(
            company, f"bench_project_{index}", ["project.group_project_user"], office
        ),
    }
    agency = env(context={"tracking_disable": True, "mail_create_nolog": True})
    today = _today()
    share = SEED_PETITIONS // AGENCIES
    values = []
    for n in range(share):
        accepted = n % 12 == 0
        kind = ("complaint", "denunciation", "petition")[n % 3]
        if accepted:
            kind = ("complaint", "denunciation")[n // 12 % 2]
        state = (
            "processed" if n % 10 > 1 or accepted else ("received", "classified")[n % 2]
        )
        values.append(
            {
                "summary": f"Đơn {index}.{n}",
                "date_received": today - timedelta(days=n % 60),
                "petition_type": kind,
                "company_id": company.id,
                "handler_id": users["officers"][n % OFFICERS].id,
                "department_id": office.id,
                "qualified": "yes",
                "state": state,
                "outcome": "accept"
                if accepted
                else ("file" if state == "processed" else False),
                "date_processed": min(today, today - timedelta(days=n % 60 - 5))
                if state == "processed"
                else False,
                "sender_ids": [
                    Command.create(
                        {"name": f"Công dân {index}.{n}", "address": "Thôn 1"}
                    )
                ],
            }
        )
    petitions = agency["danvan.petition"].create(values)
    for petition in petitions.filtered(lambda p: p.outcome == "accept"):
        model = {"complaint": "danvan.complaint", "denunciation": "danvan.denunciation"}
        agency[model[petition.petition_type]].create(
            {
                "petition_id": petition.id,
                "company_id": company.id,
                "handler_id": petition.handler_id.id,
                "date_accepted": min(today, petition.date_received + timedelta(days=3)),
                "acceptance_reference": "1/TB",
                "state": "accepted",
            }
        )
    agency["danvan.reception.visit"].with_user(users["officers"][0]).create(
        [
            {
                "date": today - timedelta(days=n * 3),
                "summary": f"Lượt tiếp {index}.{n}",
                "petition_type": "petition",
                "path": "accept",
                "visitor_ids": [Command.create({"name": f"Người đến {index}.{n}"})],
            }
            for n in range(SEED_PETITIONS // 50 // AGENCIES)
        ]
    )
    plan = agency["danvan.plan"].create(
        {
            "name": f"Kế hoạch {index}",
            "year": today.year,
            "plan_type": "other",
            "company_id": company.id,
        }
    )
    items = agency["danvan.plan.item"].create(
        [
            {"plan_id": plan.id, "mark": str(n + 1), "name": f"Mục {n + 1}"}
            for n in range(5)
        ]
    )
    tasks = agency["danvan.plan.task"].create(
        [
            {
                "name": f"Nhiệm vụ {index}.{n}",
                "item_id": items[n % 5].id,
                "lead_department_id": units[n % UNITS].id,
                "recurrence": "quarterly",
                "date_deadline": today + timedelta(days=n % 90 - 30),
            }
            for n in range(SEED_PETITIONS // 5 // AGENCIES)
        ]
    )
    agency["danvan.plan.report"].create(
        [
            {
                "task_id": task.id,
                "period_id": task.period_ids[:1].id,
                "department_id": task.lead_department_id.id,
                "content": "<p>Đã thực hiện.</p>",
                "progress": 50,
            }
            for task in tasks
            if task.period_ids
        ]
    )
    project = agency["project.project"].create(
        {"name": f"Dự án {index}", "company_id": company.id}
    )
    stages = agency["project.task.type"].create(
        [
            {"name": name, "project_ids": [Command.link(project.id)]}
            for name in ("Mới", "Đang làm", "Xong")
        ]
    )
    agency["project.task"].create(
        [
            {
                "name": f"Công việc {index}.{n}",
                "project_id": project.id,
                "stage_id": stages[n % 3].id,
                "user_ids": [Command.link(users["peer"].id)],
                "date_deadline": today + timedelta(days=n % 90 - 30),
                "company_id": company.id,
            }
            for n in range(SEED_PETITIONS // AGENCIES)
        ]
    )
    return users


def _age_backlog():
    """The copies spread the seed's open petitions and cases over four years:
    as in a real register, most old ones are processed or closed since; one
    petition in three stays open past its deadline (the backlog the deadline
    cron catches up), and one case in ten."""
    env.cr.execute(
        """
        UPDATE danvan_petition
           SET state = 'processed', outcome = 'file',
               date_processed = LEAST(date_deadline, CURRENT_DATE)
         WHERE state != 'processed' AND id % 3 != 0
           AND date_received < CURRENT_DATE - 60
        """
    )
    for table in ("danvan_complaint", "danvan_denunciation"):
        env.cr.execute(
            f"""
            UPDATE {table} SET state = 'closed'
             WHERE state = 'accepted' AND id % 10 != 0
               AND date_accepted < CURRENT_DATE - 90
            """  # noqa: S608 (two table names of ours)
        )


def _agency_users(index):
    login = f"bench_%s_{index}"
    Users = env["res.users"].with_context(active_test=False)
    return {
        "officers": [
            Users.search([("login", "=", f"bench_officer_{index}_{n}")])
            for n in range(OFFICERS)
        ],
        **{
            role: Users.search([("login", "=", login % role)])
            for role in ("staff", "office", "leader")
        },
        "peer": Users.search([("login", "=", login % "project")]),
    }


def seed():
    """The province's data, made once per database."""
    if env["res.users"].search_count([("login", "=", "bench_officer_0_0")]):
        print("Data: already in the database")
        return _agency_users(0)
    started = time.time()
    companies = env.company
    companies |= env["res.company"].create(
        [{"name": f"Sở {n + 1}"} for n in range(1, AGENCIES)]
    )
    env.user.company_ids |= companies
    agencies = [_seed_agency(n, company) for n, company in enumerate(companies)]
    env.flush_all()
    factor = max(1, PETITIONS // SEED_PETITIONS)
    models = [
        "danvan.petition",
        "danvan.petition.sender",
        "danvan.complaint",
        "danvan.denunciation",
        "danvan.reception.visit",
        "danvan.reception.visitor",
        "danvan.plan.item",
        "danvan.plan.task",
        "danvan.plan.task.period",
        "danvan.plan.report",
        "project.task",
    ]
    if factor > 1:
        populate_models({env[name]: factor for name in models}, ord("_"))
        env.flush_all()
        _age_backlog()
    env.invalidate_all()
    env.cr.commit()
    # What autovacuum does on a live database, before it is measured.
    subprocess.run(["vacuumdb", "--analyze", "--quiet", env.cr.dbname], check=True)
    counts = {
        name: env[name].sudo().with_context(active_test=False).search_count([])
        for name in models
    }
    print(f"Data: {AGENCIES} agencies in {time.time() - started:.0f} s")
    for name, count in counts.items():
        print(f"  {name:28} {count:>10,}")
    return agencies[0]


def _action_domain(action_xmlid, user):
    """The domain of the list an action opens, with its default filters:
    what the web client asks for when the menu is clicked."""
    action = env.ref(action_xmlid).sudo()
    context = safe_eval(action.context or "{}", {"uid": user.id})
    model = env[action.res_model].with_user(user)
    arch = model.get_views([(action.search_view_id.id, "search")])["views"]["search"][
        "arch"
    ]
    eval_context = _eval_context(user)
    domain = safe_eval(action.domain or "[]", eval_context)
    for node in etree.fromstring(arch).iter("filter"):
        if context.get(f"search_default_{node.get('name')}") and node.get("domain"):
            domain = (
                ["&", *safe_eval(node.get("domain"), eval_context), *domain]
                if domain
                else safe_eval(node.get("domain"), eval_context)
            )
    return action.res_model, domain


def _filter_domain(model_name, filter_name, user):
    """The domain of a filter of a model's search view, as the web client
    evaluates it."""
    model = env[model_name].with_user(user)
    arch = model.get_views([(False, "search")])["views"]["search"]["arch"]
    node = etree.fromstring(arch).find(f".//filter[@name='{filter_name}']")
    return safe_eval(node.get("domain"), _eval_context(user))


def _eval_context(user):
    return {
        "uid": user.id,
        "context_today": _today,
        "relativedelta": relativedelta,
    }


def _list_spec(model):
    fields_ = model.get_views([(False, "list")])["models"][model._name]["fields"]
    return {
        name: {"fields": {"display_name": {}}}
        if model._fields[name].type == "many2one"
        else {}
        for name in fields_
        if name in model._fields
    }


def _measure(operation):
    """Min and median milliseconds of RUNS warm runs, and one run's queries."""
    operation()
    times = []
    queries = 0
    for _n in range(RUNS):
        env.invalidate_all()
        start_queries = env.cr.sql_log_count
        start = time.perf_counter()
        operation()
        times.append((time.perf_counter() - start) * 1000)
        queries = env.cr.sql_log_count - start_queries
    return min(times), statistics.median(times), queries


def measure(users):
    officer, staff, office = users["officers"][0], users["staff"], users["office"]
    peer = users["peer"]

    def list_of(action_xmlid, user):
        name, domain = _action_domain(action_xmlid, user)
        model = env[name].with_user(user)
        spec = _list_spec(model)
        return lambda: model.web_search_read(domain, spec, limit=80, count_limit=10001)

    Petition = env["danvan.petition"].with_user(officer)
    open_domain = _filter_domain("danvan.petition", "filter_open", officer)
    overdue_domain = _filter_domain("danvan.petition", "filter_late", officer)
    today = _today()
    Statistic = env["danvan.complaints.statistic"].with_user(users["leader"])
    year = [("date_received", ">=", today.replace(month=1, day=1))]
    Task = env["project.task"].with_user(peer)
    operations = {
        "peer: task list (80 rows + count)": list_of(
            "project.action_view_all_task", peer
        ),
        "peer: tasks grouped by stage": lambda: Task.web_read_group(
            [], ["stage_id"], ["stage_id"]
        ),
        "peer: overdue tasks count": lambda: Task.search_count(
            [
                (
                    "state",
                    "in",
                    [
                        "01_in_progress",
                        "02_changes_requested",
                        "03_approved",
                        "04_waiting_normal",
                    ],
                ),
                ("date_deadline", "<", fields.Datetime.now()),
            ]
        ),
        "petition list (80 rows + count), officer": list_of(
            "danvan_complaints.danvan_petition_action", officer
        ),
        "open petitions grouped by state": lambda: Petition.web_read_group(
            open_domain, ["state"], ["state"]
        ),
        "overdue petitions count": lambda: Petition.search_count(overdue_domain),
        "denunciation case list, officer": list_of(
            "danvan_complaints.danvan_denunciation_action", officer
        ),
        "plan task list, staff": list_of("danvan_plan.danvan_plan_task_action", staff),
        "statistics pivot, one year": lambda: Statistic.read_group(
            year,
            ["on_time:avg", "case_on_time:avg"],
            ["petition_type", "outcome"],
            lazy=False,
        ),
        "statistics pivot, all years": lambda: Statistic.read_group(
            [],
            ["on_time:avg", "case_on_time:avg"],
            ["petition_type", "outcome"],
            lazy=False,
        ),
        "Office dashboard": lambda: env["danvan.plan.dashboard"]
        .with_user(office)
        .get_dashboard_data(),
    }
    results = {}
    print(f"\nOperations: min / median of {RUNS} warm runs, queries of one run")
    for label, operation in operations.items():
        results[label] = _measure(operation)
        low, median, queries = results[label]
        print(f"  {label:46} {low:9.1f} {median:9.1f} ms {queries:5} q")
        env.cr.rollback()
    return results


# Each goal: (operation, peer operation, highest ratio), from the issue.
GOALS = [
    (
        "petition list (80 rows + count), officer",
        "peer: task list (80 rows + count)",
        0.1,
    ),
    ("open petitions grouped by state", "peer: tasks grouped by stage", 0.1),
    ("overdue petitions count", "peer: overdue tasks count", 0.1),
    ("denunciation case list, officer", "peer: task list (80 rows + count)", 0.1),
    ("plan task list, staff", "peer: task list (80 rows + count)", 0.1),
    ("statistics pivot, one year", "peer: tasks grouped by stage", 0.5),
    ("statistics pivot, all years", "peer: tasks grouped by stage", 1.0),
    ("Office dashboard", "peer: task list (80 rows + count)", 0.25),
]
MAX_DASHBOARD_QUERIES = 20
# Odoo's default limit_time_real, which a cron run must stay within.
CRON_LIMIT = 120


def report(results):
    """Prints each goal with its ratio; returns how many were missed."""
    missed = 0
    print("\nGoals (ratio of the minimum to the peer's, in the same run)")
    for label, peer, goal in GOALS:
        ratio = results[label][0] / results[peer][0]
        ok = ratio <= goal
        missed += not ok
        print(
            f"  {label:46} {ratio:6.2f}x (at most {goal}x): {'OK' if ok else 'MISSED'}"
        )
    cron = results["cron"]
    for label, value, goal, unit in (
        ("Deadline cron, queries per notified petition", cron["per_record"], 3, ""),
        (
            "Deadline cron, one run (the cron commits each)",
            cron["run"],
            CRON_LIMIT,
            " s",
        ),
    ):
        ok = cron["notified"] > 0 and value <= goal
        missed += not ok
        verdict = "OK" if ok else "MISSED"
        print(f"  {label:46} {value:6.1f}{unit} (at most {goal}{unit}): {verdict}")
    queries = results["Office dashboard"][2]
    ok = queries <= MAX_DASHBOARD_QUERIES
    missed += not ok
    verdict = "OK" if ok else "MISSED"
    label = "Office dashboard queries"
    print(f"  {label:46} {queries:6} (at most {MAX_DASHBOARD_QUERIES}): {verdict}")
    return missed


def measure_cron():
    """One run of the petitions' deadline cron on the backlog, rolled back:
    its time, its queries per notified petition, and the time its runs
    would take to clear the backlog, beside the cron's default time limit."""
    Petition = env["danvan.petition"]
    flagged = ["|", ("deadline_warned", "=", True), ("deadline_escalated", "=", True)]
    backlog = Petition.search_count(
        [
            *Petition._deadline_open_domain(),
            ("deadline_escalated", "=", False),
            ("date_deadline", "<", _today()),
        ]
    )
    env.cr.execute("SAVEPOINT bench_cron")
    before = Petition.search_count(flagged)
    start_queries = env.cr.sql_log_count
    start = time.perf_counter()
    Petition._cron_check_deadlines()
    env.flush_all()
    seconds = time.perf_counter() - start
    queries = env.cr.sql_log_count - start_queries
    notified = Petition.search_count(flagged) - before
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_cron")
    env.invalidate_all()
    runs = -(-backlog // max(notified, 1))
    print(
        f"\nDeadline cron: {backlog:,} overdue petitions; one run notified "
        f"{notified:,} in {seconds:.1f} s, {queries:,} queries; "
        f"{runs} runs clear the backlog in about {runs * seconds:.0f} s"
    )
    return {
        "per_record": queries / max(notified, 1),
        "run": seconds,
        "notified": notified,
    }


def http_lists(users):
    """The two lists the HTTP benchmark asks for, as their menus open them."""
    lists = {}
    for key, action, user in (
        ("ours", "danvan_complaints.danvan_petition_action", users["officers"][0]),
        ("peer", "project.action_view_all_task", users["peer"]),
    ):
        model, domain = _action_domain(action, user)
        lists[key] = {"model": model, "domain": domain, "login": user.login}
    return lists


agency_users = seed()
bench_results = measure(agency_users)
bench_results["cron"] = measure_cron()
bench_missed = report(bench_results)
if os.environ.get("BENCH_HTTP_LISTS"):
    with open(os.environ["BENCH_HTTP_LISTS"], "w", encoding="utf-8") as lists_file:
        json.dump(http_lists(agency_users), lists_file, default=str)
print(f"\nProvince benchmark: {bench_missed} goal(s) missed")
