import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A date `n` days before today, typed as the user's language writes it; the
// test checks the same offsets.
const daysAgo = (n) => `edit ${formatDate(luxon.DateTime.now().startOf("day").minus({ days: n }))}`;

// Decree 155/2026: a complaint suspended on Mẫu 14a, resumed on Mẫu 14b, then
// heard in a dialogue noticed 7 days before, with its minutes (KN-8, KN-14).
registry.category("web_tour.tours").add("danvan_complaint_decree155_tour", {
    steps: () => [
        { trigger: '.o_form_view .o_statusbar_status .o_arrow_button_current[data-value="accepted"]' },
        // Suspension.
        { trigger: '.o_form_view button[name="action_open_stop_wizard"]', run: "click" },
        { trigger: '.modal .o_field_widget[name="action"] input[data-value="suspend"]', run: "click" },
        { trigger: '.modal .o_field_widget[name="date"] input', run: daysAgo(30) },
        { trigger: '.modal .o_field_widget[name="reference"] input', run: "edit 60/QĐ-SKHCN" },
        { trigger: '.modal .o_field_widget[name="reason"] textarea', run: "edit Người khiếu nại ốm nặng" },
        { trigger: '.modal button[name="action_confirm"]', run: "click" },
        { trigger: '.o_form_view .o_statusbar_status .o_arrow_button_current[data-value="suspended"]' },
        // Resumption: the clock runs again from the decision.
        { trigger: '.o_form_view button[name="action_open_stop_wizard"]', run: "click" },
        { trigger: '.modal .o_field_widget[name="action"] input[data-value="resume"]', run: "click" },
        { trigger: '.modal .o_field_widget[name="date"] input', run: daysAgo(20) },
        { trigger: '.modal .o_field_widget[name="reference"] input', run: "edit 61/QĐ-SKHCN" },
        { trigger: '.modal button[name="action_confirm"]', run: "click" },
        { trigger: '.o_form_view .o_statusbar_status .o_arrow_button_current[data-value="accepted"]' },
        { trigger: '.o_notebook a[name="stop_decisions"]', run: "click" },
        { trigger: '.o_field_widget[name="stop_decision_ids"] .o_data_row:contains("61/QĐ-SKHCN")' },
        // The dialogue, noticed in writing.
        { trigger: '.o_notebook a[name="verification"]', run: "click" },
        { trigger: '.o_form_view button[name="action_plan_dialogue"]', run: "click" },
        { trigger: '.o_form_view .o_field_widget[name="date"] input', run: daysAgo(5) },
        { trigger: '.o_field_widget[name="place"] input', run: "edit Phòng tiếp công dân" },
        { trigger: '.o_field_widget[name="content"] textarea', run: "edit Việc thu hồi giấy phép" },
        { trigger: '.o_field_widget[name="notice_reference"] input', run: "edit 62/TB-SKHCN" },
        { trigger: '.o_field_widget[name="date_notice"] input', run: daysAgo(12) },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_notify"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="noticed"]' },
        // Each party present or absent in the minutes.
        { trigger: '.o_field_widget[name="attendee_ids"] .o_data_row:first-child td[name="attendance"]', run: "click" },
        { trigger: '.o_field_widget[name="attendee_ids"] .o_data_row:first-child .o_field_widget[name="attendance"] select', run: 'select "present"' },
        { trigger: '.o_field_widget[name="attendee_ids"] .o_data_row:nth-child(2) td[name="attendance"]', run: "click" },
        { trigger: '.o_field_widget[name="attendee_ids"] .o_data_row:nth-child(2) .o_field_widget[name="attendance"] select', run: 'select "absent"' },
        { trigger: '.o_notebook a[name="minutes"]', run: "click" },
        { trigger: '.o_field_widget[name="result"] textarea', run: "edit Các bên thống nhất xác minh bổ sung" },
        ...stepUtils.saveForm(),
        { trigger: '.o_form_view button[name="action_hold"]', run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="held"]' },
    ],
});
