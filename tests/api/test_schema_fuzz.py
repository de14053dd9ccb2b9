"""The JSON API does what its OpenAPI schema says: a schema-driven fuzzer (schemathesis, every check) finds nothing.

The schema is the one the portal serves at /api/schema/, read through the portal's own WSGI application (no
network), signed in with an API token as an admin and as a member of staff. For every operation schemathesis
sends the schema's examples, its boundary cases (coverage) and generated requests, both valid and invalid
(fuzzing), then walks list -> detail links (stateful), and runs all of its checks on each answer: no server
error, only documented status codes and content types, bodies as the schema describes them, valid input
accepted, invalid input refused, 401 without credentials, 405 for other methods.

The examples are a fixed set: Hypothesis is derandomized and has no example database, so the same requests
are sent on every run, here and in CI.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token

from tests.conftest import Personas

OPERATIONS = {
    "GET /api/v1/meetings/",
    "GET /api/v1/meetings/{id}/",
    "GET /api/v1/directives/",
    "GET /api/v1/directives/{id}/",
    "GET /api/v1/programs/",
    "GET /api/v1/programs/{id}/",
}
# Generated requests per operation and mode, on top of the examples and the boundary cases (about
# 1,000 requests per persona in all): enough to meet every parameter's edges, quick enough for every run.
FIXED_EXAMPLES = settings(
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)

schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture
def portal_app() -> Iterator[Any]:
    """The portal's WSGI application, called in the test's thread and inside its transaction.

    A real request ends by closing a database connection that is inside a transaction; Django's test client
    keeps the test's connection by detaching that handler around each request, and so does this fixture.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture(params=["admin", "staff"])
def api_schema(request: pytest.FixtureRequest, personas: Personas, portal_app: Any) -> Any:
    """The schema the portal serves, read as `request.param` with that persona's API token."""
    # schemathesis 4.32 renames the test node for its report through `_nodeid`, which pytest 9 no longer has.
    request.node._nodeid = request.node.nodeid
    token = Token.objects.create(user=getattr(personas, request.param))
    headers = {"Authorization": f"Token {token.key}"}
    loaded = schemathesis.openapi.from_wsgi("/api/schema/", portal_app, headers=headers)
    loaded.config.update(headers=headers)
    return loaded


def test_the_schema_lists_every_endpoint(api_schema: Any) -> None:
    operations = {result.ok().label for result in api_schema.get_all_operations()}
    assert operations == OPERATIONS


@schema.parametrize()
@FIXED_EXAMPLES
def test_every_operation_answers_as_the_schema_says(case: Any) -> None:
    case.call_and_validate()


def test_list_to_detail_walks_answer_as_the_schema_says(api_schema: Any) -> None:
    api_schema.as_state_machine().run(settings=settings(FIXED_EXAMPLES, max_examples=15, stateful_step_count=4))
