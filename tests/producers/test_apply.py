"""Applying to become a producer: the form, its checks, and what the applicant sees."""

import pytest

from storefront.accounts.models import Role
from storefront.producers.models import ProducerKind, ProducerStatus
from tests.factories import CAN_THO, ProducerFactory, UserFactory
from tests.producers.conftest import HA_NOI, HA_NOI_WARD, application, fresh, producers


def test_a_valid_application_makes_a_pending_producer_with_the_applicant_as_member(
    client, applicant, apply
):
    producer = apply()

    assert producer.status is ProducerStatus.PENDING
    assert producer.name == "Hợp tác xã Khóm Cầu Đúc"
    assert producer.slug == "hop-tac-xa-khom-cau-duc"
    assert producer.kind is ProducerKind.COOPERATIVE
    assert (producer.province_code, producer.ward_code) == (92, 31321)
    assert producer.phone == "0912 345 678"
    assert producer.applicant_id == applicant.id
    assert applicant.producer_id == producer.id
    assert applicant.role is Role.SHOPPER  # the producer role comes with the approval
    page = client.get("/producer/apply").get_data(as_text=True)
    assert "Your application is under review" in page
    assert 'name="tax_code"' not in page


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0123456789", "0123456789"),
        ("0123456789-001", "0123456789-001"),
        (" 0123456789 001 ", "0123456789-001"),
        ("0123.456.789", "0123456789"),
    ],
)
def test_a_tax_code_of_10_or_13_digits_is_accepted_and_normalised(apply, typed, stored):
    assert apply(tax_code=typed).tax_code == stored


@pytest.mark.parametrize(
    "typed", ["012345678", "01234567AB", "0123456789-01", "0123456789-000", "０１２３４５６７８９"]
)
def test_a_malformed_tax_code_is_refused(client, applicant, typed):
    response = client.post("/producer/apply", data=application(tax_code=typed))

    assert response.status_code == 200
    assert "Enter the tax code (MST) as 10 digits" in response.get_data(as_text=True)
    assert producers() == []


def test_a_tax_code_already_registered_is_refused(client, db, applicant):
    ProducerFactory(tax_code="0123456789")
    db.session.commit()

    response = client.post("/producer/apply", data=application(tax_code="0123456789"))

    assert "A producer with this tax code is already registered" in response.get_data(as_text=True)
    assert len(producers()) == 1
    fresh(applicant)
    assert applicant.producer_id is None


def test_a_ward_of_another_province_is_refused(client, applicant):
    response = client.post(
        "/producer/apply", data=application(province=str(CAN_THO), ward=str(HA_NOI_WARD))
    )

    assert response.status_code == 200
    assert "Choose a ward or commune of this province." in response.get_data(as_text=True)
    assert producers() == []


@pytest.mark.parametrize(("province", "ward"), [("999", "4"), ("abc", "4"), ("", ""), ("1", "x")])
def test_unknown_or_missing_units_are_refused_without_an_error_page(
    client, applicant, province, ward
):
    response = client.post("/producer/apply", data=application(province=province, ward=ward))

    assert response.status_code == 200
    assert producers() == []


def test_a_phone_number_that_is_not_vietnamese_is_refused(client, applicant):
    response = client.post("/producer/apply", data=application(phone="+1 202 555 0143"))

    assert "Enter a Vietnamese phone number" in response.get_data(as_text=True)
    assert producers() == []


def test_choosing_a_province_shows_its_wards_without_sending_the_application(client, applicant):
    response = client.post(
        "/producer/apply",
        data=application(province=str(HA_NOI), ward="", choose_province="Show its wards"),
    )

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Phường Ba Đình" in page
    assert "Phường Vị Thanh" not in page
    assert "field__error" not in page
    assert producers() == []


def test_the_page_lists_the_wards_of_the_province_in_its_address(client, applicant):
    page = client.get(f"/producer/apply?province={CAN_THO}").get_data(as_text=True)

    assert "Phường Vị Thanh" in page
    assert "Phường Ba Đình" not in page


def test_fields_the_form_does_not_offer_are_ignored(client, db, applicant, apply):
    staff = UserFactory(role=Role.STAFF)
    other = ProducerFactory()
    db.session.commit()

    producer = apply(
        status="approved",
        producer_id=str(other.id),
        role="staff",
        decided_by_id=str(staff.id),
        applicant_id=str(staff.id),
        slug="chosen-slug",
    )

    assert producer.id != other.id
    assert producer.status is ProducerStatus.PENDING
    assert producer.decided_by_id is None
    assert producer.applicant_id == applicant.id
    assert producer.slug == "hop-tac-xa-khom-cau-duc"
    assert applicant.role is Role.SHOPPER


def test_a_second_producer_with_the_same_name_gets_a_numbered_slug(db, apply):
    ProducerFactory(name="Hợp tác xã Khóm Cầu Đúc", slug="hop-tac-xa-khom-cau-duc")
    db.session.commit()

    assert apply().slug == "hop-tac-xa-khom-cau-duc-2"


def test_a_member_cannot_send_a_second_application(client, apply):
    apply()

    response = client.post("/producer/apply", data=application(tax_code="9876543210"))

    assert response.status_code == 200
    assert len(producers()) == 1


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/producer/apply")

    assert response.status_code == 302
    assert response.location.startswith("/account/sign-in")


def test_staff_cannot_apply(client, login_as):
    login_as(Role.STAFF)

    assert client.get("/producer/apply").status_code == 403
    assert client.post("/producer/apply", data=application()).status_code == 403
