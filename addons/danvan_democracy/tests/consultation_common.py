import base64
from datetime import timedelta

from odoo import fields

from .common import DemocracyCommon


class ConsultationCommon(DemocracyCommon):
    """An open consultation of the whole agency on a draft with two articles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Consultation = cls.env["danvan.consultation"]
        cls.Opinion = cls.env["danvan.consultation.opinion"]
        cls.today = fields.Date.context_today(cls.Consultation)
        cls.form_unit_head = cls.env.ref(
            "danvan_democracy.danvan_publication_form_unit_head"
        )

    def _consultation(self, user=None, open_it=True, **values):
        vals = {
            "name": "Dự thảo Quy chế chi tiêu nội bộ năm 2027",
            "subject_kind": "spending_rules",
            "date_open": self.today,
            "date_close": self.today + timedelta(days=14),
            "channel_ids": [(6, 0, (self.form_intranet | self.form_unit_head).ids)],
            "allow_anonymous": True,
            "article_ids": [
                (0, 0, {"number": "Điều 1", "title": "Công tác phí", "sequence": 1}),
                (0, 0, {"number": "Điều 2", "title": "Hội nghị", "sequence": 2}),
            ],
            "version_ids": [
                (
                    0,
                    0,
                    {
                        "file": base64.b64encode(b"Du thao lan 1"),
                        "file_name": "du-thao.txt",
                    },
                )
            ],
        }
        vals.update(values)
        office = self.users["office"]
        consultation = self.Consultation.with_user(office).create(vals)
        if open_it:
            consultation.action_open()
        return consultation.with_user(user or office)

    def _opinion(self, consultation, user, article=None, **values):
        vals = {
            "consultation_id": consultation.id,
            "article_id": article.id if article else False,
            "content": "Đề nghị nâng mức phụ cấp lưu trú.",
        }
        vals.update(values)
        return self.Opinion.with_user(user).create(vals)

    def _decide_all(self, consultation):
        for line in consultation.with_user(self.users["office"]).response_ids:
            line.write({"decision": "partly", "explanation": "Giữ theo định mức."})
