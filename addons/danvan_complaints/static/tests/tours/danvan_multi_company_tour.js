import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// The values planted by tests/test_multi_company_tour.py.
const AGENCY_A = "Sở Khoa học và Công nghệ thử";
const AGENCY_B = "Sở Nội vụ thử";
const OWN_EARLIER = `Tố cáo cán bộ ${AGENCY_B}`;
const OF_AGENCY_A = "Đơn riêng của Sở Khoa học, không của Sở Nội vụ";
const NEW_PETITION = "Kiến nghị sửa đường liên thôn số 5";

// The Dân vận app, then one of the menus of its "Tiếp công dân" section.
const openReceptionMenu = (xmlid) => [
    { trigger: ".o_navbar_apps_menu button", run: "click" },
    { trigger: '.o_app[data-menu-xmlid="danvan_base.menu_danvan_root"]', run: "click" },
    {
        trigger: '.o_menu_sections [data-menu-xmlid="danvan_complaints.menu_danvan_reception"]',
        run: "click",
    },
    { trigger: `.dropdown-item[data-menu-xmlid="${xmlid}"]`, run: "click" },
];

// Fails the step if the anchor shows any of ``texts``.
function showsNone(...texts) {
    return function () {
        const shown = texts.filter((text) => this.anchor.textContent.includes(text));
        if (shown.length) {
            throw new Error(`The list shows what is not of the agency: ${shown}`);
        }
    };
}

// An officer of agency B registers a petition: it takes a number of the
// register; with the filters removed, his list holds his agency's petitions
// and none of agency A (issue 15, item 4; TC-13).
registry.category("web_tour.tours").add("danvan_petition_second_agency_tour", {
    steps: () => [
        ...openReceptionMenu("danvan_complaints.danvan_petition_menu"),
        { trigger: ".o_list_view" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: '.o_field_widget[name="summary"] input', run: `edit ${NEW_PETITION}` },
        { trigger: '.o_field_widget[name="petition_type"] select', run: 'select "petition"' },
        { trigger: '.o_notebook a[name="senders"]', run: "click" },
        {
            trigger: '.o_field_widget[name="sender_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        { trigger: '.o_data_row .o_field_widget[name="name"] input', run: "edit Võ Thị Kiến" },
        ...stepUtils.saveForm(),
        {
            trigger: '.o_form_view .o_field_widget[name="number"]',
            run() {
                const number = this.anchor.textContent.trim();
                if (!/^\d{4}\/\d{4}$/.test(number)) {
                    throw new Error(`The saved petition has no register number: "${number}"`);
                }
            },
        },
        { trigger: ".o_breadcrumb .breadcrumb-item a", run: "click" },
        // "Đơn của tôi" and "Cần xử lý" removed: every petition he may read.
        { trigger: ".o_searchview_facet + .o_searchview_facet .o_facet_remove", run: "click" },
        {
            trigger:
                ".o_searchview:not(:has(.o_searchview_facet + .o_searchview_facet)) .o_searchview_facet .o_facet_remove",
            run: "click",
        },
        { trigger: ".o_searchview:not(:has(.o_searchview_facet))" },
        { trigger: `.o_data_row td[name="summary"]:contains("${NEW_PETITION}")` },
        {
            trigger: `.o_list_renderer:has(.o_data_row td[name="summary"]:contains("${OWN_EARLIER}"))`,
            run: showsNone(OF_AGENCY_A),
        },
    ],
});

// The provincial overseer selects both agencies, opens the petition
// statistics and splits them by agency: both are there (TCD-11).
registry.category("web_tour.tours").add("danvan_statistics_province_tour", {
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
        ...openReceptionMenu("danvan_complaints.danvan_complaints_statistic_menu"),
        // The row "Tổng" folded, then opened again by agency.
        { trigger: ".o_pivot tbody tr:first-child th.o_pivot_header_cell_opened", run: "click" },
        { trigger: ".o_pivot tbody tr:first-child th.o_pivot_header_cell_closed", run: "click" },
        { trigger: ".o-dropdown--menu select.o_add_custom_group_menu", run: 'select "company_id"' },
        { trigger: `.o_pivot tbody th:contains("${AGENCY_A}")` },
        { trigger: `.o_pivot tbody th:contains("${AGENCY_B}")` },
    ],
});
