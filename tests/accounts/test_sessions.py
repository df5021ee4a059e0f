"""Sessions end when they should: sign-out, password change, suspension, idle staff."""

import time

import pytest

from storefront.accounts.access import role_required
from storefront.accounts.models import Role
from storefront.accounts.service import suspend_user
from storefront.accounts.sessions import LAST_SEEN
from tests.factories import USER_PASSWORD

NEW_PASSWORD = "a quiet canal in cần thơ"


def signed_in(client) -> bool:
    return client.get("/account/").status_code == 200


def copy_cookie(source, target) -> None:
    target.set_cookie("session", source.get_cookie("session").value)


def test_a_session_cookie_replayed_after_sign_out_is_anonymous(app, client, login_as):
    login_as(Role.SHOPPER)
    stolen = app.test_client()
    copy_cookie(client, stolen)
    assert signed_in(stolen)

    client.post("/account/sign-out")

    assert not signed_in(stolen)
    assert not signed_in(client)


def test_signing_in_starts_a_fresh_session(app, client, login_as):
    with client.session_transaction() as session:
        session["planted"] = "by someone else"

    login_as(Role.SHOPPER)

    with client.session_transaction() as session:
        assert "planted" not in session


def test_a_password_change_ends_other_sessions_but_keeps_this_one(app, client, login_as):
    user = login_as(Role.SHOPPER)
    other_device = app.test_client()
    login_as(user, client=other_device)

    response = client.post(
        "/account/password",
        data={"current_password": USER_PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert signed_in(client)
    assert not signed_in(other_device)


def test_a_password_change_needs_the_current_password(client, login_as, db):
    user = login_as(Role.SHOPPER)
    before = user.password_hash

    response = client.post(
        "/account/password?lang=en",
        data={
            "current_password": "a wrong guess!!",
            "password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
        },
    )

    assert "Your current password is not right." in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.password_hash == before


def test_suspension_ends_sessions_and_stops_sign_in(app, client, login_as, db):
    user = login_as(Role.PRODUCER)

    suspend_user(user)

    assert not signed_in(client)
    response = client.post(
        "/account/sign-in?lang=en", data={"email": user.email, "password": USER_PASSWORD}
    )
    assert "This account is suspended" in response.get_data(as_text=True)
    assert not signed_in(client)


@pytest.mark.parametrize("role", [Role.STAFF, Role.PRODUCER])
def test_staff_and_producer_sessions_end_after_thirty_idle_minutes(client, login_as, role):
    login_as(role)
    with client.session_transaction() as session:
        session[LAST_SEEN] = int(time.time()) - 29 * 60
    assert signed_in(client)

    with client.session_transaction() as session:
        session[LAST_SEEN] = int(time.time()) - 31 * 60

    response = client.get("/account/?lang=en")
    assert response.status_code == 302
    assert "signed out after a while" in client.get("/?lang=en").get_data(as_text=True)
    assert not signed_in(client)


def test_shopper_sessions_do_not_expire_when_idle(client, login_as):
    login_as(Role.SHOPPER)
    with client.session_transaction() as session:
        session[LAST_SEEN] = int(time.time()) - 24 * 3600

    assert signed_in(client)


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "/\\/evil.example",
        "/\t/evil.example",
        "http:/evil.example",
        "javascript:alert(1)",
        "evil.example",
    ],
)
def test_next_never_leads_off_the_site(client, db, login_as, target):
    user = login_as(Role.SHOPPER)
    client.post("/account/sign-out")

    response = client.post(
        "/account/sign-in", data={"email": user.email, "password": USER_PASSWORD, "next": target}
    )

    assert response.headers["Location"] == "/account/"


def test_a_page_that_needs_sign_in_sends_the_visitor_back_after_it(client, db, login_as):
    user = login_as(Role.SHOPPER)
    client.post("/account/sign-out")

    to_sign_in = client.get("/account/password")
    assert to_sign_in.headers["Location"] == "/account/sign-in?next=%2Faccount%2Fpassword"
    form = client.get(to_sign_in.headers["Location"]).get_data(as_text=True)
    assert 'name="next" type="hidden" value="/account/password"' in form

    response = client.post(
        "/account/sign-in",
        data={"email": user.email, "password": USER_PASSWORD, "next": "/account/password"},
    )
    assert response.headers["Location"] == "/account/password"


@pytest.fixture
def staff_page(app):
    @role_required(Role.STAFF)
    def staff_only() -> str:
        return "staff only"

    app.add_url_rule("/staff/test-only", "staff_only", staff_only)


def test_role_required_sends_anonymous_visitors_to_sign_in(staff_page, client, db):
    response = client.get("/staff/test-only")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/account/sign-in?next=")


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.SHOPPER, 403), (Role.PRODUCER, 403), (Role.SHOP, 403), (Role.STAFF, 200)],
)
def test_role_required_refuses_other_roles(staff_page, client, login_as, role, status):
    login_as(role)

    assert client.get("/staff/test-only").status_code == status
