"""The default recipients of a kind of document (VB-12), a setting of the
agency: each addon declares its res.company field with ``recipients_field``
and its line in the settings block ``danvan_document_setting_container``."""

from odoo import fields


def recipients_field(string, help, lines):
    """A res.company field of the recipients a new document of one kind starts
    with, one per line. ``lines`` are lazy translations (``_lt``) of the
    declaring addon: a new agency starts with them in its language."""
    return fields.Text(
        string=string,
        help=help,
        default=lambda self: self._danvan_recipients_text(lines),
    )


def recipient_lines(text):
    """The recipients of a text of one per line, without the empty lines."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
