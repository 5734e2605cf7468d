import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// The Office proposes a new year's days off and confirms Tết.
registry.category("web_tour.tours").add("danvan_holiday_generate_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="danvan_base.menu_danvan_root"]',
            run: "click",
        },
        {
            trigger: '.o_menu_sections [data-menu-xmlid="danvan_base.menu_danvan_configuration"]',
            run: "click",
        },
        {
            trigger: '.o-dropdown--menu [data-menu-xmlid="danvan_base.danvan_holiday_generate_menu"]',
            run: "click",
        },
        {
            trigger: '.modal .o_field_widget[name="year"] input',
            run: "edit 2031",
        },
        {
            trigger: '.modal button[name="action_generate"]',
            run: "click",
        },
        {
            trigger: '.o_list_view .o_data_row td[name="name"]:contains("Tết Nguyên Đán")',
            run: "click",
        },
        {
            trigger: '.o_form_view button[name="action_confirm"]',
            run: "click",
        },
        {
            trigger: '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="confirmed"]',
        },
    ],
});
