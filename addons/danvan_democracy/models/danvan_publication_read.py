from odoo import api, fields, models
from odoo.exceptions import UserError


class DanvanPublicationRead(models.Model):
    """A staff member has read a publication: who and when, kept as the proof
    that the information reached them (DC-3)."""

    _name = "danvan.publication.read"
    _description = "Publication Read by Staff"
    _check_company_auto = True
    _order = "date_read desc, id desc"

    publication_id = fields.Many2one(
        "danvan.publication", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Read by",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        ondelete="cascade",
        check_company=True,
    )
    date_read = fields.Datetime(
        string="Read on", required=True, default=fields.Datetime.now
    )
    company_id = fields.Many2one(related="publication_id.company_id", store=True)

    _sql_constraints = [
        (
            "user_unique",
            "unique(publication_id, user_id)",
            "A staff member marks a publication as read once.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        """A staff member marks read only what is posted for them (DC-3)."""
        reads = super().create(vals_list)
        if not self.env.su:
            publications = reads.publication_id
            publications.check_access("read")
            drafts = publications.filtered(lambda p: p.state == "draft")
            if drafts:
                raise UserError(
                    self.env._(
                        "%s is not posted yet: it cannot be marked as read.",
                        ", ".join(drafts.mapped("name")),
                    )
                )
        return reads
