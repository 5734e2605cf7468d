from .common import DemocracyCommon


class MotionCommon(DemocracyCommon):
    """A conference in session: the role users and ``extra`` staff without a
    login invited, those of ``absent`` not checked in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Motion = cls.env["danvan.conference.motion"]
        cls.Vote = cls.env["danvan.conference.vote"]
        cls.employee = {
            login: user.employee_ids[:1] for login, user in cls.users.items()
        }

    def _conference(
        self, extra=0, absent=(), state="in_session", headcount=None, work_year=None
    ):
        """``absent``: logins or employees not checked in. An agency holds one
        annual conference a year (DC-6): each further one of a test is of the
        work year before."""
        if work_year is None:
            held = self.env["danvan.conference"].search_count(
                [("company_id", "=", self.company.id)]
            )
            work_year = 2025 - held
        extra_staff = self._add_staff(extra) if extra else self.env["hr.employee"]
        staff = (
            self.env["hr.employee"].browse([e.id for e in self.employee.values()])
            | extra_staff
        )
        absent_ids = {
            (self.employee[a] if isinstance(a, str) else a).id for a in absent
        }
        conference = (
            self.env["danvan.conference"]
            .with_user(self.users["office"])
            .create({"work_year": work_year})
        )
        conference.sudo().write(
            {
                "attendee_ids": [
                    (0, 0, {"employee_id": e.id, "present": e.id not in absent_ids})
                    for e in staff
                ],
                "headcount": headcount if headcount is not None else len(staff),
                "state": state,
            }
        )
        return conference, extra_staff

    def _motion(self, conference, user=None, **values):
        vals = {
            "conference_id": conference.id,
            "name": "Đóng góp Quỹ phúc lợi",
            "text": "Mỗi người đóng góp 200.000 đồng/năm.",
            "proposer": "head",
        }
        vals.update(values)
        return self.Motion.with_user(user or self.users["office"]).create(vals)

    def _open(self, conference, **values):
        motion = self._motion(conference, **values)
        motion.action_open()
        return motion

    def _cast(self, motion, employees, choice="yes"):
        """Votes recorded by the Office (show of hands)."""
        return self.Vote.with_user(self.users["office"]).create(
            [
                {"motion_id": motion.id, "employee_id": e.id, "choice": choice}
                for e in employees
            ]
        )
