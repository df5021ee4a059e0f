"""`flask create-staff EMAIL` creates a staff account or promotes an existing one."""

from sqlalchemy import select

from storefront.accounts.models import Role, User
from tests.factories import USER_PASSWORD, ProducerFactory, UserFactory

STAFF_PASSWORD = "the provincial ocop centre"


def test_create_staff_creates_an_account_that_can_sign_in(app, client, db):
    result = app.test_cli_runner().invoke(
        args=["create-staff", "Chi.Mai@Example.vn", "--password-stdin"],
        input=STAFF_PASSWORD + "\n",
    )

    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User))
    assert (user.email, user.role) == ("chi.mai@example.vn", Role.STAFF)
    response = client.post(
        "/account/sign-in", data={"email": user.email, "password": STAFF_PASSWORD}
    )
    assert response.status_code == 302


def test_create_staff_prompts_for_the_password_twice(app, db):
    result = app.test_cli_runner().invoke(
        args=["create-staff", "mai@example.vn"], input=f"{STAFF_PASSWORD}\n{STAFF_PASSWORD}\n"
    )

    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(User)).role is Role.STAFF


def test_create_staff_promotes_an_existing_user_and_keeps_the_password(app, client, db):
    user = UserFactory(role=Role.PRODUCER, producer_id=ProducerFactory().id)
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["create-staff", user.email])

    assert result.exit_code == 0 and "Promoted" in result.output
    db.session.refresh(user)
    assert user.role is Role.STAFF and user.producer_id is None
    assert (
        client.post(
            "/account/sign-in", data={"email": user.email, "password": USER_PASSWORD}
        ).status_code
        == 302
    )


def test_create_staff_refuses_a_weak_password(app, db):
    result = app.test_cli_runner().invoke(
        args=["create-staff", "mai@example.vn", "--password-stdin"], input="123qweasdzxc\n"
    )

    assert result.exit_code != 0
    assert db.session.scalar(select(User)) is None
