from . import plan_outline
from . import official_docx
from . import spreadsheet
