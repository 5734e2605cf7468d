import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// DC-16, run by tests/test_inspection_report_tour.py: a member of the
// people's inspection board writes the board's yearly report and sends it to
// the union and the head; it takes its number.
const tours = registry.category("web_tour.tours");

const TEXT = "Tour thử nghiệm: Ban đã kiểm tra 2 việc trong năm.";

tours.add("danvan_inspection_report_board_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        { trigger: ".o_list_button_add", run: "click" },
        {
            trigger: '.o_field_widget[name="period_type"] select',
            run: 'select "year"',
        },
        {
            trigger: '.o_field_html[name="content"] .odoo-editor-editable div.o-paragraph',
            run: `editor ${TEXT}`,
        },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_send"]', run: "click" },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current[data-value="sent"]',
        },
        { trigger: '.o_field_widget[name="number"]:contains("/BC")' },
    ],
});
