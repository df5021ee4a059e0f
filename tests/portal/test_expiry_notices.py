"""`flask certificates expire-notices`: one mail per certificate per threshold, 90 and 30
days ahead, to the producer's members, whatever the number of runs."""

from datetime import timedelta

import pytest

from storefront.catalog.models import ExpiryNotice, ProductStatus
from storefront.clock import today_in_vietnam
from storefront.producers.models import Producer
from tests.factories import CertificateFactory, ProductFactory


@pytest.fixture
def certificates(db, make_member):
    """Certificates expiring in 80, 20 and 200 days, one already expired, one on an
    archived product; each product with a member to tell."""
    today = today_in_vietnam()

    def product_expiring_in(days: int, **product):
        member = make_member()
        made = ProductFactory(producer=db.session.get(Producer, member.producer_id), **product)
        CertificateFactory(
            product=made,
            issued_on=today - timedelta(days=1000),
            expires_on=today + timedelta(days=days),
        )
        return member

    members = {
        "in 80": product_expiring_in(80, name="Bưởi Năm Roi"),
        "in 20": product_expiring_in(20, name="Khóm Cầu Đúc"),
        "in 200": product_expiring_in(200),
        "expired": product_expiring_in(-1),
        "archived": product_expiring_in(10, status=ProductStatus.ARCHIVED),
    }
    db.session.commit()
    return members


def _run(app) -> str:
    """The command, then the mail it queued (a real command sends it when its app context
    ends; under the test's own context, send-pending does that)."""
    runner = app.test_cli_runner()
    result = runner.invoke(args=["certificates", "expire-notices"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["mail", "send-pending"]).exit_code == 0
    return result.output


def test_notices_go_once_to_the_members_of_producers_whose_certificates_expire_soon(
    app, db, certificates, smtp_server
):
    assert "2 certificate(s)" in _run(app)
    assert "0 certificate(s)" in _run(app)

    recipients = sorted(m.message["To"] for m in smtp_server.messages)
    assert recipients == sorted([certificates["in 80"].email, certificates["in 20"].email])
    subjects = {m.message["To"]: m.message["Subject"] for m in smtp_server.messages}
    assert "Bưởi Năm Roi" in subjects[certificates["in 80"].email]
    assert "80" in subjects[certificates["in 80"].email]
    # Inside 30 days without a 90-day notice: one mail, both thresholds recorded.
    thresholds = sorted(n.days_before for n in db.session.scalars(db.select(ExpiryNotice)))
    assert thresholds == [30, 90, 90]


def test_the_30_day_notice_follows_the_90_day_one(app, db, certificates, smtp_server):
    _run(app)
    # Sixty days later the 80-day certificate has 20 days left: its second notice goes.
    from storefront.catalog import expiry_notices

    later = today_in_vietnam() + timedelta(days=60)
    assert expiry_notices.send_expiry_notices(today=later) == 1
    assert expiry_notices.send_expiry_notices(today=later) == 0
