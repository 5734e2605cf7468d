import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// TCD-22: the Office records a half day on duty on Tuesday 04/08/2026, typed as
// the user's language writes dates, builds the sheet of August and submits it.
const DAY = () => formatDate(luxon.DateTime.fromISO("2026-08-04"));

registry.category("web_tour.tours").add("danvan_allowance_office_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        { trigger: ".o_list_button_add", run: "click" },
        {
            trigger: '.o_data_row .o_field_widget[name="date"] input',
            run: `edit ${DAY()}`,
        },
        { trigger: '.o_data_row .o_field_widget[name="user_id"] input', run: "edit Cán bộ Trực" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("Cán bộ Trực")', run: "click" },
        { trigger: '.o_data_row .o_field_widget[name="portion"] select', run: 'select "half"' },
        { trigger: ".o_list_button_save", run: "click" },
        { trigger: '.o_data_row:not(.o_selected_row):contains("Cán bộ Trực")' },
        {
            trigger: "body",
            run() {
                window.location.href =
                    "/odoo/action-danvan_complaints.danvan_reception_allowance_sheet_action/new";
            },
            expectUnloadPage: true,
        },
        { trigger: '.o_form_view .o_field_widget[name="month"] select', run: 'select "8"' },
        { trigger: '.o_form_view .o_field_widget[name="year"] input', run: "edit 2026" },
        ...stepUtils.saveForm(),
        { trigger: '.o_field_widget[name="line_ids"] .o_data_row:contains("Cán bộ Trực")' },
        { trigger: '.o_form_view button[name="action_submit"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="submitted"]' },
    ],
});

// TCD-22: the head opens the sheet awaiting issue and issues it.
registry.category("web_tour.tours").add("danvan_allowance_head_tour", {
    steps: () => [
        { trigger: '.o_data_row:contains("08/2026") .o_data_cell[name="name"]', run: "click" },
        { trigger: '.o_form_view button[name="action_issue"]', run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="issued"]' },
        { trigger: '.o_form_view .o_field_widget[name="number"]:contains("/SKHCN")' },
    ],
});
