"""Fixtures of the combos tests: pages in English, and a signed-in staff member's client."""

import pytest
from flask import Flask
from flask.testing import FlaskClient

from storefront.accounts.models import Role, User
from tests.factories import UserFactory


@pytest.fixture
def in_english(client) -> None:
    """Pages in English, so the tests read the messages as written in the code."""
    client.set_cookie("lang", "en")


@pytest.fixture
def staff_client(app: Flask) -> FlaskClient:
    """A client of its own for staff, reading English."""
    client = app.test_client()
    client.set_cookie("lang", "en")
    return client


@pytest.fixture
def staff(login_as, staff_client: FlaskClient) -> User:
    return login_as(UserFactory(role=Role.STAFF, name="Trần Minh Staff"), client=staff_client)
