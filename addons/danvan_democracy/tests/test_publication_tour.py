from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .common import DemocracyCommon

TITLE = "Tour thử nghiệm: nâng bậc lương thường xuyên"
POSTED_FOR_ME = "/odoo/action-danvan_democracy.danvan_publication_action_staff"
ALL = "/odoo/action-danvan_democracy.danvan_publication_action"


@tagged("post_install", "-at_install")
class TestPublicationTour(VietnameseBrowserCase, DemocracyCommon):
    """In Chromium, in Vietnamese: the Office publishes a decision with its
    file attached before the first save, a staff member reads it and marks it
    read, the Office sees who has read (DC-3)."""

    def test_dc3_office_publishes_staff_reads_office_sees_the_count(self):
        self.start_tour(ALL, "danvan_publication_publish_tour", login="dv_office")
        publication = self.Publication.search([("name", "=", TITLE)])
        self.assertEqual(publication.state, "posted")
        self.assertEqual(publication.attachment_ids.name, "qd-nang-luong.pdf")
        self.assertEqual(publication.attachment_ids.res_id, publication.id)
        self.assertEqual(publication.create_uid, self.users["office"])

        self.start_tour(POSTED_FOR_ME, "danvan_publication_read_tour", login="dv_staff")
        self.assertEqual(publication.read_ids.user_id, self.users["staff"])

        self.start_tour(
            POSTED_FOR_ME, "danvan_publication_read_count_tour", login="dv_office"
        )
        self.assertEqual(publication.read_count, 1)
