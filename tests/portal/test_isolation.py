"""A producer reading or changing another producer's product, certificate or stock gets 404,
and nothing changes."""

from io import BytesIO

import pytest
from sqlalchemy import func, select

from storefront.catalog.models import OcopCertificate, ProductStatus
from storefront.inventory.models import StockMovement
from tests.factories import CertificateFactory, ImageFactory
from tests.portal.helpers import product_of


@pytest.fixture
def theirs(client, login_as, make_member, db):
    """P1 signed in on `client`; P2's product with a picture and a certificate with a scan."""
    login_as(make_member())
    product = product_of(make_member(), name="Của P2", stock=8, status=ProductStatus.DRAFT)
    image = ImageFactory(product=product)
    certificate = CertificateFactory(product=product, scan_path="certificates/p2.pdf")
    db.session.commit()
    return product, image, certificate


def test_p1_gets_404_on_every_page_and_action_of_p2s_product(client, theirs, db):
    product, image, certificate = theirs
    base = f"/producer/products/{product.id}"
    requests = [
        ("get", base, {}),
        ("post", base, {"name": "Pwned", "category": "1", "unit": "x", "price_vnd": "1"}),
        ("post", f"{base}/publish", {}),
        ("post", f"{base}/archive", {}),
        ("post", f"{base}/images", {"picture": (BytesIO(b"x"), "a.png")}),
        ("post", f"{base}/images/{image.id}/remove", {}),
        ("post", f"{base}/images/{image.id}/first", {}),
        ("post", f"/producer/stock/{product.id}", {f"p{product.id}-amount": "100"}),
        ("get", f"/producer/certificates/{certificate.id}/scan", {}),
    ]

    for method, path, data in requests:
        response = getattr(client, method)(path, data=data)
        assert response.status_code == 404, path

    db.session.expire_all()
    assert (product.name, product.status, product.stock) == ("Của P2", ProductStatus.DRAFT, 8)
    assert len(product.images) == 1
    assert db.session.scalar(select(func.count(StockMovement.id))) == 0


def test_p1_cannot_submit_a_certificate_for_p2s_product(client, theirs, db):
    product, _image, _certificate = theirs

    response = client.post(
        "/producer/certificates/new",
        data={
            "product": str(product.id),
            "stars": "4",
            "decision_number": "1/QĐ",
            "issuing_body": "provincial",
            "issued_on": "2025-01-01",
            "scan": (BytesIO(b"%PDF-1.4"), "a.pdf"),
        },
        content_type="multipart/form-data",
    )

    assert response.status_code == 200
    assert db.session.scalar(select(func.count(OcopCertificate.id))) == 1


def test_p1s_pages_never_show_p2s_products(client, theirs):
    for path in ("/producer/", "/producer/products", "/producer/certificates", "/producer/stock"):
        assert "Của P2" not in client.get(path).get_data(as_text=True), path
