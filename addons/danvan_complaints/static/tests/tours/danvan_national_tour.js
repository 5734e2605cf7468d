import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// NDB-2, TC-12: the Office opens the outbox, decides to report the identity
// of a denouncer who asked for protection, with its reason.
registry.category("web_tour.tours").add("danvan_national_disclosure_tour", {
    steps: () => [
        { trigger: ".o_list_view .o_data_row" },
        { trigger: ".o_list_view .o_data_row .o_data_cell", run: "click" },
        { trigger: ".o_form_view .o_danvan_disclose", run: "click" },
        {
            trigger: '.modal .o_field_widget[name="reason"] textarea',
            run: "edit Thanh tra tỉnh yêu cầu để xác minh",
        },
        { trigger: '.modal button[name="action_confirm"]', run: "click" },
        { trigger: '.o_form_view .o_field_widget[name="disclosure_reason"]' },
    ],
});

// NDB-5: the Office exports the period's entries to the files.
registry.category("web_tour.tours").add("danvan_national_export_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        { trigger: ".o_list_button_add", run: "click" },
        {
            trigger: '.o_field_widget[name="date_from"] input',
            run: `edit ${formatDate(luxon.DateTime.now().startOf("day").minus({ days: 30 }))}`,
        },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_export"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="exported"]' },
        { trigger: '.o_form_view button[name="action_download_json"]' },
    ],
});
