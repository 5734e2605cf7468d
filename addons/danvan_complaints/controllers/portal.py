"""The public side on the website: anyone submits a petition without an
account and follows it with a tracking code and a secret (issue 5, item 8;
XLD-2: an electronic petition is worth a paper one), and the head's reception
schedule is published (TCD-9).

A submission is validated entirely before anything is written: a rejected one
leaves no petition, no sender and no file behind.
"""

import os
import re
import secrets
import unicodedata

import psycopg2

from odoo import http
from odoo.http import request
from odoo.tools import plaintext2html, single_email_re
from odoo.tools.mimetypes import guess_mimetype

from ..models.danvan_portal_attempt import WINDOW

DOCX_MIMETYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
# Extension -> the type its content must really have (guessed from its bytes).
ALLOWED_FILES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": DOCX_MIMETYPE,
}
MAX_FILES = 3
MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_LENGTHS = {
    "summary": 200,
    "content": 20000,
    "name": 200,
    "address": 300,
    "identity_number": 30,
    "phone": 30,
    "email": 254,
}
PETITION_TYPES = ("complaint", "denunciation", "petition")
IDENTITY_FIELDS = ("name", "address", "identity_number", "phone", "email")
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
KEY_CONSTRAINTS = (
    "danvan_petition_portal_token_hash_unique",
    "danvan_petition_portal_code_unique",
)


def _clean_text(value, multiline=False):
    """Drop control characters (a NUL byte would even break the database) and
    surrounding blanks; keep line breaks where the field has lines."""
    kept = "\n\t" if multiline else ""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        char
        for char in value
        if char in kept or unicodedata.category(char) not in ("Cc", "Cf")
    ).strip()


def _clean_key(value):
    """A code or a secret as typed: letters and digits only, upper case."""
    return re.sub(r"[^A-Z0-9]", "", (value or "").upper())[:40]


def _format_secret(secret):
    return "-".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class DanvanPortal(http.Controller):
    # Submission

    @http.route(
        "/danvan/petition", type="http", auth="public", website=True, sitemap=True
    )
    def petition_form(self, **kwargs):
        return self._render_form({}, [])

    @http.route(
        "/danvan/petition/submit",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def petition_submit(self, **post):
        token = post.get("submission_token") or ""
        if not TOKEN_RE.match(token):
            return self._render_form(
                post,
                [request.env._("This form has expired: fill it in again.")],
                new_token=True,
            )
        Petition = request.env["danvan.petition"]
        if Petition._portal_find_token(token):
            # The same form sent twice (double click, reload): one petition.
            return self._render_receipt(token)
        values, sender_values, files, errors = self._validate(post)
        if errors:
            return self._render_form(post, errors)
        try:
            with request.env.cr.savepoint():
                Petition._portal_create(token, values, sender_values, files)
        except psycopg2.IntegrityError as error:
            # A concurrent request registered the same form first: the unique
            # index decides, and both answers show the same receipt.
            if error.diag.constraint_name not in KEY_CONSTRAINTS:
                raise
            if not self._registered_meanwhile(token):
                return self._render_form(
                    post,
                    [
                        request.env._(
                            "The petition could not be registered: send it again."
                        )
                    ],
                    new_token=True,
                )
        return self._render_receipt(token)

    def _registered_meanwhile(self, token):
        """Whether another transaction registered this form: this request's
        snapshot predates it, so look in a new one."""
        Petition = request.env["danvan.petition"]
        with request.env.registry.cursor() as cr:
            return bool(
                Petition.with_env(Petition.env(cr=cr, su=True))
                .with_context(active_test=False)
                .search_count(
                    [("portal_token_hash", "=", Petition._portal_hash_token(token))]
                )
            )

    def _validate(self, post):
        """Clean values of the petition, of its sender and its files, and the
        list of errors; nothing is written here."""
        _ = request.env._
        errors = []
        text = {
            name: _clean_text(post.get(name), multiline=name == "content")
            for name in MAX_LENGTHS
        }
        petition_type = post.get("petition_type")
        if petition_type not in PETITION_TYPES:
            errors.append(
                _("Choose what the petition is: complaint, denunciation or petition.")
            )
        if not text["summary"]:
            errors.append(_("Give a short subject."))
        if not text["content"]:
            errors.append(_("Write the content of the petition."))
        labels = {
            "summary": _("The subject"),
            "content": _("The content"),
            "name": _("The name"),
            "address": _("The address"),
            "identity_number": _("The identity document number"),
            "phone": _("The phone number"),
            "email": _("The e-mail address"),
        }
        for name, limit in MAX_LENGTHS.items():
            if len(text[name]) > limit:
                errors.append(
                    _(
                        "%(field)s is too long: at most %(limit)s characters.",
                        field=labels[name],
                        limit=limit,
                    )
                )
        is_anonymous = bool(post.get("is_anonymous"))
        if is_anonymous:
            # TC-4: whatever the browser still sent, an anonymous denouncer
            # leaves no identity, not even an address for the e-mails.
            text.update(dict.fromkeys(IDENTITY_FIELDS, ""))
        if is_anonymous and petition_type != "denunciation":
            # XLD-7: only a denunciation may come without name and address.
            errors.append(
                _(
                    "Only a denunciation can be sent without your name and "
                    "address: a complaint or a petition without them is not "
                    "processed."
                )
            )
        if not is_anonymous and not (text["name"] and text["address"]):
            # XLD-5, TC-2: the sender's full name and address.
            errors.append(_("Give your full name and your address."))
        if text["email"] and not single_email_re.match(text["email"]):
            errors.append(_("The e-mail address is not valid."))
        files, file_errors = self._read_files()
        errors += file_errors
        values = {
            "petition_type": petition_type,
            "summary": text["summary"],
            # Plain text escaped into HTML: no markup of the citizen survives.
            "content": plaintext2html(text["content"]),
            "is_anonymous": is_anonymous,
            # TC-12: a denouncer may ask for protection when sending it.
            "protection_requested": petition_type == "denunciation"
            and bool(post.get("protection_requested")),
            "date_received": request.website.company_id._danvan_today(),
            "company_id": request.website.company_id.id,
            "portal_email": text["email"] or False,
        }
        sender_values = {}
        if not is_anonymous:
            sender_values = {name: text[name] or False for name in IDENTITY_FIELDS}
        return values, sender_values, files, errors

    def _read_files(self):
        """(name, bytes, mimetype) of each file, checked by its content: the
        extension must be allowed and the bytes must be of that type."""
        _ = request.env._
        uploads = [
            upload
            for upload in request.httprequest.files.getlist("attachments")
            if upload.filename
        ]
        if len(uploads) > MAX_FILES:
            return [], [_("At most %s files can be attached.", MAX_FILES)]
        files, errors = [], []
        for upload in uploads:
            name = _clean_text(os.path.basename(upload.filename.replace("\\", "/")))
            name = name[-100:] or "file"
            data = upload.stream.read(MAX_FILE_SIZE + 1)
            extension = name.rpartition(".")[2].lower() if "." in name else ""
            if len(data) > MAX_FILE_SIZE:
                errors.append(
                    _(
                        "%(file)s is larger than %(size)s MB.",
                        file=name,
                        size=MAX_FILE_SIZE // (1024 * 1024),
                    )
                )
            elif extension not in ALLOWED_FILES:
                errors.append(
                    _(
                        "%s: only PDF, JPEG, PNG and DOCX files are accepted.",
                        name,
                    )
                )
            elif not data or guess_mimetype(data) != ALLOWED_FILES[extension]:
                errors.append(
                    _("%s is not really the kind of file its name says.", name)
                )
            else:
                files.append((name, data, ALLOWED_FILES[extension]))
        return files, errors

    def _render_form(self, post, errors, new_token=False):
        token = post.get("submission_token")
        if new_token or not token or not TOKEN_RE.match(token):
            token = secrets.token_urlsafe(32)
        values = {
            name: _clean_text(post.get(name), multiline=name == "content")
            for name in MAX_LENGTHS
        }
        values.update(
            petition_type=post.get("petition_type") or "",
            is_anonymous=bool(post.get("is_anonymous")),
            protection_requested=bool(post.get("protection_requested")),
        )
        return request.render(
            "danvan_complaints.portal_petition_form",
            {
                "errors": errors,
                "values": values,
                "submission_token": token,
                "max_files": MAX_FILES,
                "max_file_mb": MAX_FILE_SIZE // (1024 * 1024),
                "max_lengths": MAX_LENGTHS,
            },
            status=400 if errors else 200,
        )

    def _render_receipt(self, token):
        """The receipt to keep or print: the keys, the day of receipt and the
        processing deadline (XLD-8)."""
        Petition = request.env["danvan.petition"]
        code, secret = Petition._portal_keys(token)
        petition = Petition._portal_find_token(token)
        return request.render(
            "danvan_complaints.portal_petition_receipt",
            {
                "code": code,
                "secret": _format_secret(secret),
                "date_received": petition.date_received,
                "date_deadline": petition.date_deadline,
                "agency_lines": request.website.company_id._danvan_agency_lines(),
            },
        )

    # Tracking

    @http.route(
        "/danvan/track",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
        sitemap=False,
    )
    def petition_track(self, code="", secret="", **kwargs):
        code = _clean_key(code)
        code = f"DV-{code[2:]}" if code.startswith("DV") else code
        values = {"code": code, "status": False, "error": False, "locked": False}
        if request.httprequest.method == "POST":
            # A locked-out address or code is not even looked up: it gets the
            # answer of a wrong try, and is told to come back later.
            Attempt = request.env["danvan.portal.attempt"]
            address = request.httprequest.remote_addr
            locked = Attempt._is_locked(address, code)
            petition = request.env["danvan.petition"]
            if not locked:
                petition = petition._portal_find(code, _clean_key(secret))
            if petition:
                values["status"] = petition._portal_status()
            else:
                # Same answer for a wrong code and a wrong secret.
                values["error"] = request.env._(
                    "No petition matches this tracking code and secret."
                )
            if locked:
                values["locked"] = request.env._(
                    "Too many failed attempts: try again in %s minutes.",
                    WINDOW.seconds // 60,
                )
            elif not petition:
                Attempt._record_failure(address, code)
        return request.render("danvan_complaints.portal_petition_track", values)

    # TCD-9: the head's reception schedule, published

    @http.route(
        "/danvan/reception-schedule",
        type="http",
        auth="public",
        website=True,
        sitemap=True,
    )
    def reception_schedule(self, **kwargs):
        company = request.website.company_id
        Session = request.env["danvan.reception.session"]
        return request.render(
            "danvan_complaints.portal_reception_schedule",
            {
                "sessions": Session._public_schedule(company),
                "places": Session._public_places(company),
                "rules": company.sudo().danvan_reception_rules,
            },
        )
