"""Query counts flat in the number of staff and opinions: compiling the
summary table, the opinions of a consultation and the list of consultations
(DC-12)."""

from odoo.tests import new_test_user, tagged

from .consultation_common import ConsultationCommon

OPINION_LIST = [
    "article_id",
    "author_name",
    "department_id",
    "content",
    "channel",
    "date_given",
    "superseded",
]
CONSULTATION_LIST = [
    "name",
    "subject_kind",
    "date_open",
    "date_close",
    "user_id",
    "opinion_count",
    "state",
    "is_concerned",
]


@tagged("post_install", "-at_install")
class TestConsultationQueries(ConsultationCommon):
    def _count(self, function):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        function()
        return self.cr.sql_log_count - start

    def _closed_with_opinions(self, count):
        consultation = self._consultation(name=f"Dự thảo {count}")
        staff = self._add_staff(count)
        articles = consultation.article_ids
        self.Opinion.sudo().create(
            [
                {
                    "consultation_id": consultation.id,
                    "article_id": articles[n % 3].id if n % 3 < 2 else False,
                    "employee_id": employee.id,
                    "content": f"Ý kiến {n}",
                }
                for n, employee in enumerate(staff)
            ]
        )
        consultation.action_close()
        return consultation

    def _queries(self, count):
        consultation = self._closed_with_opinions(count)
        office = self.users["office"]
        counts = {
            "compile": self._count(consultation.with_user(office).action_compile),
            "opinions": self._count(
                lambda: self.Opinion.with_user(office).search_read(
                    [("consultation_id", "=", consultation.id)], OPINION_LIST
                )
            ),
            "list": self._count(
                lambda: self.env["danvan.consultation"]
                .with_user(office)
                .search_read([], CONSULTATION_LIST)
            ),
        }
        self.assertEqual(sum(consultation.response_ids.mapped("opinion_count")), count)
        return counts

    def test_dc12_compiling_is_flat_in_the_number_of_opinions(self):
        self._queries(2)  # the caches of the registry, rules and translations
        few = self._queries(5)
        many = self._queries(50)
        self.assertEqual(few["compile"], many["compile"])
        self.assertEqual(few["opinions"], many["opinions"])
        self.assertEqual(few["list"], many["list"])

    def _open_for(self, count, tag):
        """Open a consultation of a unit of ``count`` staff with a login."""
        unit = self.env["hr.department"].create({"name": f"Phòng {tag}"})
        for n in range(count):
            user = new_test_user(
                self.env,
                login=f"dv_q{tag}_{n}",
                groups="danvan_base.group_danvan_staff",
            )
            self.env["hr.employee"].create(
                {"name": user.name, "user_id": user.id, "department_id": unit.id}
            )
        consultation = self._consultation(
            open_it=False,
            name=f"Dự thảo {tag}",
            audience="units",
            department_ids=[(6, 0, unit.ids)],
        )
        queries = self._count(consultation.action_open)
        notified = self.env["mail.message"].search(
            [
                ("model", "=", consultation._name),
                ("res_id", "=", consultation.id),
                ("message_type", "=", "user_notification"),
            ]
        )
        self.assertEqual(len(notified.partner_ids), count)
        return queries

    def test_dc12_opening_is_flat_in_the_number_of_staff(self):
        self._open_for(2, "warm")
        self.assertEqual(self._open_for(5, "few"), self._open_for(50, "many"))
