"""The account pages: profile (name, phone, language), e-mail change with a notice."""

from storefront.accounts.models import Role
from storefront.accounts.reset_tokens import issue_reset_token
from tests.factories import USER_PASSWORD, ProducerFactory, UserFactory


def test_the_profile_saves_name_phone_and_language(client, db, login_as):
    user = login_as(Role.SHOPPER)

    response = client.post(
        "/account/", data={"name": "Trần Văn Hùng", "phone": "0912 345 678", "locale": "en"}
    )

    assert response.headers["Location"] == "/account/?lang=en"
    db.session.refresh(user)
    assert (user.name, user.phone, user.locale) == ("Trần Văn Hùng", "+84912345678", "en")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'value="0912 345 678"' in page and '<html lang="en">' in page


def test_a_phone_number_that_is_not_vietnamese_is_refused(client, db, login_as):
    user = login_as(Role.SHOPPER)

    for phone in ("12345", "+1 650 253 0000", "not a number"):
        response = client.post(
            "/account/?lang=en", data={"name": "Lan", "phone": phone, "locale": "vi"}
        )
        assert "Enter a Vietnamese phone number" in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.phone is None


def test_an_empty_phone_clears_it(client, db, login_as):
    user = login_as(UserFactory(phone="+84912345678"))

    client.post("/account/", data={"name": "Lan", "phone": "", "locale": "vi"})

    db.session.refresh(user)
    assert user.phone is None


def test_an_unknown_language_is_refused(client, db, login_as):
    user = login_as(Role.SHOPPER)

    response = client.post("/account/", data={"name": "Lan", "phone": "", "locale": "fr"})

    assert response.status_code == 200
    db.session.refresh(user)
    assert user.locale == "vi"


def test_the_profile_ignores_fields_it_does_not_offer(client, db, login_as):
    producer = ProducerFactory()
    user = login_as(Role.SHOPPER)
    email, token = user.email, user.session_token

    client.post(
        "/account/",
        data={
            "name": "Lan",
            "phone": "",
            "locale": "vi",
            "role": "staff",
            "producer_id": str(producer.id),
            "active": "0",
            "email": "attacker@example.vn",
            "password_hash": "x",
        },
    )

    db.session.refresh(user)
    assert user.role is Role.SHOPPER and user.producer_id is None and user.active
    assert user.email == email and user.session_token == token
    assert user.password_hash.startswith("$argon2id$")


def test_changing_the_email_needs_the_password_and_tells_the_old_address(
    app, client, db, login_as, smtp_server
):
    user = login_as(UserFactory(email="lan@example.vn", locale="en"))
    old_token = issue_reset_token(user, secret_key=app.secret_key)

    refused = client.post(
        "/account/email?lang=en", data={"email": "new@example.vn", "password": "a wrong guess!"}
    )
    assert "Your current password is not right." in refused.get_data(as_text=True)

    client.post(
        "/account/email", data={"email": "New@Example.vn", "password": USER_PASSWORD}
    ).close()

    db.session.refresh(user)
    assert user.email == "new@example.vn"
    [notice] = smtp_server.messages
    assert notice.recipients == ["lan@example.vn"]
    assert notice.message["Subject"] == "The e-mail address of your Chợ OCOP account was changed"
    page = client.get(f"/account/reset/{old_token}?lang=en").get_data(as_text=True)
    assert "no longer works" in page


def test_an_email_used_by_another_account_is_refused(client, db, login_as):
    UserFactory(email="taken@example.vn")
    user = login_as(Role.SHOPPER)

    response = client.post(
        "/account/email?lang=en", data={"email": "TAKEN@example.vn", "password": USER_PASSWORD}
    )

    assert "An account already uses this e-mail address" in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.email != "taken@example.vn"


def test_account_pages_need_a_signed_in_user(client, db):
    for path in ("/account/", "/account/password", "/account/email"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/account/sign-in?next=")
