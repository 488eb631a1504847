"""The same contract checked by schemathesis itself (its own generator and its own checks), over every operation of
the schema, as an inspector and as a partner agency's user, through the WSGI application in this process."""

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from canhgiac.wsgi import application
from tests.api.test_contract import EXAMPLES, _schema_document, demo  # noqa: F401  (the module's demo data)

pytestmark = pytest.mark.slow

SCHEMA = schemathesis.openapi.from_dict(_schema_document())
SCHEMA.app = application


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI handler closes the database connection after each request (Django's test client stops it from doing
    so the same way): the test's transaction must outlive each request."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize("role", ["inspector", "police"])
@SCHEMA.parametrize()
@settings(
    max_examples=max(1, EXAMPLES // 2),  # the contract test draws EXAMPLES per operation and role already
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_schemathesis_finds_no_server_error_and_no_answer_outside_the_schema(demo, db, role, case):  # noqa: F811
    # The contract: no server error, every answer documented (status, type, body). Not schemathesis's
    # "schema-valid data is accepted": a filter naming a row that does not exist is refused with 400 on purpose.
    checks = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    case.call_and_validate(headers={"Authorization": f"Token {demo[role]}"}, checks=checks)
