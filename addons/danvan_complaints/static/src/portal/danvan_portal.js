import publicWidget from "@web/legacy/js/public/public_widget";

// The petition form: the anonymous option belongs to a denunciation only and
// hides the identity fields (TC-4, XLD-7); the server ignores them anyway.
publicWidget.registry.DanvanPetitionForm = publicWidget.Widget.extend({
    selector: ".o_danvan_portal_form",
    events: {
        "change select[name=petition_type]": "_update",
        "change input[name=is_anonymous]": "_update",
    },

    start() {
        this._update();
        return this._super(...arguments);
    },

    _update() {
        const type = this.el.querySelector("select[name=petition_type]").value;
        const checkbox = this.el.querySelector("input[name=is_anonymous]");
        const canBeAnonymous = type === "denunciation";
        if (!canBeAnonymous) {
            checkbox.checked = false;
        }
        const anonymous = checkbox.checked;
        this.el
            .querySelector(".o_danvan_portal_anonymous")
            .classList.toggle("d-none", !canBeAnonymous);
        this.el
            .querySelector(".o_danvan_portal_anonymous_notice")
            .classList.toggle("d-none", !canBeAnonymous);
        const identity = this.el.querySelector(".o_danvan_portal_identity");
        identity.classList.toggle("d-none", anonymous);
        for (const input of identity.querySelectorAll("input")) {
            input.disabled = anonymous;
        }
        for (const name of ["name", "address"]) {
            this.el.querySelector(`input[name=${name}]`).required = !anonymous;
        }
    },
});

// The receipt is printed from the browser: the print style keeps the agency,
// the keys, the date received and the deadline.
publicWidget.registry.DanvanPetitionReceipt = publicWidget.Widget.extend({
    selector: ".o_danvan_portal_receipt",
    events: {
        "click .o_danvan_portal_print": "_onPrint",
    },

    _onPrint() {
        window.print();
    },
});
