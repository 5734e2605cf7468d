{
    "name": "Dân vận Grassroots Democracy",
    "summary": "Grassroots democracy inside the agency: internal publication, "
    "consultation of staff, the annual staff conference, the people's inspection "
    "board, monthly briefings, evaluation results",
    "version": "18.0.1.0.0",
    "category": "Productivity/Dân vận",
    "website": "https://github.com/danvan-odoo/danvan",
    "author": "Danvan Odoo Team",
    "license": "LGPL-3",
    "depends": ["danvan_base"],
    "data": [
        "security/danvan_democracy_groups.xml",
        "security/ir.model.access.csv",
        "security/danvan_democracy_security.xml",
        "data/danvan_publication_category_data.xml",
        "data/danvan_publication_form_data.xml",
        "data/danvan_time_limit_data.xml",
        "data/ir_cron_data.xml",
        "views/danvan_democracy_menus.xml",
        "views/danvan_publication_views.xml",
        "views/danvan_publication_category_views.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
        "data/danvan_consultation_cron_data.xml",
        "views/danvan_consultation_views.xml",
        "report/danvan_consultation_reports.xml",
        "report/danvan_consultation_templates.xml",
    ],
    "demo": [
        "demo/hr_employee_demo.xml",
        "demo/danvan_publication_demo.xml",
        "demo/danvan_consultation_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["danvan_democracy/static/tests/tours/*.js"],
    },
}
