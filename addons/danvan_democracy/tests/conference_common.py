from datetime import datetime

from .common import DemocracyCommon


class ConferenceCommon(DemocracyCommon):
    """A conference of the work year 2025, held on 10/3/2026, in an agency
    whose headcount each test sets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Conference = cls.env["danvan.conference"]
        cls.Attendee = cls.env["danvan.conference.attendee"]

    def _headcount(self):
        return sum(self.company._danvan_headcount().values())

    def _set_headcount(self, count, **values):
        """The agency has ``count`` staff: employees are added (never fewer
        than the role users)."""
        missing = count - self._headcount()
        self.assertGreaterEqual(missing, 0, "the role users are already more")
        if missing:
            self._add_staff(missing, **values)
        self.assertEqual(self._headcount(), count)

    def _conference(self, user=None, **values):
        vals = {
            "work_year": 2025,
            "date_conference": datetime(2026, 3, 10, 2, 0),
            "location": "Hội trường Sở",
        }
        vals.update(values)
        return self.Conference.with_user(user or self.users["office"]).create(vals)

    def _with_opinion(self, conference):
        self.env["danvan.conference.union.opinion"].with_user(
            self.users["union"]
        ).create(
            {
                "conference_id": conference.id,
                "opinion": "Công đoàn thống nhất thời gian tổ chức.",
            }
        ).action_confirm()
        return conference

    def _convened(self, headcount=9, **values):
        self._set_headcount(headcount)
        conference = self._with_opinion(self._conference(**values))
        conference.with_user(self.users["office"]).action_convene()
        return conference

    def _check_in(self, conference, count):
        attendees = conference.attendee_ids.sorted("id")[:count]
        attendees.with_user(self.users["office"]).action_check_in()
        return attendees

    def _held(self, headcount=9, **values):
        conference = self._convened(headcount, **values)
        office = self.users["office"]
        self._check_in(conference, conference.quorum)
        conference.with_user(office).action_open()
        conference.agenda_item_ids.with_user(office).write({"done": True})
        conference.with_user(office).write(
            {
                "minutes_text": "<p>Hội nghị thảo luận MINUTES-PLANTED.</p>",
                "resolution_text": "<p>Hội nghị thống nhất thông qua.</p>",
                "pledge_text": "<p>Các phòng giao ước thi đua.</p>",
            }
        )
        conference.with_user(office).action_close()
        return conference
