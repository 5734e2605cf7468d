import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// The export of the evaluation software, as the Office downloads it (DC-19).
const EXPORT = [
    "STT;Họ và tên;Email;Xếp loại;Điểm",
    "1;Nguyễn Thị Lan;canbo@skhcn.example.vn;Hoàn thành tốt nhiệm vụ;86",
    "2;Lê Văn Hùng;truongphong@skhcn.example.vn;Hoàn thành xuất sắc nhiệm vụ;93,5",
    "3;Phạm Quang Sơn;;Hoàn thành nhiệm vụ;64",
].join("\n");
const today = () => `edit ${formatDate(luxon.DateTime.now().startOf("day"))}`;

// The Office records the year's classification from the evaluation
// software's export, previews it, confirms and publishes it to staff
// (issue 14, item 6).
registry.category("web_tour.tours").add("danvan_democracy_evaluation_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        { trigger: ".o_list_button_add", run: "click" },
        {
            trigger: '.o_field_widget[name="decision_ref"] input',
            run: "edit 95/QĐ-SKHCN",
        },
        { trigger: '.o_field_widget[name="decision_date"] input', run: today() },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_open_import"]', run: "click" },
        {
            trigger: '.modal .o_field_widget[name="file"]',
            async run() {
                const file = new File([EXPORT], "ket_qua_danh_gia.csv", { type: "text/csv" });
                const input = document.querySelector(
                    '.modal .o_field_widget[name="file"] input[type="file"]'
                );
                const transfer = new DataTransfer();
                transfer.items.add(file);
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        { trigger: '.modal .o_field_widget[name="file"] .o_clear_file_button' },
        { trigger: '.modal button[name="action_preview"]', run: "click" },
        { trigger: '.modal .o_field_widget[name="line_ids"] .o_data_row:nth-child(3)' },
        { trigger: '.modal .o_field_widget[name="line_ids"]:contains("Lê Văn Hùng")' },
        { trigger: '.modal button[name="action_confirm"]', run: "click" },
        { trigger: '.o_form_view:not(:has(.modal)) .o_field_widget[name="result_ids"] .o_data_row:nth-child(3)' },
        { trigger: '.o_form_view button[name="action_publish"]', run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: '.o_form_view .o_field_widget[name="category_id"]' },
        { trigger: '.o_form_view button[name="action_publish"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="posted"]' },
    ],
});
