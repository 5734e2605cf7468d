{
    "name": "Dân vận khéo Models",
    "summary": "Registration, appraisal, approval and recognition of "
    "'Dân vận khéo' models",
    "version": "18.0.1.0.0",
    "category": "Productivity/Dân vận",
    "website": "https://github.com/danvan-odoo/danvan",
    "author": "Danvan Odoo Team",
    "license": "LGPL-3",
    "depends": ["danvan_plan"],
    "data": [
        "security/ir.model.access.csv",
        "data/danvan_model_field_data.xml",
        "views/danvan_model_field_views.xml",
        "views/danvan_models_menus.xml",
    ],
}
