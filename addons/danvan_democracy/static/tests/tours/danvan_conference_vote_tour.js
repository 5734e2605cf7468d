import { registry } from "@web/core/registry";

// A staff member present at the conference votes in favour of the open
// motion; it is then in their votes (DC-8, DC-22).
registry.category("web_tour.tours").add("danvan_conference_vote_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        { trigger: ".o_data_row td:contains('Quỹ phúc lợi kiểm thử')", run: "click" },
        { trigger: '.o_form_view button[name="action_vote_yes"]', run: "click" },
        { trigger: '.o_field_widget[name="my_vote"]:contains("Tán thành")' },
        { trigger: '.o_form_view:not(:has(button[name="action_vote_yes"]))' },
    ],
});

// The Office closes the vote and sees the motion adopted (DC-8).
registry.category("web_tour.tours").add("danvan_conference_motion_close_tour", {
    steps: () => [
        { trigger: ".o_list_view" },
        { trigger: ".o_data_row td:contains('Quỹ phúc lợi kiểm thử')", run: "click" },
        { trigger: '.o_field_widget[name="yes_count"]:contains("1")' },
        { trigger: '.o_form_view button[name="action_close"]', run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: '.o_statusbar_status .o_arrow_button_current[data-value="closed"]' },
        { trigger: ".ribbon:contains('Thông qua')" },
    ],
});
