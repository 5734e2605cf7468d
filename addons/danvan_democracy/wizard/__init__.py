from . import danvan_conference_union_opinion
