import { formatDate } from "@web/core/l10n/dates";
import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Four weeks from today, moved to a working day by the agency's calendar:
// the five working days of the notice are still ahead (TCD-17).
async function typeSessionDay(helpers) {
    const wanted = luxon.DateTime.now().startOf("day").plus({ days: 28 });
    const day = await rpc("/web/dataset/call_kw/danvan.holiday/roll_forward", {
        model: "danvan.holiday",
        method: "roll_forward",
        args: [wanted.toISODate()],
        kwargs: {},
    });
    await helpers.edit(formatDate(luxon.DateTime.fromISO(day)));
}

// A small file chosen in the binary field whose widget is the anchor.
function chooseFile(name, content, type) {
    return function () {
        const input = this.anchor.querySelector("input[type=file]");
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], name, { type }));
        input.files = transfer.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
    };
}

const point = (name, kind, participant, role) => [
    { trigger: '.o_field_widget[name="online_point_ids"] .o_field_x2many_list_row_add a', run: "click" },
    { trigger: '.modal .o_field_widget[name="name"] input', run: `edit ${name}` },
    { trigger: '.modal .o_field_widget[name="kind"] select', run: `select "${kind}"` },
    { trigger: '.modal .o_field_widget[name="address"] input', run: "edit Hội trường" },
    { trigger: '.modal .o_field_widget[name="participant_ids"] .o_field_x2many_list_row_add a', run: "click" },
    { trigger: '.modal .o_data_row .o_field_widget[name="name"] input', run: `edit ${participant}` },
    { trigger: '.modal .o_data_row .o_field_widget[name="role"] select', run: `select "${role}"` },
    { trigger: ".modal .o_form_button_save", run: "click" },
    { trigger: `.o_field_widget[name="online_point_ids"] .o_data_row td:contains("${name}")` },
];

// The Office plans an online session, adds its points, confirms the steps of
// the timeline, attaches the recording and the minutes, and closes it
// (issue 13, item 3: TCD-16 to TCD-19).
registry.category("web_tour.tours").add("danvan_online_reception_tour", {
    steps: () => [
        { trigger: ".o_form_view .o_field_widget[name='kind'] select", run: 'select "unscheduled"' },
        { trigger: '.o_field_widget[name="date"] input', run: typeSessionDay },
        { trigger: '.o_field_widget[name="reception_form"] select', run: 'select "online"' },
        { trigger: '.o_notebook a[name="online"]', run: "click" },
        { trigger: '.o_field_widget[name="online_case_ids"] input', run: "click" },
        // The five grounds of the regime are listed: take the first.
        { trigger: ".o-autocomplete--dropdown-item:nth-child(5) a" },
        { trigger: ".o-autocomplete--dropdown-item:first-child a", run: "click" },
        { trigger: '.o_field_widget[name="online_case_ids"] .o_tag' },
        { trigger: '.o_field_widget[name="online_decision_number"] input', run: "edit 31/QĐ-SKHCN" },
        {
            trigger: '.o_field_widget[name="online_decision_date"] input',
            run: `edit ${formatDate(luxon.DateTime.now().startOf("day"))}`,
        },
        ...point("Điểm cầu trung tâm Sở", "central", "Bà Trần Thị Tham Mưu", "advisor"),
        ...point("Điểm cầu UBND xã Tân Lập", "component", "Ông Hà Văn Xã", "body"),
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_online_confirm_notice"]', run: "click" },
        { trigger: '.o_form_view button[name="action_online_confirm_test"]', run: "click" },
        { trigger: '.o_form_view button[name="action_online_confirm_connection"]', run: "click" },
        { trigger: '.o_form_view button[name="action_online_start"]', run: "click" },
        { trigger: '.o_field_widget[name="online_started_at"]' },
        {
            trigger: '.o_field_widget[name="online_recording"]',
            run: chooseFile("ghi-hinh.mp4", "dummy online reception recording", "video/mp4"),
        },
        { trigger: '.o_field_widget[name="online_recording"] input.o_input' },
        {
            trigger: '.o_field_widget[name="online_minutes"]',
            run: chooseFile("bien-ban.pdf", "%PDF-1.4 minutes", "application/pdf"),
        },
        { trigger: '.o_field_widget[name="online_minutes"] input.o_input' },
        ...stepUtils.saveForm(),
        { trigger: '.o_field_widget[name="online_recording_sha256"]:not(:empty)' },
        { trigger: '.o_form_view button[name="action_held"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="held"]' },
    ],
});
