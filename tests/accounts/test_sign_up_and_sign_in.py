"""Sign-up, sign-in and sign-out through the pages; password rules; Argon2id hashes."""

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from storefront.accounts.models import Role, User
from storefront.accounts.passwords import needs_rehash
from tests.factories import USER_PASSWORD, UserFactory

GOOD_PASSWORD = "rice fields after the rain"
BAD_CREDENTIALS = "The e-mail address or the password is not right."


def sign_up(client, password=GOOD_PASSWORD, email="Lan@Example.VN", **extra):
    data = {"name": "Chị Lan", "email": email, "password": password, "confirm": password}
    return client.post("/account/sign-up?lang=en", data={**data, **extra})


def test_signing_up_creates_a_shopper_signed_in_with_an_argon2id_hash(client, db):
    response = sign_up(client)

    assert response.status_code == 302
    user = db.session.scalar(select(User))
    assert user.email == "lan@example.vn"
    assert user.role is Role.SHOPPER and user.locale == "en"
    assert user.password_hash.startswith("$argon2id$")
    assert GOOD_PASSWORD not in user.password_hash
    assert client.get("/account/").status_code == 200


def test_sign_up_ignores_role_producer_and_status_fields(client, db):
    sign_up(client, role="staff", producer_id="1", active="false", session_token="x")

    user = db.session.scalar(select(User))
    assert user.role is Role.SHOPPER and user.producer_id is None and user.active
    assert user.session_token != "x"


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("eleven char", "Use at least 12 characters."),
        ("123qweasdzxc", "one of the most common"),
        ("123QWEasdzxc", "one of the most common"),
    ],
)
def test_a_short_or_common_password_is_refused_with_a_clear_message(client, db, password, message):
    response = sign_up(client, password=password)

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(User)) is None


def test_a_twelve_character_uncommon_password_is_accepted(client, db):
    assert sign_up(client, password="bến ninh kiều").status_code == 302


def test_an_address_already_in_use_is_refused(client, db):
    UserFactory(email="lan@example.vn")
    db.session.commit()

    response = sign_up(client)

    assert "An account already uses this e-mail address" in response.get_data(as_text=True)


def test_an_invalid_email_is_refused(client, db):
    response = sign_up(client, email="lan@@example")

    assert "Enter a valid e-mail address" in response.get_data(as_text=True)


def test_sign_in_with_the_right_password_opens_the_account(client, db):
    user = UserFactory(email="lan@example.vn")
    db.session.commit()

    response = client.post(
        "/account/sign-in?lang=en", data={"email": " LAN@example.vn ", "password": USER_PASSWORD}
    )

    assert response.status_code == 302 and response.headers["Location"] == "/account/"
    assert user.email in client.get("/account/").get_data(as_text=True)


def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(client, db):
    UserFactory(email="lan@example.vn")
    db.session.commit()

    wrong_password = client.post(
        "/account/sign-in?lang=en", data={"email": "lan@example.vn", "password": "not it at all"}
    )
    unknown_email = client.post(
        "/account/sign-in?lang=en", data={"email": "who@example.vn", "password": "not it at all"}
    )

    assert wrong_password.status_code == unknown_email.status_code == 200
    assert BAD_CREDENTIALS in wrong_password.get_data(as_text=True)
    assert wrong_password.get_data() == unknown_email.get_data().replace(
        b"who@example.vn", b"lan@example.vn"
    )


def test_a_hash_made_with_older_parameters_is_rehashed_at_sign_in(client, db):
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(USER_PASSWORD)
    user = UserFactory(password_hash=weak)
    db.session.commit()
    assert needs_rehash(weak)

    client.post("/account/sign-in", data={"email": user.email, "password": USER_PASSWORD})

    db.session.refresh(user)
    assert user.password_hash != weak and user.password_hash.startswith("$argon2id$")
    assert not needs_rehash(user.password_hash)
    assert client.get("/account/").status_code == 200


def test_signing_out_makes_the_visitor_anonymous(client, login_as):
    login_as(Role.SHOPPER)

    response = client.post("/account/sign-out")

    assert response.status_code == 302
    assert client.get("/account/").status_code == 302


def test_sign_out_only_accepts_post(client, login_as):
    login_as(Role.SHOPPER)

    assert client.get("/account/sign-out").status_code == 405
    assert client.get("/account/").status_code == 200


def test_the_header_links_to_sign_in_then_to_the_account(client, login_as):
    assert "/account/sign-in" in client.get("/?lang=en").get_data(as_text=True)

    login_as(Role.SHOPPER)

    assert 'href="/account/">Your account' in client.get("/?lang=en").get_data(as_text=True)
