from odoo import api, models


class DanvanAttachmentMixin(models.AbstractModel):
    """Files uploaded before a record is first saved belong to that record.

    The ``many2many_binary`` widget uploads a file as soon as it is chosen, with
    ``res_id`` 0 while the form is still new. Such a file is readable by its
    uploader only (``ir.attachment.check``), so the Office could not open the
    evidence a unit attached before saving. As Odoo's ``mail.template`` does, the
    files are moved onto the record when it is saved. The move is written as the
    user: nobody can claim a file that someone else uploaded.
    """

    _name = "danvan.attachment.mixin"
    _description = "Dân vận Attached Files"

    @api.model
    def _danvan_attachment_fields(self):
        return [
            name
            for name, field in self._fields.items()
            if field.type == "many2many" and field.comodel_name == "ir.attachment"
        ]

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._danvan_claim_attachments()
        return records

    def write(self, vals):
        result = super().write(vals)
        if not vals.keys().isdisjoint(self._danvan_attachment_fields()):
            self._danvan_claim_attachments()
        return result

    def _danvan_claim_attachments(self):
        for fname in self._danvan_attachment_fields():
            for record in self:
                orphans = record[fname].filtered(lambda file: not file.res_id)
                if orphans:
                    orphans.write({"res_model": record._name, "res_id": record.id})
