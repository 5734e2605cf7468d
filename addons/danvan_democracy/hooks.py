def uninstall_hook(env):
    """What the addon's records hold with ``ondelete restrict`` goes first:
    Odoo deletes the records of the addon (the demo's employees and results of
    the year, the categories of Article 46) before it drops the tables that
    point to them. The evaluation results and the rewards proposed from them
    (DC-20), and the publications made from a record (``_create_for``), which
    have no xml id."""
    env.cr.execute("DELETE FROM danvan_conference_reward")
    env.cr.execute("DELETE FROM danvan_evaluation_result")
    env.cr.execute("DELETE FROM danvan_publication WHERE res_model IS NOT NULL")
