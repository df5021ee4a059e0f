"""Staff list, search, suspend and reinstate users."""

from storefront.accounts.models import Role
from tests.factories import USER_PASSWORD, UserFactory
from tests.producers.conftest import fresh


def test_search_finds_users_by_email_or_name(staff_client, staff, db):
    UserFactory(email="lan@example.vn", name="Nguyễn Thị Lan")
    UserFactory(email="minh@example.vn", name="Trần Văn Minh")
    db.session.commit()

    by_email = staff_client.get("/staff/users?q=LAN@").get_data(as_text=True)
    by_name = staff_client.get("/staff/users?q=Trần Văn").get_data(as_text=True)

    assert "lan@example.vn" in by_email and "minh@example.vn" not in by_email
    assert "minh@example.vn" in by_name and "lan@example.vn" not in by_name


def test_suspending_a_user_signs_them_out_and_reinstating_lets_them_sign_in(
    app, login_as, staff_client, staff
):
    user_client = app.test_client()
    user = login_as(Role.SHOPPER, client=user_client)

    staff_client.post(f"/staff/users/{user.id}/suspend", data={})

    fresh(user)
    assert not user.active
    assert user_client.get("/account/").status_code == 302
    sign_in = {"email": user.email, "password": USER_PASSWORD}
    assert user_client.post("/account/sign-in", data=sign_in).status_code == 200

    staff_client.post(f"/staff/users/{user.id}/reinstate", data={})

    fresh(user)
    assert user.active
    assert user_client.post("/account/sign-in", data=sign_in).status_code == 302


def test_staff_cannot_suspend_themselves(staff_client, staff):
    assert staff_client.post(f"/staff/users/{staff.id}/suspend", data={}).status_code == 400

    fresh(staff)
    assert staff.active


def test_the_list_filters_by_role_and_state(staff_client, staff, db):
    UserFactory(email="gone@example.vn", active=False)
    UserFactory(email="here@example.vn")
    db.session.commit()

    page = staff_client.get("/staff/users?state=suspended").get_data(as_text=True)
    staff_only = staff_client.get("/staff/users?role=staff").get_data(as_text=True)

    assert "gone@example.vn" in page and "here@example.vn" not in page
    assert "staff@ocop.vn" in staff_only and "here@example.vn" not in staff_only
