"""click-odoo-initdb with the server-wide modules of odoo.conf loaded first,
as the Odoo server loads them: module_change_auto_install (OCA) keeps Partner
Autocomplete out of the cached databases too. Same options as
click-odoo-initdb.
"""

import sys

from click_odoo_contrib.initdb import main

from odoo.modules.module import initialize_sys_path
from odoo.service.server import load_server_wide_modules

initdb = main.callback


def initdb_with_server_wide_modules(*args, **kwargs):
    # click-odoo has read odoo.conf and the addons path by now.
    initialize_sys_path()
    load_server_wide_modules()
    return initdb(*args, **kwargs)


main.callback = initdb_with_server_wide_modules

if __name__ == "__main__":
    sys.exit(main())
