"""Staff grant an approved shop payment terms and a credit limit; the shop sees them."""

from datetime import datetime, timedelta

import pytest

from storefront.accounts.models import Role
from storefront.clock import utcnow
from storefront.wholesale.errors import ShopError, ShopErrorCode
from storefront.wholesale.models import ShopStatus
from storefront.wholesale.terms import grant_terms
from tests.factories import UserFactory
from tests.wholesale.conftest import fresh

NOW = datetime(2026, 12, 4, 9, 0)  # naive UTC, as the columns store it


@pytest.fixture
def approved_shop(staff_client, staff, apply_shop):
    shop = apply_shop()
    staff_client.post(f"/staff/shops/{shop.id}/approve", data={}).close()
    fresh(shop)
    assert shop.status is ShopStatus.APPROVED
    return shop


def test_staff_grant_terms_and_the_shop_sees_them(client, staff_client, staff, approved_shop):
    page = client.get("/wholesale/application").get_data(as_text=True)
    assert "No payment terms granted yet: pay before shipping." in page
    listing = staff_client.get("/staff/shops").get_data(as_text=True)
    assert f'action="/staff/shops/{approved_shop.id}/terms"' in listing
    assert "Set by" not in listing

    response = staff_client.post(
        f"/staff/shops/{approved_shop.id}/terms",
        data={"payment_terms_days": "30", "credit_limit_vnd": "50000000"},
        follow_redirects=True,
    )

    assert response.status_code == 200
    assert "has its new payment terms and credit limit" in response.get_data(as_text=True)
    fresh(approved_shop)
    assert (approved_shop.payment_terms_days, approved_shop.credit_limit_vnd) == (30, 50_000_000)
    # Who set them and when is recorded, and staff see it beside the terms.
    assert approved_shop.terms_set_by_id == staff.id
    assert utcnow() - approved_shop.terms_set_at < timedelta(minutes=1)
    expected = "Invoices due 30 days after the order; credit limit 50.000.000\u00a0₫"
    assert expected in client.get("/wholesale/application").get_data(as_text=True)
    listing = staff_client.get("/staff/shops").get_data(as_text=True)
    assert expected in listing
    assert f"Set by {staff.name} on " in listing


def test_pay_before_shipping_with_no_credit_is_a_valid_grant(client, staff_client, approved_shop):
    staff_client.post(
        f"/staff/shops/{approved_shop.id}/terms",
        data={"payment_terms_days": "0", "credit_limit_vnd": "0"},
    ).close()

    fresh(approved_shop)
    assert (approved_shop.payment_terms_days, approved_shop.credit_limit_vnd) == (0, 0)
    page = client.get("/wholesale/application").get_data(as_text=True)
    assert "Pay before shipping; credit limit 0\u00a0₫" in page


@pytest.mark.parametrize(
    ("days", "limit", "message"),
    [
        ("", "1000000", "Choose the payment terms."),
        ("20", "1000000", "Choose the payment terms from the list."),
        ("thirty", "1000000", "Choose the payment terms from the list."),
        ("30", "", "Enter the credit limit, 0 or more."),
        ("30", "-1", "Enter the credit limit in whole đồng, from 0 to 10.000.000.000."),
        ("30", "10000000001", "Enter the credit limit in whole đồng, from 0 to 10.000.000.000."),
        ("30", "1.5", "Enter the credit limit in whole đồng, from 0 to 10.000.000.000."),
        ("30", "lots", "Enter the credit limit in whole đồng, from 0 to 10.000.000.000."),
    ],
)
def test_each_bad_value_is_refused_with_its_message_and_nothing_changes(
    staff_client, approved_shop, days, limit, message
):
    response = staff_client.post(
        f"/staff/shops/{approved_shop.id}/terms",
        data={"payment_terms_days": days, "credit_limit_vnd": limit},
    )

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert "were not changed" in page
    fresh(approved_shop)
    assert (approved_shop.payment_terms_days, approved_shop.credit_limit_vnd) == (None, None)
    assert (approved_shop.terms_set_by_id, approved_shop.terms_set_at) == (None, None)


def test_a_pending_shop_gets_no_terms(staff_client, staff, apply_shop):
    shop = apply_shop()

    response = staff_client.post(
        f"/staff/shops/{shop.id}/terms",
        data={"payment_terms_days": "30", "credit_limit_vnd": "50000000"},
        follow_redirects=True,
    )

    assert "Payment terms are for approved shops only" in response.get_data(as_text=True)
    fresh(shop)
    assert (shop.status, shop.payment_terms_days, shop.credit_limit_vnd) == (
        ShopStatus.PENDING,
        None,
        None,
    )


def test_a_rejected_shop_gets_no_terms(staff_client, staff, apply_shop):
    shop = apply_shop()
    staff_client.post(f"/staff/shops/{shop.id}/reject", data={"reason": "No licence."}).close()

    with pytest.raises(ShopError) as refused:
        grant_terms(shop, staff=staff, payment_terms_days=15, credit_limit_vnd=0, now=NOW)

    assert refused.value.code is ShopErrorCode.NOT_APPROVED
    fresh(shop)
    assert (shop.payment_terms_days, shop.credit_limit_vnd) == (None, None)


def test_an_unknown_shop_is_not_found(staff_client, staff):
    response = staff_client.post(
        "/staff/shops/999999/terms", data={"payment_terms_days": "30", "credit_limit_vnd": "0"}
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("days", "limit", "code"),
    [
        (7, 0, ShopErrorCode.INVALID_TERMS),
        (True, 0, ShopErrorCode.INVALID_TERMS),
        (30, -1, ShopErrorCode.INVALID_CREDIT_LIMIT),
        (30, 10_000_000_001, ShopErrorCode.INVALID_CREDIT_LIMIT),
    ],
)
def test_grant_terms_refuses_values_outside_the_rules(staff, approved_shop, days, limit, code):
    with pytest.raises(ShopError) as refused:
        grant_terms(
            approved_shop, staff=staff, payment_terms_days=days, credit_limit_vnd=limit, now=NOW
        )

    assert refused.value.code is code
    fresh(approved_shop)
    assert (approved_shop.payment_terms_days, approved_shop.credit_limit_vnd) == (None, None)


def test_the_largest_credit_limit_is_accepted(staff, approved_shop):
    grant_terms(
        approved_shop,
        staff=staff,
        payment_terms_days=60,
        credit_limit_vnd=10_000_000_000,
        now=NOW,
    )

    fresh(approved_shop)
    assert (approved_shop.payment_terms_days, approved_shop.credit_limit_vnd) == (60, 10**10)
    assert (approved_shop.terms_set_by_id, approved_shop.terms_set_at) == (staff.id, NOW)


def test_new_terms_record_who_set_them_last(staff, approved_shop):
    later = UserFactory(role=Role.STAFF, name="Võ Thị Mai")
    grant_terms(approved_shop, staff=staff, payment_terms_days=15, credit_limit_vnd=0, now=NOW)

    grant_terms(
        approved_shop,
        staff=later,
        payment_terms_days=30,
        credit_limit_vnd=1_000_000,
        now=NOW + timedelta(days=2),
    )

    fresh(approved_shop)
    assert approved_shop.terms_set_by_id == later.id
    assert approved_shop.terms_set_at == NOW + timedelta(days=2)
