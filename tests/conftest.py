import pytest

from canhgiac.core.choices import AgencyKindChoices as K
from canhgiac.core.choices import RoleChoices as R
from canhgiac.core.models import Agency, User

ROLE_AGENCY = {
    R.ADMINISTRATOR: "STTTT",
    R.LEADER: "STTTT",
    R.INSPECTOR: "TTRA",
    R.OFFICER: "STTTT",
    R.POLICE_LIAISON: "CAT-ANM",
    R.CARRIER_OPERATOR: "VIETTEL",
    R.DISTRICT_OFFICER: "UBND-CL",
    R.VIEWER: "STTTT",
}


class World:
    """Agencies and one user per role, as a provincial deployment has them."""

    def __init__(self):
        self.agencies = {}
        for code, kind in [
            ("STTTT", K.AUTHORITY),
            ("TTRA", K.AUTHORITY),
            ("CAT-ANM", K.POLICE),
            ("VIETTEL", K.CARRIER),
            ("VNPT", K.CARRIER),
            ("UBND-CL", K.DISTRICT),
            ("UBND-HK", K.DISTRICT),
            ("BAO", K.PRESS),
        ]:
            self.agencies[code] = Agency.objects.create(code=code, name=f"Cơ quan {code}", kind=kind)
        self._users = {}
        for role, code in ROLE_AGENCY.items():
            self._users[role] = User.objects.create_user(
                username=role, password="mat-khau-thu-nghiem-2026", role=role, agency=self.agencies[code]
            )
        self.counts = {}

    def user(self, role):
        return self._users[role]

    def agency(self, code):
        return self.agencies[code]


@pytest.fixture
def world(db):
    world = World()
    from canhgiac.cases.models import Case, Evidence, Indicator
    from canhgiac.core.models import Document

    world.counts = {model: model.objects.count() for model in (Agency, Document, Case, Indicator, Evidence)}
    return world


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is the production hasher; tests create many users, so they hash with MD5.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
