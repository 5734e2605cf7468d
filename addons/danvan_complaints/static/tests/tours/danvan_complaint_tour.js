import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A date `offset` days after the letter was received (30 days ago), typed
// as the user's language writes it; the test checks the same offsets.
const RECEIVED_DAYS_AGO = 30;
const typed = (offset) =>
    `edit ${formatDate(luxon.DateTime.now().startOf("day").minus({ days: RECEIVED_DAYS_AGO - offset }))}`;

// A reception officer receives a complainant, registers and classifies the
// petition, accepts the complaint, records the decision and its publication
// (issue 5, item 11).
registry.category("web_tour.tours").add("danvan_complaints_case_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: '.o_field_widget[name="date"] input', run: typed(0) },
        { trigger: '.o_field_widget[name="petition_type"] select', run: 'select "complaint"' },
        { trigger: '.o_field_widget[name="path"] select', run: 'select "accept"' },
        { trigger: '.o_notebook a[name="visitors"]', run: "click" },
        { trigger: '.o_field_widget[name="visitor_ids"] .o_field_x2many_list_row_add a', run: "click" },
        { trigger: '.o_data_row .o_field_widget[name="name"] input', run: "edit Nguyễn Văn Thử" },
        { trigger: '.o_data_row .o_field_widget[name="identity_number"] input', run: "edit 051190009999" },
        { trigger: '.o_notebook a[name="content"]', run: "click" },
        {
            trigger: '.o_field_widget[name="summary"] textarea',
            run: "edit Khiếu nại quyết định thu hồi giấy phép thử nghiệm",
        },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_record"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="recorded"]' },
        { trigger: '.o_form_view button[name="action_create_petition"]', run: "click" },
        // The petition of the register: classified, then accepted (XLD-9).
        { trigger: '.o_form_view .o_field_widget[name="qualified"] select', run: 'select "yes"' },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_classify"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="classified"]' },
        { trigger: '.o_field_widget[name="outcome"] select', run: 'select "accept"' },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_process"]', run: "click" },
        // The complaint case it opened: accepted with its notice (KN-6).
        { trigger: '.o_form_view .o_field_widget[name="acceptance_reference"] input', run: "edit 77/TB-SKHCN" },
        { trigger: '.o_field_widget[name="date_known"] input', run: typed(-12) },
        { trigger: '.o_field_widget[name="date_accepted"] input', run: typed(5) },
        { trigger: '.o_field_widget[name="respondent"] input', run: "edit Phòng Thử nghiệm" },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_accept"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="accepted"]' },
        // Verification, then the decision with what KN-9 requires.
        { trigger: '.o_notebook a[name="verification"]', run: "click" },
        {
            trigger: '.o_field_html[name="verification_result"] .odoo-editor-editable',
            run: "editor Việc thu hồi giấy phép có căn cứ.",
        },
        { trigger: '.o_notebook a[name="decision"]', run: "click" },
        { trigger: '.o_field_widget[name="settlement_number"] input', run: "edit 80/QĐ-SKHCN" },
        { trigger: '.o_field_widget[name="date_settled"] input', run: typed(26) },
        { trigger: '.o_field_widget[name="conclusion"] select', run: 'select "wrong"' },
        { trigger: '.o_field_widget[name="measure"] select', run: 'select "keep"' },
        {
            trigger: '.o_field_widget[name="legal_basis"] textarea',
            run: "edit Điều 28 Luật Khiếu nại",
        },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_settle"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="settled"]' },
        // Sent to the parties and published (KN-13).
        { trigger: '.o_notebook a[name="decision"]', run: "click" },
        { trigger: '.o_field_widget[name="date_sent"] input', run: typed(27) },
        { trigger: '.o_field_widget[name="publication_method"] select', run: 'select "posting"' },
        { trigger: '.o_field_widget[name="date_published"] input', run: typed(28) },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_close"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="closed"]' },
    ],
});
