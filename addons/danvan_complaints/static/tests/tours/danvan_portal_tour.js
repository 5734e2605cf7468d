import { registry } from "@web/core/registry";

// A citizen, not logged in, submits a petition on the website and follows its
// status with the tracking code and the secret of the receipt (issue 5, item 8).
// Steps select by names and classes only: the website may be in Vietnamese.
// The secret read on the receipt is kept in sessionStorage: each page load
// runs this file again.
const SECRET_KEY = "danvan_portal_tour_secret";

registry.category("web_tour.tours").add("danvan_portal_submit_tour", {
    url: "/danvan/petition",
    steps: () => [
        {
            trigger: ".o_danvan_portal_form select[name=petition_type]",
            run: "select petition",
        },
        {
            trigger: ".o_danvan_portal_form input[name=summary]",
            run: "edit Đèn đường hỏng tại tổ 5",
        },
        {
            trigger: ".o_danvan_portal_form textarea[name=content]",
            run: "edit Ba cột đèn đường tại tổ 5 không sáng từ tháng trước.",
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
            trigger: ".o_danvan_portal_secret",
            run() {
                sessionStorage.setItem(SECRET_KEY, this.anchor.textContent.trim());
            },
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
