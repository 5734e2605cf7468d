import { registry } from "@web/core/registry";

// The agencies and units planted by tests/test_multi_company_tour.py.
const AGENCY_B = "Sở Nội vụ thử";
const UNIT_A = "Phòng Khoa học thử";
const UNIT_B = "Phòng Xây dựng chính quyền";

// The provincial overseer selects both agencies and opens the task progress:
// the units of both are among its rows (issue 15, item 4).
registry.category("web_tour.tours").add("danvan_plan_progress_province_tour", {
    steps: () => [
        { trigger: ".o_switch_company_menu button", run: "click" },
        {
            trigger: `.o_switch_company_item:contains("${AGENCY_B}") [role="menuitemcheckbox"]`,
            run: "click",
        },
        {
            trigger: ".o_switch_company_menu_buttons .btn-primary",
            run: "click",
            expectUnloadPage: true,
        },
        { trigger: ".o_navbar_apps_menu button", run: "click" },
        { trigger: '.o_app[data-menu-xmlid="danvan_base.menu_danvan_root"]', run: "click" },
        {
            trigger: '.o_menu_sections [data-menu-xmlid="danvan_plan.menu_danvan_reporting"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="danvan_plan.danvan_plan_task_progress_menu"]',
            run: "click",
        },
        { trigger: `.o_pivot tbody th:contains("${UNIT_A}")` },
        { trigger: `.o_pivot tbody th:contains("${UNIT_B}")` },
    ],
});
