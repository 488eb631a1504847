from pathlib import Path

import pytest

from canhgiac.posture.services import systems
from canhgiac.secops.services import networks

EVE = Path(__file__).resolve().parent / "data" / "eve.json"


@pytest.fixture
def mapped(world):
    """The staff's address mapping: the Sở's network (its portal on one address) and the Department of Industry's."""
    officer = world.user("officer")
    portal = systems.create(
        actor=officer,
        code="HTTT-01",
        name="Cổng thông tin điện tử",
        owner_agency=world.agency("STTTT"),
        owner_level="province",
        security_level=3,
    )
    networks.create(actor=officer, agency=world.agency("STTTT"), network="10.20.0.0/16")
    networks.create(actor=officer, agency=world.agency("STTTT"), system=portal, network="10.20.1.10")
    networks.create(actor=officer, agency=world.agency("UBND-CL"), network="10.30.0.0/16")
    return portal
