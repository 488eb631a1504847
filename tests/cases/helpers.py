import datetime as dt

from canhgiac.cases.services import create_case


def make_case(world, *, lead="STTTT", district=None, addressed=(), indicators=(), actor_role="officer", **fields):
    defaults = {
        "title": "Vụ việc thử",
        "category": "fraud",
        "source": "citizen",
        "received_on": dt.date(2024, 5, 1),
    }
    defaults.update(fields)
    return create_case(
        actor=world.user(actor_role),
        lead_agency=world.agency(lead),
        district=world.agency(district) if district else None,
        addressed_agencies=[world.agency(code) for code in addressed],
        indicators=list(indicators),
        **defaults,
    )
