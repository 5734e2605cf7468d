from odoo import models
from odoo.http import request


class WebsiteSeoMetadata(models.AbstractModel):
    _inherit = "website.seo.metadata"

    def _default_website_meta(self):
        """Link previews of the public pages show the page's translated title,
        as the browser tab does, not the English name of its view."""
        meta = super()._default_website_meta()
        title = self.env.context.get("danvan_page_title")
        if title:
            title = f"{title} | {request.website.name}"
            meta["default_opengraph"]["og:title"] = title
            meta["default_twitter"]["twitter:title"] = title
        return meta
