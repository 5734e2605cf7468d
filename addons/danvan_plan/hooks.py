def uninstall_hook(env):
    """The to-dos of the plan's activity types go before the types: Odoo
    deletes the types before the models whose records hold the to-dos (the
    units of a report round), and a type still in use cannot be deleted."""
    types = env["ir.model.data"].search(
        [("module", "=", "danvan_plan"), ("model", "=", "mail.activity.type")]
    )
    env["mail.activity"].sudo().with_context(active_test=False).search(
        [("activity_type_id", "in", types.mapped("res_id"))]
    ).unlink()
