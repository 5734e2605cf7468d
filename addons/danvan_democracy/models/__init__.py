from . import res_company
from . import res_config_settings
from . import hr_employee
from . import danvan_publication_category
from . import danvan_publication_form
from . import danvan_publication
from . import danvan_publication_read
