import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A reception officer refuses a citizen who brings back a petition already
// answered in writing, with nothing new (Decree 154/2026/NĐ-CP Article
// 4(1)(h)): the line is recorded, the head's notice is due within 03 working
// days (TCD-10).
registry.category("web_tour.tours").add("danvan_reception_refusal_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: '.o_field_widget[name="refused"] input', run: "click" },
        {
            trigger: '.o_field_widget[name="refusal_ground_id"] input',
            run: "edit không có tình tiết mới",
        },
        {
            trigger: ".o-autocomplete--dropdown-item > a:contains('không có tình tiết mới')",
            run: "click",
        },
        { trigger: '.o_field_widget[name="refusal_notice_due"]' },
        { trigger: '.o_notebook a[name="visitors"]', run: "click" },
        { trigger: '.o_field_widget[name="visitor_ids"] .o_field_x2many_list_row_add a', run: "click" },
        { trigger: '.o_data_row .o_field_widget[name="name"] input', run: "edit Trần Văn Từ Chối" },
        { trigger: '.o_data_row .o_field_widget[name="identity_number"] input', run: "edit 051190008888" },
        { trigger: '.o_notebook a[name="content"]', run: "click" },
        {
            trigger: '.o_field_widget[name="summary"] textarea',
            run: "edit Kiến nghị lại việc cấp kinh phí đề tài đã được trả lời",
        },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_record"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="recorded"]' },
        { trigger: '.o_form_view button[name="action_print_refusal_notice"]' },
        // The notice is still to come: its number stays open to the head.
        { trigger: '.o_field_widget[name="refusal_notice"] input' },
    ],
});
