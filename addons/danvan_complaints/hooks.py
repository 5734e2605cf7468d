def post_init_hook(env):
    """The website speaks for the agency from the first page (issue 10), and
    no company data leaves the intranet.

    ``partner_autocomplete`` cannot be kept out by a manifest: it installs by
    itself as soon as ``iap_mail`` does, which ``base_setup`` and ``mail``
    (required by ``hr`` and ``website``) bring in. It sends company names,
    e-mail domains and VAT numbers to Odoo's servers, and the intranet must
    not; once removed, installing other modules does not bring it back.
    """
    env["res.company"].search([])._danvan_sync_websites()
    # The demo's periodic report was counted before the module's terms were
    # loaded: count it again, so that its figures read in the agency's language.
    env["danvan.complaints.report"].search([("state", "=", "draft")])._update_figures()
    env["ir.module.module"].search(
        [
            ("name", "=", "partner_autocomplete"),
            ("state", "in", ("installed", "to upgrade")),
        ]
    ).button_uninstall()
