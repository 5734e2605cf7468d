import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// The identity planted in the letter by tests/test_confidentiality_tour.py.
const DENOUNCER = ["Đặng Thị Tuyệt Mật", "Tuyệt Mật", "0912 345 678", "Xóm Đồi 9"];
const NEIGHBOUR = "Lê Văn Tám";
const OFFICER_B = "Phạm Văn Bình";
const REMOVED = "[đã lược bỏ]";
const PREVIEW = '.modal .o_field_widget[name="content"]';

// Fails the step if the anchor's text names any of ``secrets``.
function namesNobody(...secrets) {
    return function () {
        const text = this.anchor.textContent;
        const leaked = secrets.filter((secret) => text.includes(secret));
        if (leaked.length) {
            throw new Error(`The copy without the denouncer still names: ${leaked}`);
        }
    };
}

// The officer choosing another handler in the form, then saving.
const reassignSteps = () => [
    { trigger: '.o_field_widget[name="handler_id"] input', run: `edit ${OFFICER_B}` },
    {
        trigger: `.o_field_widget[name="handler_id"] .o-autocomplete--dropdown-item a:contains("${OFFICER_B}")`,
        run: "click",
    },
    { trigger: `.o_field_widget[name="handler_id"] input:value("${OFFICER_B}")` },
];

// The handler of a denunciation case previews the copy the verification team
// will read, checks that it names nobody, removes the neighbour the letter
// names and confirms it (TC-13 (2)).
registry.category("web_tour.tours").add("danvan_redacted_copy_tour", {
    steps: () => [
        { trigger: '.o_form_view button[name="action_preview_redacted"]', run: "click" },
        {
            trigger: `${PREVIEW}:contains("${REMOVED}"):contains("${NEIGHBOUR}")`,
            run: namesNobody(...DENOUNCER),
        },
        { trigger: '.modal .o_field_widget[name="summary"]' },
        {
            trigger: '.modal .o_field_widget[name="redact_terms"] textarea',
            run: `edit ${NEIGHBOUR}`,
        },
        // The officer clicks out of the list to read the preview again.
        { trigger: PREVIEW, run: "click" },
        // The preview follows at once: the neighbour is gone, the facts stay.
        {
            trigger: `${PREVIEW}:not(:contains("${NEIGHBOUR}")):contains("cán bộ địa chính")`,
            run: namesNobody(...DENOUNCER, "Tám"),
        },
        { trigger: '.modal button[name="action_confirm"]', run: "click" },
        { trigger: 'body:not(:has(.modal)) .o_form_view .o_form_saved' },
    ],
});

// Leadership hands a denunciation to another officer (TCD-11, TC-12).
registry.category("web_tour.tours").add("danvan_reassign_petition_tour", {
    steps: () => [
        ...reassignSteps(),
        ...stepUtils.saveForm(),
        { trigger: `.o-mail-Message .o-mail-Message-tracking:contains("${OFFICER_B}")` },
    ],
});

// The officer handling a denunciation cannot hand it over himself: the save
// is refused with the law's reason, in Vietnamese, and nothing changes.
registry.category("web_tour.tours").add("danvan_self_reassign_refused_tour", {
    steps: () => [
        ...reassignSteps(),
        { trigger: ".o_form_button_save", run: "click" },
        {
            trigger:
                '.o_error_dialog [role="alert"]:contains("chỉ lãnh đạo hoặc người đứng đầu đơn vị xử lý")',
        },
        { trigger: ".o_error_dialog .o-default-button", run: "click" },
        ...stepUtils.discardForm(),
        {
            trigger: `.o_field_widget[name="handler_id"] input:not(:value("${OFFICER_B}"))`,
        },
    ],
});
