from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    """The emulation formula: points per classification, weight of the plan.

    One formula for the whole install: the province compares the scores of
    its agencies on one scale (issue 15, item 4).
    """

    _inherit = "res.config.settings"

    danvan_points_excellent = fields.Integer(
        string="Points for an Excellent Model",
        config_parameter="danvan_models.points_excellent",
        default=10,
    )
    danvan_points_good = fields.Integer(
        string="Points for a Good Model",
        config_parameter="danvan_models.points_good",
        default=7,
    )
    danvan_points_fair = fields.Integer(
        string="Points for a Fair Model",
        config_parameter="danvan_models.points_fair",
        default=4,
    )
    danvan_task_points = fields.Integer(
        string="Points for a Fully Completed Plan",
        config_parameter="danvan_models.task_points",
        default=20,
        help="Given in proportion to the average progress of the unit's plan tasks.",
    )
    danvan_model_round_recipients = fields.Text(
        related="company_id.danvan_model_round_recipients", readonly=False
    )
