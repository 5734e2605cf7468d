import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const { DateTime } = luxon;

// DC-18, run by tests/test_briefing_tour.py: the Office schedules a
// briefing, records its attendance and a conclusion with an owner; the owner
// finds the follow-up and marks it done.
const tours = registry.category("web_tour.tours");

const CONCLUSION = "Tour thử nghiệm: gửi báo cáo quý về Văn phòng";
const CHAIR = "Lãnh đạo thử nghiệm tour giao ban";
const OWNER = "Cán bộ thử nghiệm tour giao ban";

const pickInAutocomplete = (selector, text) => [
    { trigger: `${selector} input`, run: `edit ${text}` },
    {
        trigger: `${selector} .o-autocomplete--dropdown-item:contains("${text}")`,
        run: "click",
    },
];

tours.add("danvan_briefing_office_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: '.o_field_widget[name="location"] input', run: "edit Phòng họp tầng 2" },
        ...pickInAutocomplete('.o_field_widget[name="chair_id"]', CHAIR),
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_invite_staff"]', run: "click" },
        { trigger: '.o_field_widget[name="attendee_ids"] .o_data_row' },
        { trigger: '.o_form_view button[name="action_mark_all_present"]', run: "click" },
        {
            trigger: '.o_field_widget[name="attendee_ids"] .o_data_row .o_field_boolean_toggle input:checked',
        },
        { trigger: '.o_notebook_headers .nav-link[name="conclusions"]', run: "click" },
        {
            trigger: '.o_field_widget[name="conclusion_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="conclusion_ids"] .o_selected_row [name="name"] textarea',
            run: `edit ${CONCLUSION}`,
        },
        ...pickInAutocomplete(
            '.o_field_widget[name="conclusion_ids"] .o_selected_row [name="user_id"]',
            OWNER
        ),
        {
            trigger: '.o_field_widget[name="conclusion_ids"] .o_selected_row [name="date_deadline"] input',
            run: `edit ${formatDate(DateTime.now().plus({ days: 7 }))}`,
        },
        ...stepUtils.saveForm(),
        {
            trigger: `.o_field_widget[name="conclusion_ids"] .o_data_row td[name="name"]:contains("${CONCLUSION}")`,
        },
        { trigger: '.o_form_view button[name="action_hold"]', run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current[data-value="held"]',
        },
    ],
});

tours.add("danvan_briefing_owner_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        {
            trigger: `.o_data_row td[name="name"]:contains("${CONCLUSION}")`,
            run: "click",
        },
        { trigger: '.o_form_view button[name="action_done"]', run: "click" },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current[data-value="done"]',
        },
    ],
});
