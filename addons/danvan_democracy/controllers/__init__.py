from . import danvan_inspection_board
