"""A certificate goes from the producer to staff: pending until verified, listed after;
a rejection says why; the scan is seen only by its producer and by staff."""

from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from storefront.accounts.models import Role
from storefront.catalog.models import OcopCertificate, ProductStatus, Verification
from storefront.clock import today_in_vietnam
from storefront.mail.models import OutboxMessage
from tests.portal.helpers import png_with_exif, product_of

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _submit(client, product, *, scan=PDF, name="quyet-dinh.pdf", **changes):
    issued = today_in_vietnam() - timedelta(days=10)
    data = {
        "product": str(product.id),
        "stars": "4",
        "decision_number": "1234/QĐ-UBND",
        "issuing_body": "provincial",
        "issued_on": issued.isoformat(),
        "expires_on": "",
        "scan": (BytesIO(scan), name),
    }
    data.update(changes)
    return client.post("/producer/certificates/new", data=data, content_type="multipart/form-data")


@pytest.fixture
def submitted(app, client, login_as, make_member, db):
    """A member's active product with one pending certificate, and a staff client."""
    member = login_as(make_member())
    product = product_of(
        member, name="Mắm cá linh", slug="mam-ca-linh", status=ProductStatus.ACTIVE
    )
    db.session.commit()
    assert _submit(client, product).status_code == 302
    staff_client = app.test_client()
    login_as(Role.STAFF, client=staff_client)
    certificate = db.session.scalar(select(OcopCertificate))
    return member, product, certificate, staff_client


def _listed(client: FlaskClient, slug: str) -> bool:
    slugs = [item["slug"] for item in client.get("/api/v1/products").get_json()["items"]]
    in_catalogue = f"/catalog/products/{slug}" in client.get("/catalog/").get_data(as_text=True)
    assert (slug in slugs) == in_catalogue
    return in_catalogue


def test_a_submitted_certificate_is_pending_with_a_private_scan(app, client, submitted):
    member, product, certificate, _staff = submitted

    assert certificate.verification is Verification.PENDING
    assert certificate.submitted_by_id == member.id
    assert certificate.expires_on.year == certificate.issued_on.year + 3
    assert (
        certificate.scan_path.startswith("certificates/") and "quyet" not in certificate.scan_path
    )
    assert (Path(app.config["UPLOAD_DIR"]) / certificate.scan_path).read_bytes() == PDF
    assert not _listed(client, product.slug)
    assert client.get(f"/producer/certificates/{certificate.id}/scan").data == PDF


def test_staff_verify_and_the_product_appears_in_the_catalogue_and_the_api(client, submitted, db):
    member, product, certificate, staff = submitted
    queue = staff.get("/staff/certificates").get_data(as_text=True)
    assert "Mắm cá linh" in queue and "1234/QĐ-UBND" in queue
    assert staff.get(f"/staff/certificates/{certificate.id}/scan").data == PDF

    assert staff.post(f"/staff/certificates/{certificate.id}/verify").status_code == 302

    db.session.expire_all()
    assert certificate.verification is Verification.VERIFIED
    assert certificate.decided_by.role is Role.STAFF and certificate.decided_at is not None
    assert product.current_certificate_id == certificate.id
    assert _listed(client, product.slug)
    mail = db.session.scalar(select(OutboxMessage).where(OutboxMessage.recipient == member.email))
    assert mail.template == "certificate_verified"
    again = staff.post(f"/staff/certificates/{certificate.id}/reject", data={"reason": "x"})
    assert again.status_code == 302
    db.session.expire_all()
    assert certificate.verification is Verification.VERIFIED


def test_a_rejection_needs_a_reason_is_recorded_and_mailed(client, submitted, db):
    member, product, certificate, staff = submitted

    staff.post(f"/staff/certificates/{certificate.id}/reject", data={"reason": "  "})
    db.session.expire_all()
    assert certificate.verification is Verification.PENDING

    staff.post(f"/staff/certificates/{certificate.id}/reject", data={"reason": "Bản scan bị mờ"})

    db.session.expire_all()
    assert certificate.verification is Verification.REJECTED
    assert certificate.decision_reason == "Bản scan bị mờ"
    assert not _listed(client, product.slug)
    mail = db.session.scalar(select(OutboxMessage).where(OutboxMessage.recipient == member.email))
    assert mail.template == "certificate_rejected" and "Bản scan bị mờ" in mail.text_body
    assert "Bản scan bị mờ" in client.get("/producer/certificates").get_data(as_text=True)


def test_the_scan_is_not_reachable_by_anyone_else(app, login_as, make_member, submitted):
    _member, _product, certificate, _staff = submitted
    anonymous, shopper, other_producer = app.test_client(), app.test_client(), app.test_client()
    login_as(Role.SHOPPER, client=shopper)
    login_as(make_member(), client=other_producer)

    for visitor in (anonymous, shopper, other_producer):
        for path in (
            f"/producer/certificates/{certificate.id}/scan",
            f"/staff/certificates/{certificate.id}/scan",
            f"/media/{certificate.scan_path}",
            f"/media/products/../{certificate.scan_path}",
            f"/media/./{certificate.scan_path}",
        ):
            response = visitor.get(path)
            assert response.status_code in (302, 403, 404), path
            assert response.data != PDF


def test_a_picture_scan_is_reencoded(client, login_as, make_member, db):
    member = login_as(make_member())
    product = product_of(member)
    db.session.commit()

    assert _submit(client, product, scan=png_with_exif(), name="scan.png").status_code == 302
    assert db.session.scalar(select(OcopCertificate.scan_path)).endswith(".webp")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"stars": "5", "issuing_body": "provincial"}, "only by the central OCOP council"),
        ({"issued_on": "2099-01-01"}, "cannot be in the future"),
        ({"issued_on": "2024-05-01", "expires_on": "2024-04-01"}, "must come after the issue"),
        ({"scan": b"<html>no</html>", "name": "scan.pdf"}, "must be a PDF"),
        ({"name": "../scan.pdf"}, "file name is not valid"),
        ({"scan": b"%PDF-" + b"0" * (10 * 1024 * 1024)}, "at most 10 MB"),
        ({"stars": "6"}, "Not a valid choice"),
    ],
)
def test_wrong_certificates_are_refused_and_nothing_is_stored(
    app, client, login_as, make_member, db, changes, message
):
    member = login_as(make_member())
    product = product_of(member)
    db.session.commit()

    response = _submit(client, product, **changes)

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(OcopCertificate.id))) == 0
    assert not (Path(app.config["UPLOAD_DIR"]) / "certificates").exists() or not any(
        (Path(app.config["UPLOAD_DIR"]) / "certificates").iterdir()
    )
