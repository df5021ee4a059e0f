"""Odd and hostile requests to the account pages get a page or a 4xx, never a 500."""

import pytest

from storefront.accounts.models import Role
from storefront.extensions import login_manager
from tests.factories import UserFactory

POSTS = [
    ("/account/sign-in", {}),
    ("/account/sign-in", {"email": "x" * 5000, "password": "y" * 5000}),
    ("/account/sign-in", {"email": ["a@example.vn", "b@example.vn"], "password": "p"}),
    ("/account/sign-in", b"email=%00%40example.vn&password=%FF%FE%C3"),
    ("/account/sign-up", {"name": "<script>alert(1)</script>", "email": "a@b", "password": "p"}),
    ("/account/sign-up", {"name": "n" * 500, "email": "ok@example.vn", "password": "p" * 300}),
    ("/account/reset", {"email": "not an address"}),
    ("/account/reset/..%2F..%2Fetc", {"password": "p", "confirm": "p"}),
    ("/account/reset/" + "é" * 300, {}),
]


@pytest.mark.parametrize(("path", "data"), POSTS)
def test_odd_posts_never_cause_a_server_error(client, db, path, data):
    form = "application/x-www-form-urlencoded" if isinstance(data, bytes) else None
    assert client.post(path, data=data, content_type=form).status_code < 500


@pytest.mark.parametrize("session_user_id", ["not-a-number", "1", "1:", ":x", "999:x", "1:x:y", ""])
def test_a_planted_or_stale_session_user_is_anonymous(client, db, session_user_id):
    user = UserFactory()
    db.session.commit()
    assert user.id == 1
    with client.session_transaction() as session:
        session["_user_id"] = session_user_id

    assert client.get("/account/").status_code == 302


def test_the_user_loader_needs_the_current_session_token(app, db):
    user = UserFactory(role=Role.STAFF)
    db.session.commit()

    assert login_manager._user_callback(user.get_id()) == user
    assert login_manager._user_callback(str(user.id)) is None
    assert login_manager._user_callback(f"{user.id}:stale") is None


def test_user_input_is_escaped_on_the_page(client, db, login_as):
    login_as(Role.SHOPPER)

    client.post("/account/", data={"name": "<img src=x onerror=alert(1)>", "locale": "vi"})

    page = client.get("/account/").get_data(as_text=True)
    assert "<img src=x" not in page and "&lt;img src=x" in page
