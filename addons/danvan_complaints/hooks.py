from odoo.tools import SQL


def post_init_hook(env):
    """The website speaks for the agency from the first page (issue 10)."""
    env["res.company"].search([])._danvan_sync_websites()
    # The demo's periodic report was counted before the module's terms were
    # loaded: count it again, so that its figures read in the agency's language.
    env["danvan.complaints.report"].search([("state", "=", "draft")])._update_figures()


def uninstall_hook(env):
    """The allowance duties and sheets hold officers and rates that the
    uninstall deletes before it drops their tables (TCD-22): they go first."""
    for table in (
        "danvan_reception_allowance_line",
        "danvan_reception_allowance_sheet",
        "danvan_reception_duty",
    ):
        env.cr.execute(SQL("DELETE FROM %s", SQL.identifier(table)))
