"""Install, upgrade and uninstall of each addon on fresh databases.

Every database is a copy of a template with the dependencies of our addons
(hr, mail, web), or with all our addons, and demo data enabled, so that a
test costs one Odoo run instead of a full install of its dependencies. The
templates are built once for each state of the addons (click-odoo-initdb).
"""

import pytest

ADDONS = (
    "danvan_base",
    "danvan_plan",
    "danvan_models",
    "danvan_complaints",
    "danvan_democracy",
    "danvan_democracy_plan",
)
# Each addon's own addons among ours, with their dependencies' (issue 12):
# danvan_complaints installs without the plan app.
DEPENDS = {
    "danvan_base": set(),
    "danvan_plan": {"danvan_base"},
    "danvan_models": {"danvan_base", "danvan_plan"},
    "danvan_complaints": {"danvan_base"},
    "danvan_democracy": {"danvan_base"},
    "danvan_democracy_plan": {"danvan_base", "danvan_plan", "danvan_democracy"},
}
# The main table of each addon, checked besides those found in the database.
MAIN_TABLES = {
    "danvan_base": "danvan_holiday",
    "danvan_plan": "danvan_plan",
    "danvan_models": "danvan_model_field",
    "danvan_complaints": "danvan_petition",
    "danvan_democracy": "danvan_publication",
    "danvan_democracy_plan": "danvan_plan_report_evidence",
}
HOLIDAY_ID = (
    "SELECT res_id FROM ir_model_data WHERE module = 'danvan_base' "
    "AND name = 'danvan_holiday_2025_tet' AND model = 'danvan.holiday'"
)
# The addons of the release before danvan_base; danvan_democracy and its
# bridge to the plan came later, and the upgrade installs them.
PREVIOUS_RELEASE = ("danvan_plan", "danvan_models", "danvan_complaints")
NEW_SINCE_PREVIOUS = ("danvan_democracy", "danvan_democracy_plan")
WITHOUT_MENUS = {"danvan_democracy_plan"}
UNINSTALL_SCRIPT = """
module = env["ir.module.module"].search([("name", "=", {addon!r})])
assert module.state == "installed", module.state
module.button_immediate_uninstall()
env.cr.commit()
print("danvan-pt: uninstall done")
"""


def with_dependents(addon):
    """``addon`` and those of our addons that depend on it."""
    return {addon} | {other for other, deps in DEPENDS.items() if addon in deps}


def model_tables(pg, db, modules):
    """The tables of the danvan.* models that ``modules`` define (abstract
    models, such as mixins, have none)."""
    rows = pg.query(
        db,
        "SELECT m.model FROM ir_model m JOIN ir_model_data d "
        "ON d.model = 'ir.model' AND d.res_id = m.id "
        "WHERE d.module IN %s AND m.model LIKE 'danvan.%%' "
        "AND m.transient IS NOT TRUE "
        "AND to_regclass(replace(m.model, '.', '_')) IS NOT NULL",
        [tuple(modules)],
    )
    return {model.replace(".", "_") for (model,) in rows}


def module_menus(pg, db, modules):
    """{menu id: xml id} of the menus that ``modules`` create."""
    rows = pg.query(
        db,
        "SELECT res_id, module || '.' || name FROM ir_model_data "
        "WHERE model = 'ir.ui.menu' AND module IN %s",
        [tuple(modules)],
    )
    return dict(rows)


@pytest.mark.parametrize("addon", ADDONS)
def test_addon_installs_alone(addon, odoo, pg, databases, base_template):
    """The addon installs alone, with its demo data, on a fresh database."""
    db = databases.copy(base_template, f"alone_{addon}")
    run = odoo.run(
        ["-d", db, "-i", addon, "--stop-after-init"],
        f"install_{addon}.log",
        scrub=[db, base_template],
    )
    run.check(f"Installing {addon} alone")
    states = pg.module_states(db, ADDONS)
    expected = {addon} | DEPENDS[addon]
    for module in expected:
        assert states[module] == "installed", run.report(
            f"After installing {addon}, {module} is {states[module]!r}"
        )
    extra = sorted(m for m in ADDONS if m not in expected and states[m] == "installed")
    assert not extra, f"Installing {addon} alone also installed {extra}"
    demo = pg.query(db, "SELECT demo FROM ir_module_module WHERE name = %s", [addon])
    assert demo == [(True,)], f"The demo data of {addon} was not loaded: {demo}"
    # odoo.conf keeps Partner Autocomplete out: it sends what is typed in a
    # contact's name to Odoo's servers, which an intranet must not do.
    autocomplete = pg.module_states(db, ["partner_autocomplete"])
    assert autocomplete["partner_autocomplete"] == "uninstalled", run.report(
        f"Installing {addon} alone also installed partner_autocomplete"
    )


def test_upgrade_all(odoo, pg, databases, all_installed_template):
    """Upgrading all our addons works and keeps a user's edit of noupdate data."""
    db = databases.copy(all_installed_template, "upgrade")
    edited = "Edited by a user before the upgrade"
    rows = pg.query(
        db,
        f"UPDATE danvan_holiday SET source = %s WHERE id = ({HOLIDAY_ID}) RETURNING id",
        [edited],
    )
    assert len(rows) == 1, "Record danvan_base.danvan_holiday_2025_tet not found"
    run = odoo.run(
        ["-d", db, "-u", ",".join(ADDONS), "--stop-after-init"],
        "upgrade.log",
        scrub=[db, all_installed_template],
    )
    run.check("Upgrading all our addons")
    states = pg.module_states(db, ADDONS)
    assert set(states.values()) == {"installed"}, run.report(
        f"Module states after the upgrade: {states}"
    )
    for addon in ADDONS:
        assert f"loading {addon}/" in run.text, run.report(
            f"The log does not show that the data files of {addon} were reloaded"
        )
    after = pg.query(db, f"SELECT source FROM danvan_holiday WHERE id = ({HOLIDAY_ID})")
    assert after == [(edited,)], (
        "The upgrade overwrote a user's edit of the noupdate record "
        f"danvan_base.danvan_holiday_2025_tet: its source is now {after}"
    )


@pytest.mark.parametrize(
    "addon",
    [
        "danvan_models",
        "danvan_complaints",
        "danvan_democracy_plan",
        "danvan_democracy",
        "danvan_plan",
        "danvan_base",
    ],
)
def test_uninstall_each(addon, odoo, pg, databases, all_installed_template):
    """Uninstalling the addon (and its dependents) removes its tables and menus."""
    db = databases.copy(all_installed_template, f"uninstall_{addon}")
    removed = with_dependents(addon)
    kept = set(ADDONS) - removed
    # A model that a kept addon also declares (danvan_plan extends the
    # calendar of danvan_base) keeps its table.
    shared = model_tables(pg, db, kept) if kept else set()
    tables = (model_tables(pg, db, removed) - shared) | {
        MAIN_TABLES[m] for m in removed
    }
    kept_tables = {MAIN_TABLES[m] for m in kept}
    missing = tables - pg.tables(db, tables)
    assert not missing, f"Tables missing before the uninstall: {sorted(missing)}"
    menus = module_menus(pg, db, removed)
    # The bridge to the plan adds a page and buttons, no menu.
    assert menus or removed <= WITHOUT_MENUS, (
        f"No menu of {sorted(removed)} found before the uninstall"
    )

    run = odoo.run(
        ["-d", db, "--no-http"],
        f"uninstall_{addon}.log",
        command="shell",
        stdin=UNINSTALL_SCRIPT.format(addon=addon),
        scrub=[db, all_installed_template],
    )
    run.check(f"Uninstalling {addon} in `odoo shell`")
    assert "danvan-pt: uninstall done" in run.text, run.report(
        "The uninstall script given to `odoo shell` did not run to its end"
    )

    states = pg.module_states(db, ADDONS)
    for module in sorted(removed):
        assert states[module] == "uninstalled", run.report(
            f"{module} is {states[module]!r} after uninstalling {addon}"
        )
    for module in sorted(kept):
        assert states[module] == "installed", run.report(
            f"{module} is {states[module]!r} after uninstalling {addon}"
        )
    left = pg.tables(db, tables)
    assert not left, f"Tables left after uninstalling {addon}: {sorted(left)}"
    gone = kept_tables - pg.tables(db, kept_tables)
    assert not gone, f"Uninstalling {addon} dropped tables {sorted(gone)}"
    rows = (
        pg.query(db, "SELECT id FROM ir_ui_menu WHERE id IN %s", [tuple(menus)])
        if menus
        else []
    )
    left_menus = sorted(menus[menu_id] for (menu_id,) in rows)
    assert not left_menus, f"Menus left after uninstalling {addon}: {left_menus}"


def snapshot(pg, db):
    """What an upgrade must keep: the rows of every danvan table, who holds
    each Dân vận role, and the record rules with their groups. Roles and
    groups are named without their module: the upgrade moves them."""
    tables = pg.query(
        db,
        "SELECT m.model FROM ir_model m WHERE m.model LIKE 'danvan.%%' "
        "AND m.transient IS NOT TRUE "
        "AND to_regclass(replace(m.model, '.', '_')) IS NOT NULL",
    )
    ids = {}
    for (model,) in tables:
        table = model.replace(".", "_")
        ids[table] = {row[0] for row in pg.query(db, f'SELECT id FROM "{table}"')}
    roles = pg.query(
        db,
        "SELECT d.name, u.login FROM res_groups_users_rel r "
        "JOIN res_users u ON u.id = r.uid "
        "JOIN ir_model_data d ON d.model = 'res.groups' AND d.res_id = r.gid "
        "WHERE d.name LIKE 'group_danvan%%' ORDER BY 1, 2",
    )
    rules = pg.query(
        db,
        "SELECT m.model, r.name, r.domain_force, r.active, r.perm_read, "
        "r.perm_write, r.perm_create, r.perm_unlink, "
        "(SELECT string_agg(d.name, ',' ORDER BY d.name) FROM rule_group_rel g "
        "JOIN ir_model_data d ON d.model = 'res.groups' AND d.res_id = g.group_id "
        "WHERE g.rule_group_id = r.id) "
        "FROM ir_rule r JOIN ir_model m ON m.id = r.model_id "
        "WHERE m.model LIKE 'danvan.%%' ORDER BY 1, 2, 3",
    )
    return {"ids": ids, "roles": roles, "rules": rules}


def test_upgrade_from_the_previous_release(
    odoo, pg, databases, base_template, all_installed_template, previous_release
):
    """A database of the release before danvan_base, with its demo data, is
    upgraded with ``-u all`` and keeps its records, roles and rules, which
    are those of a fresh install (issue 12, item 5)."""
    db = databases.copy(base_template, "previous")
    old_path = odoo.addons_path.replace(
        str(odoo.root / "addons"), str(previous_release)
    )
    assert old_path != odoo.addons_path, odoo.addons_path
    run = odoo.run(
        ["-d", db, "-i", ",".join(PREVIOUS_RELEASE), "--stop-after-init"],
        "install_previous.log",
        addons_path=old_path,
        scrub=[db, base_template, str(previous_release)],
    )
    run.check("Installing the previous release")
    # The Office's edits of records kept from updates: a day off, the cron.
    edited = "Edited by the Office before the upgrade"
    kept = "SELECT res_id FROM ir_model_data WHERE module = %s AND name = %s"
    pg.query(
        db,
        f"UPDATE danvan_holiday SET source = %s WHERE id = ({kept})",
        [edited, "danvan_plan", "danvan_holiday_2025_tet"],
    )
    pg.query(
        db,
        f"UPDATE ir_cron SET active = false WHERE id = ({kept})",
        ["danvan_plan", "ir_cron_danvan_holiday_generate"],
    )
    before = snapshot(pg, db)
    run = odoo.run(
        [
            "-d",
            db,
            "-u",
            "all",
            "-i",
            ",".join(NEW_SINCE_PREVIOUS),
            "--stop-after-init",
        ],
        "upgrade_previous.log",
        scrub=[db, base_template],
    )
    run.check("Upgrading the previous release to the working tree")
    states = pg.module_states(db, ADDONS)
    assert set(states.values()) == {"installed"}, run.report(
        f"Module states after the upgrade: {states}"
    )
    after = snapshot(pg, db)
    # The new release may bring tables and data of its own (the legal
    # regimes of 2026, ...); every row there before is still there.
    lost = {
        table: sorted(rows - after["ids"].get(table, set()))
        for table, rows in before["ids"].items()
        if rows - after["ids"].get(table, set())
    }
    assert not lost, f"The upgrade deleted records: {lost}"
    # The addons new since then bring demo users of their own.
    logins = {login for _group, login in before["roles"]}
    assert [role for role in after["roles"] if role[1] in logins] == before["roles"], (
        "The upgrade changed who holds a role"
    )
    assert pg.query(
        db,
        f"SELECT source FROM danvan_holiday WHERE id = ({kept})",
        ["danvan_base", "danvan_holiday_2025_tet"],
    ) == [(edited,)], "The upgrade rewrote a day off the Office had edited"
    assert pg.query(
        db,
        f"SELECT active FROM ir_cron WHERE id = ({kept})",
        ["danvan_base", "ir_cron_danvan_holiday_generate"],
    ) == [(False,)], "The upgrade switched the calendar's cron back on"
    # A migration may reword a rule (18.0.1.0.2 of danvan_complaints does)
    # and a new model brings its own; none is lost or given to other groups.
    kept_rules = {(rule[0], rule[-1]) for rule in after["rules"]}
    lost_rules = {(rule[0], rule[-1]) for rule in before["rules"]} - kept_rules
    assert not lost_rules, f"The upgrade lost record rules: {sorted(lost_rules)}"
    fresh = snapshot(pg, all_installed_template)
    assert after["roles"] == fresh["roles"], "Roles differ from a fresh install"
    assert after["rules"] == fresh["rules"], "Rules differ from a fresh install"
    assert after["ids"].keys() == fresh["ids"].keys(), "Tables differ"
