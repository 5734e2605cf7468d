import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// The main flow of issue 4, one tour per role, run one after the other by
// tests/test_models_tour.py, which checks the records between the tours.
const tours = registry.category("web_tour.tours");

const MODEL_NAME = "Tour thử nghiệm: tổ tự quản môi trường khu phố";
// The round has the 8 default criteria, each scored out of 10.
const CRITERIA_COUNT = 8;

const openModel = () => [
    { trigger: ".o_list_view" },
    { trigger: `.o_data_row td[name="name"]:contains("${MODEL_NAME}")`, run: "click" },
    { trigger: ".o_form_view .o_statusbar_status" },
];

const expectState = (state) => ({
    trigger: `.o_statusbar_status .o_arrow_button_current[data-value="${state}"]`,
});

const pickInAutocomplete = (fieldName, text) => [
    { trigger: `.o_field_widget[name="${fieldName}"] input`, run: `edit ${text}` },
    {
        trigger: `.o_field_widget[name="${fieldName}"] .o-autocomplete--dropdown-item:contains("${text}")`,
        run: "click",
    },
];

const fillHtml = (fieldName, text) => ({
    trigger: `.o_field_html[name="${fieldName}"] .odoo-editor-editable`,
    run: `editor ${text}`,
});

// 1. The unit head registers the model of the unit and submits it.
tours.add("danvan_models_register_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: '.o_field_widget[name="name"] input', run: `edit ${MODEL_NAME}` },
        ...pickInAutocomplete("round_id", "Đợt thử nghiệm tour mô hình"),
        ...pickInAutocomplete("field_id", "Lĩnh vực thử nghiệm tour"),
        ...pickInAutocomplete("leader_id", "Trưởng nhóm thử nghiệm tour"),
        fillHtml("situation", "Rác thải tồn đọng ở các ngõ nhỏ của khu phố."),
        fillHtml("objectives", "Khu phố sạch, 100% hộ phân loại rác tại nguồn."),
        fillHtml("measurable_criteria", "Số hộ phân loại rác; số điểm tồn đọng."),
        fillHtml("content_methods", "Tổ tự quản vận động từng hộ, ra quân hằng tuần."),
        fillHtml("scope_targets", "Các hộ dân của khu phố."),
        fillHtml("implementing_forces", "Chi bộ, tổ dân phố, đoàn viên thanh niên."),
        fillHtml("timeline", "Tháng 1 đến tháng 12."),
        fillHtml("outputs", "Biên bản ra quân, ảnh trước và sau."),
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_submit"]', run: "click" },
        expectState("submitted"),
    ],
});

// 2. The Office accepts it into the list and has two reviewers appraise it.
tours.add("danvan_models_accept_tour", {
    steps: () => [
        ...openModel(),
        { trigger: '.o_form_view button[name="action_accept"]', run: "click" },
        expectState("accepted"),
        { trigger: '.o_notebook_headers .nav-link[name="appraisal"]', run: "click" },
        ...pickInAutocomplete("reviewer_ids", "Thẩm định viên tour một"),
        {
            trigger: '.o_field_widget[name="reviewer_ids"] .o_tag:contains("Thẩm định viên tour một")',
        },
        ...pickInAutocomplete("reviewer_ids", "Thẩm định viên tour hai"),
        {
            trigger: '.o_field_widget[name="reviewer_ids"] .o_tag:contains("Thẩm định viên tour hai")',
        },
        { trigger: '.o_form_view button[name="action_start_appraisal"]', run: "click" },
        expectState("appraisal"),
    ],
});

// 3. A reviewer fills in the score sheet: every criterion at `score` out of 10.
function scoreSteps(score) {
    const rows = [];
    for (let row = 1; row <= CRITERIA_COUNT; row++) {
        const cell = `.modal .o_field_widget[name="line_ids"] .o_data_row:nth-child(${row}) td[name="score"]`;
        rows.push(
            { trigger: cell, run: "click" },
            { trigger: `${cell} input`, run: `edit ${score}` }
        );
    }
    return [
        ...openModel(),
        expectState("appraisal"),
        // The Score button, the only button of type action during the appraisal.
        { trigger: '.o_form_statusbar button[type="action"]', run: "click" },
        {
            trigger: `.modal .o_field_widget[name="line_ids"] .o_data_row:nth-child(${CRITERIA_COUNT})`,
        },
        ...rows,
        { trigger: '.modal button[name="action_save"]', run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: '.o_notebook_headers .nav-link[name="appraisal"]', run: "click" },
        {
            trigger: `.o_field_widget[name="score_ids"] .o_data_row:nth-child(${CRITERIA_COUNT})`,
        },
    ];
}

tours.add("danvan_models_score_8_tour", { steps: () => scoreSteps(8) });
tours.add("danvan_models_score_9_tour", { steps: () => scoreSteps(9) });

// 4. The Office closes the appraisal once both reviewers have scored...
tours.add("danvan_models_close_appraisal_tour", {
    steps: () => [
        ...openModel(),
        { trigger: '.o_form_view button[name="action_close_appraisal"]', run: "click" },
        expectState("appraised"),
    ],
});

// 5. ... and leadership approves the model, which the unit then implements.
tours.add("danvan_models_approve_tour", {
    steps: () => [
        ...openModel(),
        { trigger: '.o_form_view button[name="action_approve"]', run: "click" },
        expectState("implementing"),
    ],
});

// 6. At the end of the year the Office evaluates the model, recognizes it and
// prints the certificate.
tours.add("danvan_models_evaluate_tour", {
    steps: () => [
        ...openModel(),
        { trigger: '.o_notebook_headers .nav-link[name="evaluation"]', run: "click" },
        { trigger: '.o_field_widget[name="evaluation_score"] input', run: "edit 92" },
        { trigger: '.o_form_view button[name="action_evaluate"]', run: "click" },
        expectState("evaluated"),
        {
            trigger: '.o_field_widget[name="classification"] [raw-value="excellent"]',
        },
        {
            trigger: '.o_field_widget[name="commendation_type"] select',
            run: 'select "letter_of_commendation"',
        },
        {
            trigger: '.o_field_widget[name="decision_number"] input',
            run: "edit 88/QĐ-TOURTHU",
        },
        {
            // Today, typed as the user's language writes dates.
            trigger: '.o_field_widget[name="decision_date"] input',
            run: `edit ${formatDate(luxon.DateTime.now())}`,
        },
        {
            trigger: '.o_field_widget[name="decision_signer"] input',
            run: "edit Giám đốc thử nghiệm tour",
        },
        { trigger: '.o_form_view button[name="action_recognize"]', run: "click" },
        expectState("recognized"),
        { trigger: '.o_field_widget[name="decision_number"]:contains("88/QĐ-TOURTHU")' },
        // Print Certificate comes before Replicate, the other button of type
        // action of a recognized model.
        { trigger: '.o_form_statusbar button[type="action"]:first', run: "click" },
        // The buttons stay disabled until the certificate is downloaded; without
        // wkhtmltopdf, the certificate opens as HTML instead.
        {
            trigger: '.o_form_statusbar button[type="action"]:enabled, .o_action iframe:iframe .o_danvan_document',
        },
    ],
});
