"""Applying for a shop account: the form, its checks, and what the applicant sees."""

import pytest
from sqlalchemy import select

from storefront.accounts.models import Role
from storefront.wholesale.models import Shop, ShopKind, ShopStatus
from tests.factories import CAN_THO
from tests.producers.conftest import HA_NOI_WARD
from tests.wholesale.conftest import fresh, shop_application, shops


def test_a_valid_application_makes_a_pending_shop_and_shows_its_status(
    client, applicant, apply_shop
):
    shop = apply_shop()

    assert shop.status is ShopStatus.PENDING
    assert shop.name == "Công ty TNHH Quà Quê"
    assert shop.kind is ShopKind.SOUVENIR_SHOP
    assert shop.tax_code == "0312345678"
    assert (shop.province_code, shop.ward_code) == (92, 31321)
    assert shop.address == "5 Hai Bà Trưng"
    assert shop.contact_name == "Nguyễn Thị Lan"
    assert shop.contact_phone == "+84912345678"
    assert shop.applicant_id == applicant.id
    assert shop.payment_terms_days is None and shop.credit_limit_vnd is None
    fresh(applicant)
    assert applicant.role is Role.SHOPPER  # the shop role comes with the approval
    assert applicant.shop_id is None
    page = client.get("/wholesale/application").get_data(as_text=True)
    assert "Your shop application is under review" in page
    assert "0912 345 678" in page


def test_a_branch_tax_code_is_normalised(apply_shop):
    assert apply_shop(tax_code=" 0312345678 001 ").tax_code == "0312345678-001"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Enter the business name."),
        ("name", "x" * 201, "A name has at most 200 characters."),
        ("kind", "castle", "Choose the kind of business from the list."),
        ("kind", "", "Choose the kind of business from the list."),
        ("tax_code", "", "Enter the tax code."),
        ("tax_code", "012345678", "Enter the tax code (MST) as 10 digits"),
        ("tax_code", "0123456789-000", "Enter the tax code (MST) as 10 digits"),
        ("province", "", "Choose a province or city."),
        ("province", "999", "Choose a province or city from the list."),
        ("ward", "", "Choose a ward or commune."),
        ("ward", str(HA_NOI_WARD), "Choose a ward or commune of this province."),
        ("address", "", "Enter the street address."),
        ("contact_name", "", "Enter the name of the contact person."),
        ("contact_phone", "", "Enter a phone number."),
        ("contact_phone", "+1 202 555 0143", "Enter a Vietnamese phone number"),
        ("contact_phone", "12", "Enter a Vietnamese phone number"),
    ],
)
def test_each_bad_field_is_refused_with_its_message_and_nothing_is_stored(
    client, applicant, field, value, message
):
    response = client.post("/wholesale/apply", data=shop_application(**{field: value}))

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert shops() == []
    fresh(applicant)
    assert (applicant.role, applicant.shop_id) == (Role.SHOPPER, None)


def test_a_tax_code_already_registered_is_refused(client, db, applicant, login_as, app):
    other = app.test_client()
    login_as(Role.SHOPPER, client=other)
    other.post("/wholesale/apply", data=shop_application(tax_code="0312345678")).close()
    assert len(shops()) == 1

    response = client.post("/wholesale/apply", data=shop_application(tax_code="0312.345.678"))

    assert "A shop with this tax code is already registered" in response.get_data(as_text=True)
    assert len(shops()) == 1
    assert db.session.scalar(select(Shop).where(Shop.applicant_id == applicant.id)) is None


def test_a_second_application_is_refused(client, apply_shop):
    first = apply_shop()

    response = client.post("/wholesale/apply", data=shop_application(tax_code="9876543210"))

    assert response.status_code == 302
    assert response.location.endswith("/wholesale/application")
    assert [shop.id for shop in shops()] == [first.id]


def test_the_use_case_refuses_a_second_application_even_when_called_directly(applicant, apply_shop):
    from storefront.wholesale.errors import ShopError, ShopErrorCode
    from storefront.wholesale.onboarding import ShopApplication, submit_application

    apply_shop()
    with pytest.raises(ShopError) as refused:
        submit_application(
            ShopApplication(
                name="Khác",
                kind=ShopKind.OTHER,
                tax_code="9876543210",
                province_code=CAN_THO,
                ward_code=31321,
                address="1",
                contact_name="Lan",
                contact_phone="0912345678",
            ),
            applicant=applicant,
        )

    assert refused.value.code is ShopErrorCode.ALREADY_APPLIED
    assert len(shops()) == 1


def test_fields_the_form_does_not_offer_are_ignored(db, applicant, apply_shop):
    shop = apply_shop(
        status="approved",
        role="staff",
        shop_id="7",
        payment_terms_days="90",
        credit_limit_vnd="1000000000",
        decided_by_id=str(applicant.id),
    )

    assert shop.status is ShopStatus.PENDING
    assert shop.payment_terms_days is None
    assert shop.credit_limit_vnd is None
    assert shop.decided_by_id is None
    fresh(applicant)
    assert (applicant.role, applicant.shop_id) == (Role.SHOPPER, None)


def test_a_shopper_without_an_application_is_sent_from_the_status_page_to_the_form(
    client, applicant
):
    response = client.get("/wholesale/application")

    assert response.status_code == 302
    assert response.location.endswith("/wholesale/apply")
    assert 'name="contact_phone"' in client.get("/wholesale/apply").get_data(as_text=True)


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/wholesale/apply")

    assert response.status_code == 302
    assert response.location.startswith("/account/sign-in")


@pytest.mark.parametrize("role", [Role.STAFF, Role.PRODUCER])
def test_staff_and_producer_members_cannot_apply(client, login_as, role):
    login_as(role)

    assert client.get("/wholesale/apply").status_code == 403
    assert client.post("/wholesale/apply", data=shop_application()).status_code == 403
    assert shops() == []


def test_a_shopper_whose_producer_application_is_pending_cannot_apply(client, db, login_as):
    from tests.factories import ProducerFactory, UserFactory

    user = UserFactory(producer_id=ProducerFactory(status="pending").id)
    db.session.commit()
    login_as(user)

    assert client.post("/wholesale/apply", data=shop_application()).status_code == 403
    assert shops() == []
