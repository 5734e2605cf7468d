"""The upgrade of a database of the release before danvan_base (issue 12).

danvan_base is installed, as the new dependency of danvan_plan and
danvan_complaints, before either is updated. Its records, roles and models
were danvan_plan's (and the table of legal time limits danvan_complaints'):
their xml ids are renamed here, before danvan_base loads its data, so that
its data updates the existing records. Without it, the update of danvan_plan
would delete the records whose xml ids left it (the roles: users would lose
them) and danvan_base would create them anew.

danvan_base is loaded in install mode, which rewrites even the records kept
from updates (``noupdate``): the days off the Office edited, the cron it
switched off. Those rows are copied aside before the load and put back
after it, as an update would have left them.
"""

from lxml import etree
from psycopg2 import sql

from odoo.modules.module import get_manifest
from odoo.tools import file_open

# The models that moved, by the addon that held them.
MOVED_MODELS = {
    "danvan_plan": (
        "danvan.holiday",
        "danvan.holiday.generate",
        "danvan.my.work",
        "danvan.workflow.mixin",
        "danvan.attachment.mixin",
        "danvan.report.document.mixin",
    ),
    "danvan_complaints": ("danvan.time.limit",),
}
# The models that danvan_plan extended with fields that moved, all of them.
MOVED_FIELDS_OF = ("res.company", "res.config.settings")
# The records Odoo makes along with a user or a cron, named after it.
DERIVED_SUFFIXES = ("_res_partner", "_resource_resource", "_ir_actions_server")
# The copies of the kept records, by table, while danvan_base loads.
KEPT_PREFIX = "danvan_base_kept_"
# The reception role and its demo user go to the reception addon; in a
# database without it, the role keeps its members until it is installed.
TO_COMPLAINTS = (
    "group_danvan_reception",
    "user_danvan_reception_demo",
    "hr_employee_danvan_reception_demo",
)


def pre_init_hook(env):
    cr = env.cr
    cr.execute("SELECT 1 FROM ir_model_data WHERE module = 'danvan_plan' LIMIT 1")
    if not cr.rowcount:
        return  # a new database: nothing to keep
    _rename(cr, "danvan_plan", "danvan_complaints", TO_COMPLAINTS)
    declared = _declared_ids()
    # Of danvan_complaints only the time limits moved: its settings view
    # keeps its name in it.
    _rename(cr, "danvan_plan", "danvan_base", declared)
    _rename(
        cr,
        "danvan_complaints",
        "danvan_base",
        tuple(name for name in declared if "time_limit" in name),
    )
    for module, models in MOVED_MODELS.items():
        _rename_model_ids(cr, module, models)
        _move_constraints(cr, module, models)
    cr.execute(
        """
        UPDATE ir_model_data d SET module = 'danvan_base'
          FROM ir_model_fields f
         WHERE d.module = 'danvan_plan' AND d.model = 'ir.model.fields'
           AND d.res_id = f.id AND f.model IN %s
        """,
        [MOVED_FIELDS_OF],
    )
    _keep_noupdate_rows(env)


def post_init_hook(env):
    """Put back the kept records as they were before danvan_base loaded."""
    cr = env.cr
    cr.execute(
        "SELECT tablename FROM pg_tables WHERE tablename LIKE %s",
        [KEPT_PREFIX.replace("_", r"\_") + "%"],
    )
    for (kept,) in cr.fetchall():
        table = kept[len(KEPT_PREFIX) :]
        cr.execute(
            """
            SELECT k.column_name FROM information_schema.columns k
              JOIN information_schema.columns t
                ON t.table_name = %s AND t.column_name = k.column_name
             WHERE k.table_name = %s AND k.column_name != 'id'
            """,
            [table, kept],
        )
        columns = [sql.Identifier(name) for (name,) in cr.fetchall()]
        if columns:
            cr.execute(
                sql.SQL(
                    "UPDATE {table} t SET ({columns}) = "
                    "(SELECT {columns} FROM {kept} k WHERE k.id = t.id) "
                    "WHERE t.id IN (SELECT id FROM {kept})"
                ).format(
                    table=sql.Identifier(table),
                    kept=sql.Identifier(kept),
                    columns=sql.SQL(", ").join(columns),
                )
            )
        cr.execute(sql.SQL("DROP TABLE {}").format(sql.Identifier(kept)))
    env.invalidate_all()
    env.registry.clear_cache()


def _keep_noupdate_rows(env):
    """Copy aside the rows of the renamed records kept from updates."""
    cr = env.cr
    cr.execute(
        """
        SELECT model, array_agg(res_id) FROM ir_model_data
         WHERE module = 'danvan_base' AND noupdate GROUP BY model
        """
    )
    for model, ids in cr.fetchall():
        table = env[model]._table if model in env.registry else model.replace(".", "_")
        cr.execute("SELECT to_regclass(%s)", [table])
        if cr.fetchone()[0] is None:
            continue
        cr.execute(
            sql.SQL("CREATE TABLE {} AS SELECT * FROM {} WHERE id = ANY(%s)").format(
                sql.Identifier(KEPT_PREFIX + table), sql.Identifier(table)
            ),
            [ids],
        )


def _declared_ids():
    """The xml ids that danvan_base declares in its data and demo files."""
    manifest = get_manifest("danvan_base")
    names = set()
    for path in manifest["data"] + manifest["demo"]:
        with file_open(f"danvan_base/{path}", "rb") as data_file:
            if path.endswith(".csv"):
                lines = data_file.read().decode().splitlines()[1:]
                names.update(line.split(",", 1)[0] for line in lines)
            else:
                nodes = etree.parse(data_file).xpath("//*[@id]")
                names.update(node.get("id") for node in nodes)
    return tuple(name for name in names if "." not in name)


def _rename(cr, old, new, names):
    """``old.name`` becomes ``new.name``, unless ``new.name`` exists; so do
    the records Odoo derived from it (a user's partner, a cron's action)."""
    if not names:
        return
    names = tuple(names) + tuple(
        name + suffix for name in names for suffix in DERIVED_SUFFIXES
    )
    cr.execute(
        """
        UPDATE ir_model_data d SET module = %s
         WHERE d.module = %s AND d.name IN %s
           AND NOT EXISTS (
               SELECT 1 FROM ir_model_data n WHERE n.module = %s AND n.name = d.name
           )
        """,
        [new, old, names, new],
    )


def _rename_model_ids(cr, module, models):
    """The ids of the moved models, their fields and their selection values."""
    for model, query in (
        ("ir.model", "SELECT id FROM ir_model WHERE model IN %s"),
        ("ir.model.fields", "SELECT id FROM ir_model_fields WHERE model IN %s"),
        (
            "ir.model.fields.selection",
            "SELECT s.id FROM ir_model_fields_selection s "
            "JOIN ir_model_fields f ON f.id = s.field_id WHERE f.model IN %s",
        ),
    ):
        cr.execute(
            "UPDATE ir_model_data SET module = 'danvan_base' "
            f"WHERE module = %s AND model = %s AND res_id IN ({query})",
            [module, model, tuple(models)],
        )


def _move_constraints(cr, module, models):
    """The foreign keys and many2many tables of the moved models are
    danvan_base's: uninstalling their former addon must not drop them."""
    for table in ("ir_model_constraint", "ir_model_relation"):
        cr.execute(
            sql.SQL(
                """
                UPDATE {} SET module = (
                       SELECT id FROM ir_module_module WHERE name = 'danvan_base')
                 WHERE module = (SELECT id FROM ir_module_module WHERE name = %s)
                   AND model IN (SELECT id FROM ir_model WHERE model IN %s)
                """
            ).format(sql.Identifier(table)),
            [module, tuple(models)],
        )
