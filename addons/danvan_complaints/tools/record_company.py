"""The company of the record a line names by ``res_model`` and ``res_id``.

The case events and the identity access log name their record this way and
store its company for their company rules (issue 15). Lines are created by
batches: the records are read once per model, not once per line.
"""

from collections import defaultdict


def compute_record_company(lines):
    """Set ``company_id`` of each of ``lines`` to its record's company."""
    by_model = defaultdict(list)
    for line in lines:
        by_model[line.res_model].append(line)
    for model, group in by_model.items():
        company = {}
        if model:
            records = lines.env[model].sudo().browse({line.res_id for line in group})
            company = {record.id: record.company_id for record in records.exists()}
        for line in group:
            line.company_id = company.get(line.res_id, False)
