{
    "name": "Dân vận Grassroots Democracy - Plan Links",
    "summary": "Attach a publication, consultation, staff conference or briefing "
    "as evidence to the progress report of the plan task it fulfils",
    "version": "18.0.1.2.0",
    "category": "Productivity/Dân vận",
    "website": "https://github.com/danvan-odoo/danvan",
    "author": "Danvan Odoo Team",
    "license": "LGPL-3",
    "depends": ["danvan_democracy", "danvan_plan"],
    "data": [
        "security/ir.model.access.csv",
        "security/danvan_democracy_plan_security.xml",
        "wizard/danvan_plan_report_evidence_attach_views.xml",
        "views/danvan_plan_report_views.xml",
        "views/danvan_publication_views.xml",
    ],
    "auto_install": True,
}
