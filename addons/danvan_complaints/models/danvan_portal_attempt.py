"""The failed attempts on the public tracking page (issue 11, item 7).

A client address, or a tracking code, that failed ``MAX_FAILURES`` times
within ``WINDOW`` is locked out until its failures leave the window: a code's
secret cannot be guessed from one address, nor from many.

Neither the address nor the code is stored, only keyed hashes of them: enough
to count the failures, no personal data kept.
"""

import ipaddress
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools.misc import hmac

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)


class DanvanPortalAttempt(models.Model):
    _name = "danvan.portal.attempt"
    _description = "Failed Tracking Attempt"
    _order = "date desc, id desc"
    _log_access = False

    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    address_key = fields.Char(required=True, index=True)
    code_key = fields.Char(index=True)

    @api.model
    def _key(self, scope, value):
        return hmac(self.env(su=True), f"danvan_complaints.portal_{scope}", value)

    @api.model
    def _address_key(self, address):
        """The key of a client address; an IPv6 client holds a whole /64
        network, so the network is what is counted."""
        try:
            network = ipaddress.ip_network(address)
        except ValueError:
            return self._key("address", address or "")
        if network.version == 6:
            network = network.supernet(new_prefix=64)
        return self._key("address", str(network.network_address))

    @api.model
    def _is_locked(self, address, code):
        """Whether ``address`` or ``code`` failed too often lately."""
        recent = [("date", ">", fields.Datetime.now() - WINDOW)]
        keys = [("address_key", self._address_key(address))]
        if code:
            keys.append(("code_key", self._key("code", code)))
        attempts = self.sudo()
        return any(
            attempts.search_count(recent + [(name, "=", key)], limit=MAX_FAILURES)
            >= MAX_FAILURES
            for name, key in keys
        )

    @api.model
    def _record_failure(self, address, code):
        self.sudo().create(
            {
                "address_key": self._address_key(address),
                "code_key": code and self._key("code", code),
            }
        )

    @api.autovacuum
    def _gc_expired_attempts(self):
        """Failures out of the window count no more: drop them."""
        self.sudo().search([("date", "<=", fields.Datetime.now() - WINDOW)]).unlink()
