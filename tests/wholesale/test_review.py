"""Staff approve or reject shop applications; the decision is recorded and the applicant mailed."""

import pytest

from storefront.accounts.models import Role
from storefront.wholesale.models import ShopStatus
from tests.wholesale.conftest import fresh, shop_application, shops


def test_approving_gives_the_applicant_the_shop_role_and_the_shop_and_mails_them(
    client, staff_client, staff, applicant, apply_shop, smtp_server
):
    shop = apply_shop()
    assert "Công ty TNHH Quà Quê" in staff_client.get("/staff/shops").get_data(as_text=True)

    with staff_client.post(f"/staff/shops/{shop.id}/approve", data={"note": "Chào mừng!"}) as r:
        assert r.status_code == 302

    fresh(shop)
    fresh(applicant)
    assert shop.status is ShopStatus.APPROVED
    assert shop.decided_by_id == staff.id
    assert shop.decided_at is not None
    assert shop.decision_reason == "Chào mừng!"
    assert applicant.role is Role.SHOP
    assert applicant.shop_id == shop.id
    [mail] = smtp_server.messages
    assert mail.recipients == [applicant.email]
    assert "Công ty TNHH Quà Quê" in mail.message["Subject"]
    assert "Chào mừng!" in mail.message.get_body(("plain",)).get_content()
    assert "has a shop account" in client.get("/wholesale/application").get_data(as_text=True)
    listing = staff_client.get("/staff/shops").get_data(as_text=True)
    assert f'action="/staff/shops/{shop.id}/approve"' not in listing


def test_the_mail_is_written_in_the_applicants_language(
    db, staff_client, staff, applicant, apply_shop, smtp_server
):
    applicant.locale = "en"
    db.session.commit()
    shop = apply_shop()

    staff_client.post(f"/staff/shops/{shop.id}/approve", data={}).close()

    [mail] = smtp_server.messages
    assert mail.message["Subject"] == "Công ty TNHH Quà Quê has a wholesale account on Chợ OCOP"


def test_rejecting_needs_a_reason(staff_client, staff, apply_shop, smtp_server):
    shop = apply_shop()

    with staff_client.post(
        f"/staff/shops/{shop.id}/reject", data={"reason": "  "}, follow_redirects=True
    ) as response:
        assert "Give the reason" in response.get_data(as_text=True)

    fresh(shop)
    assert shop.status is ShopStatus.PENDING
    assert smtp_server.messages == []


def test_rejecting_records_and_mails_the_reason(
    client, staff_client, staff, applicant, apply_shop, smtp_server
):
    shop = apply_shop()

    staff_client.post(
        f"/staff/shops/{shop.id}/reject", data={"reason": "Mã số thuế không khớp."}
    ).close()

    fresh(shop)
    fresh(applicant)
    assert shop.status is ShopStatus.REJECTED
    assert shop.decided_by_id == staff.id
    assert shop.decision_reason == "Mã số thuế không khớp."
    assert (applicant.role, applicant.shop_id) == (Role.SHOPPER, None)
    [mail] = smtp_server.messages
    assert mail.recipients == [applicant.email]
    assert "Mã số thuế không khớp." in mail.message.get_body(("plain",)).get_content()
    assert "Mã số thuế không khớp." in mail.message.get_body(("html",)).get_content()
    page = client.get("/wholesale/application").get_data(as_text=True)
    assert "was not approved" in page
    assert "Mã số thuế không khớp." in page


def test_an_application_is_decided_only_once(staff_client, staff, apply_shop, smtp_server):
    shop = apply_shop()
    staff_client.post(f"/staff/shops/{shop.id}/approve", data={}).close()

    with staff_client.post(
        f"/staff/shops/{shop.id}/reject", data={"reason": "Late"}, follow_redirects=True
    ) as response:
        assert "decided meanwhile" in response.get_data(as_text=True)

    fresh(shop)
    assert shop.status is ShopStatus.APPROVED
    assert len(smtp_server.messages) == 1


def test_pending_applications_are_listed_before_decided_ones(
    db, staff_client, staff, apply_shop, login_as, app, smtp_server
):
    decided = apply_shop()
    staff_client.post(f"/staff/shops/{decided.id}/reject", data={"reason": "Không"}).close()
    other = app.test_client()
    login_as(Role.SHOPPER, client=other)
    other.post(
        "/wholesale/apply",
        data={
            **shop_application(),
            "name": "Khách sạn Sông Hậu",
            "kind": "hotel_gift_corner",
            "tax_code": "1800000000",
        },
    ).close()

    waiting = next(shop for shop in shops() if shop.id != decided.id)

    listing = staff_client.get("/staff/shops").get_data(as_text=True)

    assert listing.index(f'id="shop-{waiting.id}"') < listing.index(f'id="shop-{decided.id}"')
    assert "1 application waits for a decision" in listing


def test_a_decision_on_an_unknown_shop_is_404(staff_client, staff):
    assert staff_client.post("/staff/shops/999/approve", data={}).status_code == 404


@pytest.mark.parametrize("role", [Role.SHOPPER, Role.PRODUCER, Role.SHOP])
def test_only_staff_review_applications(app, login_as, apply_shop, role, smtp_server):
    shop = apply_shop()
    other = app.test_client()
    login_as(role, client=other)

    assert other.get("/staff/shops").status_code == 403
    assert other.post(f"/staff/shops/{shop.id}/approve", data={}).status_code == 403
    assert other.post(f"/staff/shops/{shop.id}/reject", data={"reason": "x"}).status_code == 403

    fresh(shop)
    assert shop.status is ShopStatus.PENDING
    assert smtp_server.messages == []
