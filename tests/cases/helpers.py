import datetime as dt

from canhgiac.cases.services import create_case


def make_case(
    world, *, lead="STTTT", commune=None, district=None, addressed=(), indicators=(), actor_role="officer", **fields
):
    """A case; ``commune`` is the code of a commune agency whose "địa bàn" becomes the case's locality
    (``district``: its former name)."""
    commune = commune or district
    defaults = {
        "title": "Vụ việc thử",
        "category": "fraud",
        "source": "citizen",
        "received_on": dt.date(2024, 5, 1),
    }
    if commune:
        defaults["locality"] = world.agency(commune).unit
    defaults.update(fields)
    return create_case(
        actor=world.user(actor_role),
        lead_agency=world.agency(lead),
        addressed_agencies=[world.agency(code) for code in addressed],
        indicators=list(indicators),
        **defaults,
    )
