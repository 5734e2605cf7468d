import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const DRAFT = "Dự thảo Quy chế thử nghiệm tour";
const OPINION = "Đề nghị quy định rõ mức khoán công tác phí trong tỉnh.";

// A member of staff opens the draft consulted on and gives an opinion on an
// article (DC-12, issue 14 item 2).
registry.category("web_tour.tours").add("danvan_consultation_opinion_tour", {
    steps: () => [
        { trigger: `.o_list_view .o_data_row td[name="name"]:contains(${DRAFT})`, run: "click" },
        { trigger: '.o_form_view button[name="action_give_opinion"]', run: "click" },
        { trigger: '.modal .o_field_widget[name="article_id"] input', run: "edit Điều 1" },
        { trigger: ".o-autocomplete--dropdown-item:contains(Điều 1)", run: "click" },
        { trigger: '.modal .o_field_widget[name="content"] textarea', run: `edit ${OPINION}` },
        { trigger: ".modal .o_form_button_save", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: '.o_notebook a[name="opinions"]', run: "click" },
        { trigger: `.o_field_widget[name="opinion_ids"] .o_data_row:contains(${OPINION})` },
    ],
});

// The Office closes the consultation, compiles the table and decides on each
// line (DC-12).
registry.category("web_tour.tours").add("danvan_consultation_summary_tour", {
    steps: () => [
        { trigger: `.o_list_view .o_data_row td[name="name"]:contains(${DRAFT})`, run: "click" },
        { trigger: '.o_form_view button[name="action_close"]', run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="closed"]' },
        { trigger: '.o_form_view button[name="action_compile"]', run: "click" },
        { trigger: '.o_notebook a[name="summary"]', run: "click" },
        {
            trigger: '.o_field_widget[name="response_ids"] .o_data_row:eq(0) td[name="decision"]',
            run: "click",
        },
        { trigger: '.o_data_row .o_field_widget[name="decision"] select', run: 'select "accepted"' },
        {
            trigger: '.o_field_widget[name="response_ids"] .o_data_row:eq(1) td[name="decision"]',
            run: "click",
        },
        { trigger: '.o_data_row.o_selected_row .o_field_widget[name="decision"] select', run: 'select "partly"' },
        {
            trigger: '.o_data_row.o_selected_row .o_field_widget[name="explanation"] textarea',
            run: "edit Mức khoán theo Nghị quyết của Hội đồng nhân dân tỉnh.",
        },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_summarise"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="summarised"]' },
    ],
});
