{
    "name": "Citizen Reception and Complaints",
    "summary": "Citizen reception, petitions, complaint and denunciation cases "
    "within their legal time limits",
    "version": "18.0.1.0.0",
    "category": "Productivity/Dân vận",
    "website": "https://github.com/danvan-odoo/danvan",
    "author": "Danvan Odoo Team",
    "license": "LGPL-3",
    "depends": ["danvan_plan", "calendar"],
    "data": [
        "security/ir.model.access.csv",
        "security/danvan_complaints_security.xml",
        "data/danvan_time_limit_data.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "wizard/danvan_reception_generate_views.xml",
        "views/danvan_time_limit_views.xml",
        "views/danvan_reception_views.xml",
        "views/danvan_petition_views.xml",
        "views/danvan_complaints_menus.xml",
    ],
    "demo": ["demo/danvan_reception_demo.xml"],
}
