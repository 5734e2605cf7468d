import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// The agency's Office holds the staff conference: it convenes it (the union
// gave its opinion), checks six of the nine staff in at the door, opens it
// on the quorum of two thirds and goes through the agenda (DC-7 to DC-9).
const checkIn = () => [
    { trigger: '.o_list_view .o_data_row:first-child button[name="action_check_in"]', run: "click" },
];
const markDone = (row) => [
    {
        trigger: `.o_field_widget[name="agenda_item_ids"] .o_data_row:nth-child(${row}) button[name="action_mark_done"]`,
        run: "click",
    },
    {
        trigger: `.o_field_widget[name="agenda_item_ids"] .o_data_row:nth-child(${row}):not(:has(button[name="action_mark_done"]))`,
    },
];

registry.category("web_tour.tours").add("danvan_conference_tour", {
    steps: () => [
        { trigger: '.o_form_view .o_statusbar_status .o_arrow_button_current[data-value="draft"]' },
        { trigger: '.o_form_view button[name="action_convene"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="convened"]' },
        { trigger: '.o_form_view .o_form_statusbar button[name="action_open_checkin"]', run: "click" },
        { trigger: ".o_list_view .o_data_row:nth-child(9)" },
        ...checkIn(),
        { trigger: ".o_list_view:not(:has(.o_data_row:nth-child(9)))" },
        ...checkIn(),
        { trigger: ".o_list_view:not(:has(.o_data_row:nth-child(8)))" },
        ...checkIn(),
        { trigger: ".o_list_view:not(:has(.o_data_row:nth-child(7)))" },
        ...checkIn(),
        { trigger: ".o_list_view:not(:has(.o_data_row:nth-child(6)))" },
        ...checkIn(),
        { trigger: ".o_list_view:not(:has(.o_data_row:nth-child(5)))" },
        ...checkIn(),
        { trigger: ".o_list_view:not(:has(.o_data_row:nth-child(4)))" },
        { trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item:first-child a", run: "click" },
        { trigger: '.o_form_view button[name="action_open"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="in_session"]' },
        { trigger: '.o_notebook a[name="agenda"]', run: "click" },
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap(markDone),
        { trigger: '.o_form_view button[name="action_close"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="done"]' },
    ],
});

// A staff member opens the conference they are invited to: their own
// attendance and the agenda, not the list of who came (DC-7).
registry.category("web_tour.tours").add("danvan_conference_staff_tour", {
    steps: () => [
        { trigger: ".o_list_view .o_data_row:first-child td[name='name']", run: "click" },
        { trigger: '.o_form_view .o_field_widget[name="user_present"]' },
        { trigger: ".o_form_view:not(:has(button[name='action_convene']))" },
        { trigger: ".o_form_view:not(:has(.o_notebook a[name='attendees']))" },
        { trigger: '.o_notebook a[name="agenda"]', run: "click" },
        { trigger: '.o_field_widget[name="agenda_item_ids"] .o_data_row:nth-child(9)' },
    ],
});
