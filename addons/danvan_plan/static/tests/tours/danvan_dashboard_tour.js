import { registry } from "@web/core/registry";

// The Office sees a late unit on its dashboard and opens where it stands.
registry.category("web_tour.tours").add("danvan_office_dashboard_tour", {
    url: "/odoo/action-danvan_plan.danvan_plan_office_dashboard_action",
    steps: () => [
        {
            trigger: ".o_danvan_dashboard .o_danvan_late_unit_count:contains(2)",
        },
        {
            trigger: '.o_danvan_late_units .o_danvan_late_unit:contains("Chi cục TĐC")',
            run: "click",
        },
        {
            trigger: '.o_form_view .o_field_widget[name="department_id"]:contains("Chi cục TĐC")',
        },
        {
            trigger: ".o_form_view .o_field_widget[name='is_late'] input:checked",
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            trigger: ".o_danvan_open_rounds .o_danvan_round_late:contains(2)",
        },
        {
            trigger: '.o_danvan_overdue_tasks .o_danvan_overdue_unit:contains("Chi cục TĐC")',
            run: "click",
        },
        {
            trigger: '.o_list_view .o_data_row td[name="name"]:contains("Kiểm tra đo lường")',
        },
    ],
});
