from . import official_docx
from . import spreadsheet
from . import date_checks
from . import docx_response
from . import large_tables
