import { registry } from "@web/core/registry";

// The denouncers planted by tests/test_denunciation_withdrawal_tour.py.
const FIRST = "Hoàng Thị Rút Đơn";
const WITHDRAWERS = '.o_field_widget[name="withdrawer_ids"]';

// The handler records that one of the two denouncers withdraws the whole
// denunciation by a signed letter; the case goes on for the other (TC-8).
registry.category("web_tour.tours").add("danvan_denunciation_withdrawal_tour", {
    steps: () => [
        { trigger: '.o_form_view button[name="action_new_withdrawal"]', run: "click" },
        { trigger: `${WITHDRAWERS} input`, run: "edit Rút Đơn" },
        {
            trigger: `${WITHDRAWERS} .o-autocomplete--dropdown-item a:contains("${FIRST}")`,
            run: "click",
        },
        { trigger: `${WITHDRAWERS} .o_tag:contains("${FIRST}")` },
        {
            trigger: '.o_field_widget[name="reasons"] textarea',
            run: "edit Đã được giải thích, không còn yêu cầu",
        },
        {
            trigger: '.o_field_widget[name="reference"] input',
            run: "edit Đơn rút tố cáo ngày hôm nay",
        },
        {
            // The signed letter, scanned: a file chosen in the upload field.
            trigger: '.o_field_widget[name="attachment_ids"] input[type="file"]:not(:visible)',
            run() {
                const data = new DataTransfer();
                data.items.add(
                    new File(["%PDF-1.4 don rut to cao"], "don-rut-to-cao.pdf", {
                        type: "application/pdf",
                    })
                );
                this.anchor.files = data.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        { trigger: '.o_field_widget[name="attachment_ids"]:contains("don-rut-to-cao")' },
        { trigger: '.o_form_view button[name="action_confirm"]', run: "click" },
        // In Vietnamese: the case goes on for the other denouncer.
        { trigger: '.o_field_widget[name="outcome"]:contains("người tố cáo khác")' },
        { trigger: '.o_form_view .o_form_saved' },
    ],
});
