"""Sign-in is rate limited per account and per address, without telling who has an account."""

from tests.factories import USER_PASSWORD, UserFactory


def attempt(client, email: str, password: str = "a wrong guess!", ip: str = "203.0.113.1"):
    return client.post(
        "/account/sign-in?lang=en",
        data={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": ip},
    )


def test_five_failures_lock_an_account_for_a_while_from_any_address(client, db):
    UserFactory(email="lan@example.vn")
    db.session.commit()

    for n in range(5):
        assert attempt(client, "lan@example.vn", ip=f"203.0.113.{n}").status_code == 200

    locked = attempt(client, "LAN@example.vn", password=USER_PASSWORD, ip="198.51.100.7")
    assert locked.status_code == 429
    assert "Too many requests" in locked.get_data(as_text=True)


def test_an_unknown_email_is_limited_exactly_like_a_real_one(client, db):
    UserFactory(email="lan@example.vn")
    db.session.commit()

    answers = {}
    for email, ip_block in (("lan@example.vn", "203.0.113"), ("who@example.vn", "198.51.100")):
        for n in range(5):
            attempt(client, email, ip=f"{ip_block}.{n}")
        answers[email] = attempt(client, email, ip=f"{ip_block}.99")

    known, unknown = answers["lan@example.vn"], answers["who@example.vn"]
    assert known.status_code == unknown.status_code == 429
    assert known.get_data() == unknown.get_data()


def test_successful_sign_ins_do_not_count_against_the_account(client, db):
    user = UserFactory()
    db.session.commit()

    for n in range(7):
        assert attempt(client, user.email, USER_PASSWORD, ip=f"203.0.113.{n}").status_code == 302


def test_one_address_is_limited_to_ten_sign_in_attempts_a_minute(client, db):
    for n in range(10):
        assert attempt(client, f"guess{n}@example.vn").status_code == 200

    assert attempt(client, "guess99@example.vn").status_code == 429
    assert attempt(client, "guess99@example.vn", ip="198.51.100.1").status_code == 200


def test_viewing_the_sign_in_page_is_not_limited(client, db):
    for _ in range(15):
        assert client.get("/account/sign-in").status_code == 200
