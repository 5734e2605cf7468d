import { registry } from "@web/core/registry";
import { inputFiles } from "@web/../tests/utils";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Issue 10: the first day of each role, in Vietnamese. The steps find their way
// by field and button names, never by the English labels.
const tours = registry.category("web_tour.tours");

const openTodo = (model) => [
    { trigger: ".o_menu_systray i.fa-clock-o", run: "click" },
    { trigger: `.o-mail-ActivityGroup[data-model_name="${model}"]`, run: "click" },
];

// 1. The unit head opens his task, reports on it with the evidence attached
//    before the first save, saves and submits.
tours.add("danvan_plan_first_day_unit_tour", {
    steps: () => [
        {
            trigger: '.o_data_row td[name="name"]:contains("Truyền thông thử nghiệm ngày đầu")',
            run: "click",
        },
        { trigger: '.o_form_view button[name="action_new_report"]', run: "click" },
        {
            trigger: '.o_field_widget[name="task_id"] input:value("Truyền thông thử nghiệm ngày đầu")',
        },
        {
            trigger: '.o_field_html[name="content"] .odoo-editor-editable',
            run: "editor Đã đăng 4 tin bài trên Cổng thông tin điện tử Sở.",
        },
        { trigger: '.o_field_widget[name="progress"] input', run: "edit 60" },
        { trigger: '.o_notebook .nav-link[name="evidence"]', run: "click" },
        {
            trigger: '.o_field_widget[name="attachment_ids"]',
            async run() {
                const file = new File(["Biên bản"], "bien-ban-hoi-nghi.txt", {
                    type: "text/plain",
                });
                await inputFiles('.o_field_widget[name="attachment_ids"] .o_input_file', [file]);
            },
        },
        {
            trigger: '.o_field_widget[name="attachment_ids"] .o_attachment:not(.o_attachment_uploading):contains("bien-ban-hoi-nghi")',
        },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_submit"]', run: "click" },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current[data-value="submitted"]',
        },
    ],
});

// 2. The Office officer opens the report from his to-do and accepts it.
tours.add("danvan_plan_first_day_office_tour", {
    steps: () => [
        ...openTodo("danvan.plan.report"),
        {
            trigger: '.o_data_row td[name="task_id"]:contains("Truyền thông thử nghiệm ngày đầu")',
            run: "click",
        },
        { trigger: '.o_notebook .nav-link[name="evidence"]', run: "click" },
        {
            trigger: '.o_field_widget[name="attachment_ids"] .o_attachment:contains("bien-ban-hoi-nghi")',
        },
        { trigger: '.o_form_view button[name="action_accept"]', run: "click" },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current[data-value="accepted"]',
        },
    ],
});

// 3. Leadership approves the compiled report from its to-do.
tours.add("danvan_plan_first_day_leader_tour", {
    steps: () => [
        ...openTodo("danvan.plan.round"),
        {
            trigger: '.o_data_row td[name="name"]:contains("Báo cáo thử nghiệm ngày đầu")',
            run: "click",
        },
        { trigger: '.o_form_view button[name="action_approve"]', run: "click" },
        // The compiled draft still holds the placeholders of its template.
        { trigger: '.modal button[name="action_continue"]', run: "click" },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current[data-value="issued"]',
        },
    ],
});
