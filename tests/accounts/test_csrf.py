"""Every state-changing account form refuses a missing or wrong CSRF token."""

import re

import pytest

from storefront.accounts.models import Role, User
from storefront.accounts.reset_tokens import issue_reset_token
from tests.factories import USER_PASSWORD

NEW_PASSWORD = "sampans on the hậu river"


def forms(app, user: User) -> dict[str, dict[str, str]]:
    token = issue_reset_token(user, secret_key=app.secret_key)
    return {
        "/account/sign-up": {
            "name": "Lan",
            "email": "new@example.vn",
            "password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
        },
        "/account/sign-in": {"email": user.email, "password": USER_PASSWORD},
        "/account/sign-out": {},
        "/account/reset": {"email": user.email},
        f"/account/reset/{token}": {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
        "/account/": {"name": "Changed", "phone": "", "locale": "en"},
        "/account/password": {
            "current_password": USER_PASSWORD,
            "password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
        },
        "/account/email": {"email": "changed@example.vn", "password": USER_PASSWORD},
    }


def snapshot(db, user: User) -> tuple:
    db.session.refresh(user)
    return (user.email, user.name, user.locale, user.password_hash, user.session_token)


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_every_account_form_refuses_a_missing_or_wrong_csrf_token(app, client, db, login_as, token):
    user = login_as(Role.SHOPPER)
    app.config["WTF_CSRF_ENABLED"] = True
    before = snapshot(db, user)
    users_before = db.session.query(User).count()

    for path, data in forms(app, user).items():
        if token:
            data = {**data, "csrf_token": token}
        response = client.post(path, data=data)
        assert response.status_code == 400, path

    assert snapshot(db, user) == before
    assert db.session.query(User).count() == users_before
    assert client.get("/account/").status_code == 200


def test_a_form_with_its_csrf_token_is_accepted(app, client, db, login_as):
    user = login_as(Role.SHOPPER)
    app.config["WTF_CSRF_ENABLED"] = True
    page = client.get("/account/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)

    response = client.post(
        "/account/", data={"csrf_token": token, "name": "Changed", "phone": "", "locale": "vi"}
    )

    assert response.status_code == 302
    db.session.refresh(user)
    assert user.name == "Changed"
