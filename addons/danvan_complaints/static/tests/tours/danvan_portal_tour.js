import { registry } from "@web/core/registry";

// A citizen, not logged in, with a browser in Vietnamese, submits a petition
// on the website, prints the receipt and follows its status with the
// tracking code and the secret of the receipt (issue 5, item 8; issue 10).
// Steps select by names and classes only: the website is in Vietnamese.
// The secret read on the receipt is kept in sessionStorage: each page load
// runs this file again.
const SECRET_KEY = "danvan_portal_tour_secret";

registry.category("web_tour.tours").add("danvan_portal_submit_tour", {
    url: "/danvan/petition",
    steps: () => [
        {
            trigger: "html[lang=vi-VN] .o_danvan_portal_form select[name=petition_type]",
            run: "select denunciation",
        },
        {
            // A denunciation may be anonymous: the identity fields go away.
            trigger: ".o_danvan_portal_form input[name=is_anonymous]",
            run: "click",
        },
        {
            trigger: ".o_danvan_portal_form .o_danvan_portal_identity.d-none:not(:visible)",
        },
        {
            trigger: ".o_danvan_portal_form input[name=is_anonymous]",
            run: "click",
        },
        {
            trigger: ".o_danvan_portal_form .o_danvan_portal_identity:not(.d-none)",
        },
        {
            trigger: ".o_danvan_portal_form select[name=petition_type]",
            run: "select complaint",
        },
        {
            trigger: ".o_danvan_portal_form .o_danvan_portal_anonymous.d-none:not(:visible)",
        },
        {
            trigger: ".o_danvan_portal_form input[name=summary]",
            run: "edit Khiếu nại việc thu phí thẩm định tại tổ 5",
        },
        {
            trigger: ".o_danvan_portal_form textarea[name=content]",
            run: "edit Tôi khiếu nại việc thu phí thẩm định không đúng quy định.",
        },
        {
            trigger: ".o_danvan_portal_form input[name=name]",
            run: "edit Trần Thị Tour",
        },
        {
            trigger: ".o_danvan_portal_form input[name=address]",
            run: "edit Tổ 5, phường Tân Lập",
        },
        {
            trigger: ".o_danvan_portal_form input[name=email]",
            run: "edit tour.citizen@example.com",
        },
        {
            trigger: ".o_danvan_portal_form button.o_danvan_portal_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_danvan_portal_receipt .o_danvan_portal_deadline",
        },
        {
            trigger: ".o_danvan_portal_secret",
            run() {
                sessionStorage.setItem(SECRET_KEY, this.anchor.textContent.trim());
                // The browser's print dialog is not opened in a test.
                window.print = () => document.body.classList.add("o_danvan_printed");
            },
        },
        {
            trigger: ".o_danvan_portal_receipt button.o_danvan_portal_print",
            run: "click",
        },
        {
            trigger: "body.o_danvan_printed",
        },
        {
            trigger: "a.o_danvan_portal_track_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_danvan_track_form input[name=secret]",
            run() {
                this.anchor.value = sessionStorage.getItem(SECRET_KEY);
            },
        },
        {
            trigger: ".o_danvan_track_form button.o_danvan_track_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_danvan_portal_status[data-state=received]",
        },
    ],
});

// The same citizen, later: the complaint was accepted and its decision
// published. The secret comes in the page's fragment, never sent.
registry.category("web_tour.tours").add("danvan_portal_decision_tour", {
    steps: () => [
        {
            trigger: "html[lang=vi-VN] .o_danvan_track_form input[name=secret]",
            run() {
                this.anchor.value = new URLSearchParams(location.hash.slice(1)).get(
                    "secret"
                );
            },
        },
        {
            trigger: ".o_danvan_track_form button.o_danvan_track_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_danvan_portal_status[data-case-state=closed] .o_danvan_portal_decision",
        },
    ],
});
