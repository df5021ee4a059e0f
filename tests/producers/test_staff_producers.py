"""Staff list, search, suspend and reinstate producers."""

import pytest

from storefront.accounts.models import Role
from storefront.producers.models import ProducerStatus
from tests.factories import ProducerFactory, ProductFactory, UserFactory
from tests.producers.conftest import fresh


@pytest.fixture
def selling(db):
    """An approved producer with a listed product, and a member."""
    producer = ProducerFactory(name="Cơ sở Mật ong Rừng Tràm")
    ProductFactory(producer=producer, name="Mật ong hoa tràm", stars=4)
    member = UserFactory(role=Role.PRODUCER, producer_id=producer.id)
    db.session.commit()
    return producer, member


def listed(client, name: str) -> bool:
    return name in client.get("/catalog/").get_data(as_text=True)


def test_suspending_takes_the_products_off_the_store_and_signs_the_members_out(
    app, client, login_as, staff_client, staff, selling
):
    producer, member = selling
    member_client = app.test_client()
    login_as(member, client=member_client)
    assert listed(client, "Mật ong hoa tràm")

    response = staff_client.post(
        f"/staff/producers/{producer.id}/suspend", data={"reason": "Hàng giả"}
    )

    assert response.status_code == 302
    fresh(producer)
    assert producer.status is ProducerStatus.SUSPENDED
    assert (producer.decided_by_id, producer.decision_reason) == (staff.id, "Hàng giả")
    assert not listed(client, "Mật ong hoa tràm")
    assert client.get(f"/producers/{producer.slug}").status_code == 404
    assert member_client.get("/account/").status_code == 302  # signed out


def test_reinstating_brings_the_products_back(client, staff_client, staff, selling):
    producer, _member = selling
    staff_client.post(f"/staff/producers/{producer.id}/suspend", data={"reason": "Kiểm tra"})

    response = staff_client.post(f"/staff/producers/{producer.id}/reinstate", data={})

    assert response.status_code == 302
    fresh(producer)
    assert producer.status is ProducerStatus.APPROVED
    assert listed(client, "Mật ong hoa tràm")


def test_suspending_needs_a_reason(client, staff_client, staff, selling):
    producer, _member = selling

    staff_client.post(f"/staff/producers/{producer.id}/suspend", data={"reason": ""})

    fresh(producer)
    assert producer.status is ProducerStatus.APPROVED
    assert listed(client, "Mật ong hoa tràm")


def test_only_a_suspended_producer_can_be_reinstated(staff_client, staff, db):
    pending = ProducerFactory(status=ProducerStatus.PENDING)
    db.session.commit()

    staff_client.post(f"/staff/producers/{pending.id}/reinstate", data={})

    fresh(pending)
    assert pending.status is ProducerStatus.PENDING


def test_after_a_decision_the_list_keeps_its_filters(staff_client, staff, selling):
    producer, _member = selling

    response = staff_client.post(
        f"/staff/producers/{producer.id}/suspend",
        data={"reason": "x", "next": "/staff/producers?q=mat"},
    )
    offsite = staff_client.post(
        f"/staff/producers/{producer.id}/reinstate", data={"next": "//evil.example/"}
    )

    assert response.location == "/staff/producers?q=mat"
    assert offsite.location == "/staff/producers"


@pytest.mark.parametrize("query", ["mat ong rung tram", "MẬT ONG", "rừng", "0312"])
def test_search_finds_a_producer_whatever_the_accents(staff_client, staff, db, query):
    ProducerFactory(name="Cơ sở Mật ong Rừng Tràm", tax_code="0312345678")
    ProducerFactory(name="Hợp tác xã Khóm Cầu Đúc")
    db.session.commit()

    page = staff_client.get("/staff/producers", query_string={"q": query}).get_data(as_text=True)

    assert "Cơ sở Mật ong Rừng Tràm" in page
    assert "Khóm Cầu Đúc" not in page


def test_the_list_filters_by_status(staff_client, staff, db):
    ProducerFactory(name="Đang bán")
    ProducerFactory(name="Đang chờ", status=ProducerStatus.PENDING)
    db.session.commit()

    page = staff_client.get("/staff/producers?status=pending").get_data(as_text=True)

    assert "Đang chờ" in page
    assert "Đang bán" not in page


@pytest.mark.parametrize("args", ["status=bogus", "page=-1", "page=abc", "q=" + "%" * 300])
def test_odd_list_arguments_do_not_break_the_page(staff_client, staff, args):
    assert staff_client.get(f"/staff/producers?{args}").status_code == 200
    assert staff_client.get(f"/staff/users?{args}").status_code == 200
