def post_init_hook(env):
    """No company data leaves the intranet.

    ``partner_autocomplete`` cannot be kept out by a manifest: it installs by
    itself as soon as ``iap_mail`` does, which ``base_setup`` and ``mail``
    (required by ``hr``) bring in. It sends company names, e-mail domains and
    VAT numbers to Odoo's servers, and the intranet must not; once removed,
    installing other modules does not bring it back.
    """
    env["ir.module.module"].search(
        [
            ("name", "=", "partner_autocomplete"),
            ("state", "in", ("installed", "to upgrade", "to install")),
        ]
    ).button_uninstall()
