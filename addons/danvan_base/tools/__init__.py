from . import official_docx
from . import spreadsheet
from . import date_checks
