"""The upgrade of a database of the release before danvan_base (issue 12).

danvan_base is installed, as the new dependency of danvan_plan and
danvan_complaints, before either is updated. Its records, roles and models
were danvan_plan's (and the table of legal time limits danvan_complaints'):
their xml ids are renamed here, before danvan_base loads its data, so that
its data updates the existing records. Without it, the update of danvan_plan
would delete the records whose xml ids left it (the roles: users would lose
them) and danvan_base would create them anew.
"""

from lxml import etree

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
    for module, models in MOVED_MODELS.items():
        _rename(cr, module, "danvan_base", declared)
        _rename_model_ids(cr, module, models)
    cr.execute(
        """
        UPDATE ir_model_data d SET module = 'danvan_base'
          FROM ir_model_fields f
         WHERE d.module = 'danvan_plan' AND d.model = 'ir.model.fields'
           AND d.res_id = f.id AND f.model IN %s
        """,
        [MOVED_FIELDS_OF],
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
    """``old.name`` becomes ``new.name``, unless ``new.name`` exists."""
    if not names:
        return
    cr.execute(
        """
        UPDATE ir_model_data d SET module = %s
         WHERE d.module = %s AND d.name IN %s
           AND NOT EXISTS (
               SELECT 1 FROM ir_model_data n WHERE n.module = %s AND n.name = d.name
           )
        """,
        [new, old, tuple(names), new],
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
