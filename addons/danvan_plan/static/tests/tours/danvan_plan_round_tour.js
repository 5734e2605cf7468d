import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// The main flow of issue 3, one tour per role, run one after the other.
const tours = registry.category("web_tour.tours");

// 1. The Office gives a task of the plan to a unit.
tours.add("danvan_plan_assign_task_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        { trigger: ".o_list_button_add", run: "click" },
        {
            trigger: '.o_field_widget[name="name"] input',
            run: "edit Tuyên truyền chính sách KH&CN mới",
        },
        { trigger: '.o_field_widget[name="item_id"] input', run: "edit Tuyên truyền thử nghiệm" },
        {
            trigger: '.o_field_widget[name="item_id"] .o-autocomplete--dropdown-item:contains("Tuyên truyền thử nghiệm")',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="lead_department_id"] input',
            run: "edit Phòng thử nghiệm vòng báo cáo",
        },
        {
            trigger: '.o_field_widget[name="lead_department_id"] .o-autocomplete--dropdown-item:contains("Phòng thử nghiệm vòng báo cáo")',
            run: "click",
        },
        {
            // Typed as the user's language writes dates.
            trigger: '.o_field_widget[name="date_deadline"] input',
            run: `edit ${formatDate(luxon.DateTime.fromISO("2025-05-30"))}`,
        },
        ...stepUtils.saveForm(),
        {
            trigger: '.o_statusbar_status .o_arrow_button_current[data-value="assigned"]',
        },
    ],
});

// 2. The unit head reports on it and submits the report to the Office.
tours.add("danvan_plan_unit_report_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: '.o_field_widget[name="task_id"] input', run: "edit Tuyên truyền chính sách" },
        {
            trigger: '.o_field_widget[name="task_id"] .o-autocomplete--dropdown-item:contains("Tuyên truyền chính sách")',
            run: "click",
        },
        {
            trigger: '.o_field_html[name="content"] .odoo-editor-editable',
            run: "editor Đã tổ chức 3 hội nghị phổ biến chính sách mới.",
        },
        { trigger: '.o_field_widget[name="progress"] input', run: "edit 80" },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_submit"]', run: "click" },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current[data-value="submitted"]',
        },
    ],
});

// 3. The Office accepts the report...
tours.add("danvan_plan_accept_report_tour", {
    steps: () => [
        {
            trigger: '.o_data_row td[name="task_id"]:contains("Tuyên truyền chính sách")',
            run: "click",
        },
        { trigger: '.o_form_view button[name="action_accept"]', run: "click" },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current[data-value="accepted"]',
        },
    ],
});

// 4. ... compiles the 6-month report from the accepted reports and submits it.
tours.add("danvan_plan_compile_round_tour", {
    steps: () => [
        { trigger: '.o_data_row td[name="name"]:contains("Báo cáo thử nghiệm 6 tháng")', run: "click" },
        { trigger: '.o_form_view button[name="action_compile"]', run: "click" },
        // Chi cục TĐC has not reported: compile anyway.
        { trigger: '.modal button[name="action_continue"]', run: "click" },
        { trigger: '.o_notebook_headers .nav-link[name="body"]', run: "click" },
        {
            trigger: '.o_field_html[name="body"]:contains("3 hội nghị")',
        },
        { trigger: '.o_form_view button[name="action_submit"]', run: "click" },
        { trigger: '.modal button[name="action_continue"]', run: "click" },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current[data-value="submitted"]',
        },
    ],
});

// 5. Leadership approves: the report takes its number, and is printed.
tours.add("danvan_plan_approve_round_tour", {
    steps: () => [
        { trigger: '.o_data_row td[name="name"]:contains("Báo cáo thử nghiệm 6 tháng")', run: "click" },
        { trigger: '.o_form_view button[name="action_approve"]', run: "click" },
        { trigger: '.modal button[name="action_continue"]', run: "click" },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current[data-value="issued"]',
        },
        { trigger: '.o_field_widget[name="number"]:contains("/BC-SKHCN")' },
        { trigger: '.o_form_view button[name="action_print"]', run: "click" },
        { trigger: '.o_form_view .o_form_readonly, .o_form_view .o_form_saved' },
    ],
});
