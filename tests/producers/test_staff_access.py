"""Only staff reach /staff pages; every state-changing form needs its CSRF token."""

import re

import pytest

from storefront.accounts.models import Role, User
from storefront.producers.models import ProducerStatus
from tests.factories import ProducerFactory, UserFactory
from tests.producers.conftest import application, fresh, producers

STAFF_PAGES = ["/staff/producers/applications", "/staff/producers", "/staff/users"]
STAFF_ACTIONS = [
    "/staff/producers/{producer}/approve",
    "/staff/producers/{producer}/reject",
    "/staff/producers/{producer}/suspend",
    "/staff/producers/{producer}/reinstate",
    "/staff/users/{user}/suspend",
    "/staff/users/{user}/reinstate",
]


@pytest.fixture
def targets(db) -> dict[str, int]:
    producer = ProducerFactory(status=ProducerStatus.PENDING)
    user = UserFactory()
    db.session.commit()
    return {"producer": producer.id, "user": user.id}


def test_every_staff_route_is_known_to_this_test(app):
    staff_rules = {
        r.rule
        for r in app.url_map.iter_rules()
        if r.endpoint.startswith(("producers.", "accounts.")) and r.rule.startswith("/staff/")
    }
    known = {
        path.replace("{producer}", "<int:producer_id>").replace("{user}", "<int:user_id>")
        for path in STAFF_PAGES + STAFF_ACTIONS
    }
    assert staff_rules == known


@pytest.mark.parametrize("role", [Role.SHOPPER, Role.PRODUCER, Role.SHOP])
def test_other_roles_get_403_on_every_staff_route(client, login_as, targets, role):
    login_as(role)

    for path in STAFF_PAGES:
        assert client.get(path).status_code == 403, path
    for path in STAFF_ACTIONS:
        response = client.post(path.format(**targets), data={"reason": "x"})
        assert response.status_code == 403, path


def test_anonymous_visitors_are_sent_to_sign_in(client, targets):
    for path in STAFF_PAGES:
        response = client.get(path)
        assert response.status_code == 302 and "/account/sign-in" in response.location, path
    for path in STAFF_ACTIONS:
        response = client.post(path.format(**targets), data={"reason": "x"})
        assert response.status_code == 302 and "/account/sign-in" in response.location, path


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_every_state_changing_form_refuses_a_missing_or_wrong_csrf_token(
    app, client, db, applicant, staff_client, staff, targets, token
):
    app.config["WTF_CSRF_ENABLED"] = True
    extra = {"csrf_token": token} if token else {}

    assert client.post("/producer/apply", data=application(**extra)).status_code == 400
    for path in STAFF_ACTIONS:
        response = staff_client.post(path.format(**targets), data={"reason": "x", **extra})
        assert response.status_code == 400, path

    assert len(producers()) == 1
    [producer] = producers()
    assert producer.status is ProducerStatus.PENDING
    other = db.session.get(User, targets["user"])
    fresh(other)
    assert other.active


def _token(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def test_the_forms_carry_their_csrf_token(app, client, applicant, staff_client, staff):
    app.config["WTF_CSRF_ENABLED"] = True
    form_page = client.get("/producer/apply").get_data(as_text=True)

    sent = client.post("/producer/apply", data=application(csrf_token=_token(form_page)))

    assert sent.status_code == 302
    [producer] = producers()
    queue = staff_client.get("/staff/producers/applications").get_data(as_text=True)
    approved = staff_client.post(
        f"/staff/producers/{producer.id}/approve", data={"csrf_token": _token(queue)}
    )
    assert approved.status_code == 302
    fresh(producer)
    assert producer.status is ProducerStatus.APPROVED
