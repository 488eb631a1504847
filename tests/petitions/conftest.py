import pytest

from canhgiac.core.models import DeadlineRule, Holiday
from canhgiac.core.reference_data import load_deadline_rules, load_holidays
from canhgiac.petitions.legal_rules import RULES_FILE


@pytest.fixture(autouse=True)
def legal_rules(db):
    """The calendar and the rules the migrations load, loaded again when a transactional test (a real worker's)
    flushed the database before these tests ran."""
    if not (Holiday.objects.exists() and DeadlineRule.objects.filter(key="petition_process").exists()):
        load_holidays(Holiday)
        load_deadline_rules(DeadlineRule)
        load_deadline_rules(DeadlineRule, RULES_FILE)
