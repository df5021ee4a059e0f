"""Only members of an approved producer enter the portal; only staff the certificate queue."""

import pytest

from storefront.accounts.models import Role
from storefront.producers.models import ProducerStatus
from tests.factories import UserFactory

PORTAL_PAGES = [
    "/producer/",
    "/producer/products",
    "/producer/products/new",
    "/producer/certificates",
    "/producer/certificates/new",
    "/producer/stock",
]


@pytest.mark.parametrize("path", [*PORTAL_PAGES, "/staff/certificates"])
def test_anonymous_visitors_are_sent_to_sign_in(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert "/account/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("role", [Role.SHOPPER, Role.STAFF, Role.SHOP])
@pytest.mark.parametrize("path", PORTAL_PAGES)
def test_other_roles_get_403_in_the_portal(client, login_as, role, path):
    login_as(role)

    assert client.get(path).status_code == 403


@pytest.mark.parametrize("status", [ProducerStatus.PENDING, ProducerStatus.SUSPENDED])
def test_members_of_a_producer_not_approved_get_403(client, login_as, make_member, status):
    login_as(make_member(status=status))

    for path in PORTAL_PAGES:
        assert client.get(path).status_code == 403, path


def test_a_producer_role_without_a_producer_gets_403(client, login_as, db):
    user = UserFactory(role=Role.PRODUCER)
    login_as(user)

    assert client.get("/producer/").status_code == 403


def test_members_of_an_approved_producer_see_every_portal_page(client, login_as, make_member):
    login_as(make_member())

    for path in PORTAL_PAGES:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("role", [Role.SHOPPER, Role.PRODUCER, Role.SHOP])
def test_only_staff_see_the_certificate_queue(client, login_as, role):
    login_as(role)

    assert client.get("/staff/certificates").status_code == 403
    assert client.post("/staff/certificates/1/verify").status_code == 403


def test_staff_see_the_certificate_queue(client, login_as):
    login_as(Role.STAFF)

    assert client.get("/staff/certificates").status_code == 200
