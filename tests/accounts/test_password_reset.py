"""Password reset by e-mailed link: signed, single use, valid for one hour."""

import re
import time

from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import select

from storefront.accounts.reset_tokens import SALT, issue_reset_token, reset_payload
from storefront.accounts.service import suspend_user
from storefront.mail.models import OutboxMessage
from tests.factories import USER_PASSWORD, UserFactory

NEW_PASSWORD = "white storks over tràm forest"
LINK = re.compile(r"http://127\.0\.0\.1:5000(/account/reset/[\w.-]+)")


def reset_form(password: str = NEW_PASSWORD) -> dict[str, str]:
    return {"password": password, "confirm": password}


def can_sign_in(client, user, password: str) -> bool:
    response = client.post("/account/sign-in", data={"email": user.email, "password": password})
    return response.status_code == 302


def test_the_emailed_link_sets_a_new_password_once(app, client, db, smtp_server):
    user = UserFactory(email="lan@example.vn", locale="en")
    db.session.commit()

    client.post("/account/reset", data={"email": "Lan@Example.vn"}).close()

    [mail] = smtp_server.messages
    assert mail.recipients == ["lan@example.vn"]
    assert mail.message["Subject"] == "Choose a new password for Chợ OCOP"
    text, html = (part.get_content() for part in mail.message.iter_parts())
    path = LINK.search(text).group(1)
    assert path in html
    assert client.get(path).status_code == 200

    response = client.post(path, data=reset_form())

    assert response.headers["Location"] == "/account/sign-in"
    assert can_sign_in(client, user, NEW_PASSWORD)
    assert not can_sign_in(app.test_client(), user, USER_PASSWORD)
    used_again = client.post(path + "?lang=en", data=reset_form("yet another long password"))
    assert "has expired or has already been used" in used_again.get_data(as_text=True)
    assert can_sign_in(app.test_client(), user, NEW_PASSWORD)


def test_the_reset_mail_is_written_in_the_users_language(client, db, smtp_server):
    UserFactory(email="lan@example.vn", locale="vi")
    db.session.commit()

    client.post("/account/reset?lang=en", data={"email": "lan@example.vn"}).close()

    [mail] = smtp_server.messages
    assert mail.message["Content-Language"] == "vi"


def test_a_link_older_than_an_hour_is_refused(app, client, db):
    class AnHourAgo(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - 3601

    user = UserFactory()
    db.session.commit()
    old = URLSafeTimedSerializer(app.secret_key, salt=SALT, signer=AnHourAgo)
    token = old.dumps(reset_payload(user))

    response = client.post(f"/account/reset/{token}?lang=en", data=reset_form())

    assert "has expired or has already been used" in response.get_data(as_text=True)
    assert can_sign_in(client, user, USER_PASSWORD)


def test_a_forged_or_foreign_token_is_refused(app, client, db):
    user = UserFactory()
    db.session.commit()
    foreign = URLSafeTimedSerializer("another secret", salt=SALT).dumps(reset_payload(user))
    other_purpose = URLSafeTimedSerializer(app.secret_key, salt="other").dumps(reset_payload(user))

    for token in (foreign, other_purpose, "nonsense", "a" * 2000):
        response = client.post(f"/account/reset/{token}", data=reset_form())
        assert response.status_code == 200
    assert can_sign_in(client, user, USER_PASSWORD)


def test_a_link_stops_working_when_the_user_is_suspended(app, client, db):
    user = UserFactory()
    db.session.commit()
    token = issue_reset_token(user, secret_key=app.secret_key)

    suspend_user(user)

    assert "no longer works" in client.get(f"/account/reset/{token}?lang=en").get_data(as_text=True)


def test_the_answer_is_the_same_whether_or_not_the_address_has_an_account(client, db, smtp_server):
    UserFactory(email="lan@example.vn")
    db.session.commit()

    known = client.post("/account/reset", data={"email": "lan@example.vn"})
    unknown = client.post("/account/reset", data={"email": "who@example.vn"})
    known.close()
    unknown.close()

    assert known.status_code == unknown.status_code == 200
    assert known.get_data() == unknown.get_data().replace(b"who@example.vn", b"lan@example.vn")
    assert [mail.recipients for mail in smtp_server.messages] == [["lan@example.vn"]]
    assert len(db.session.scalars(select(OutboxMessage)).all()) == 1


def test_a_weak_new_password_is_refused_and_the_link_still_works(app, client, db):
    user = UserFactory()
    db.session.commit()
    path = f"/account/reset/{issue_reset_token(user, secret_key=app.secret_key)}"

    refused = client.post(path + "?lang=en", data=reset_form("123qweasdzxc"))

    assert "one of the most common" in refused.get_data(as_text=True)
    assert client.post(path, data=reset_form()).status_code == 302
