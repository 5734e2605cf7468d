import { registry } from "@web/core/registry";

// A staff member lands on their work after login and opens what waits.
registry.category("web_tour.tours").add("danvan_my_work_tour", {
    url: "/odoo",
    steps: () => [
        {
            trigger: '.o_menu_sections [data-menu-xmlid="danvan_base.danvan_my_work_menu"]',
        },
        {
            trigger: '.o_danvan_my_work_tasks_due .o_danvan_my_work_row:contains("Hội nghị")',
        },
        {
            trigger: ".o_danvan_my_work_reports_to_send .o_danvan_my_work_count:contains(2)",
        },
        {
            trigger: ".o_danvan_my_work_reports_to_send .o_danvan_my_work_title",
            run: "click",
        },
        {
            trigger: '.o_list_view .o_data_row td[name="task_id"]:contains("Kiểm tra đo lường")',
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            trigger: '.o_danvan_my_work_todos .o_danvan_my_work_row:contains("Chuẩn bị hội trường")',
            run: "click",
        },
        {
            trigger: '.o_breadcrumb .active:contains("Tập huấn")',
        },
    ],
});

// The Office, in Vietnamese: an empty block says so, the dashboard shows a
// percentage with the decimal comma.
registry.category("web_tour.tours").add("danvan_my_work_vi_tour", {
    url: "/odoo",
    steps: () => [
        {
            trigger:
                '.o_danvan_my_work_tasks_due .o_danvan_my_work_empty:contains("Đơn vị của bạn không có nhiệm vụ nào")',
        },
        {
            trigger: '.o_menu_sections [data-menu-xmlid="danvan_plan.danvan_plan_dashboard_menu"]',
            run: "click",
        },
        {
            trigger: '.o_danvan_plans .o_danvan_percent:contains("45,5%")',
        },
    ],
});
