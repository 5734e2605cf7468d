import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Internal publication (DC-3), one tour per role, run one after the other by
// tests/test_publication_tour.py, which checks the records between the tours.
const tours = registry.category("web_tour.tours");

const TITLE = "Tour thử nghiệm: nâng bậc lương thường xuyên";

const openPublication = () => [
    { trigger: ".o_list_view" },
    { trigger: `.o_data_row td[name="name"]:contains("${TITLE}")`, run: "click" },
    { trigger: ".o_form_view .o_statusbar_status" },
];

// 1. The Office writes the publication, attaches the decision before saving,
//    saves and publishes it.
tours.add("danvan_publication_publish_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: '.o_field_widget[name="name"] input', run: `edit ${TITLE}` },
        { trigger: '.o_field_widget[name="category_id"] input', run: "edit Tuyển dụng" },
        {
            trigger: '.o_field_widget[name="category_id"] .o-autocomplete--dropdown-item:contains("Tuyển dụng")',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="document_ref"] input',
            run: "edit Quyết định số 301/QĐ-SKHCN",
        },
        {
            // The signed decision, scanned: a file chosen before the first save.
            trigger: '.o_field_widget[name="attachment_ids"] input[type="file"]:not(:visible)',
            run() {
                const data = new DataTransfer();
                data.items.add(
                    new File(["%PDF-1.4 quyet dinh nang luong"], "qd-nang-luong.pdf", {
                        type: "application/pdf",
                    })
                );
                this.anchor.files = data.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        { trigger: '.o_field_widget[name="attachment_ids"]:contains("qd-nang-luong")' },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_publish"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="posted"]' },
    ],
});

// 2. A staff member opens "Posted for me", reads it and marks it read.
tours.add("danvan_publication_read_tour", {
    steps: () => [
        ...openPublication(),
        { trigger: '.o_field_widget[name="attachment_ids"]:contains("qd-nang-luong")' },
        { trigger: '.o_form_view button[name="action_mark_read"]', run: "click" },
        { trigger: '.o_form_view:not(:has(button[name="action_mark_read"]))' },
    ],
});

// 3. The Office sees that one staff member has read it.
tours.add("danvan_publication_read_count_tour", {
    steps: () => [
        ...openPublication(),
        {
            trigger: '.o_form_view button[name="action_open_reads"] .o_stat_value:contains("1")',
        },
        { trigger: '.o_form_view button[name="action_open_reads"]', run: "click" },
        { trigger: '.o_list_view .o_data_row td[name="user_id"]:contains("dv_staff")' },
    ],
});
