"""Portal forms refuse a missing CSRF token; the overview costs a fixed number of queries."""

from io import BytesIO

from sqlalchemy import func, select

from storefront.catalog.models import OcopCertificate, Product
from storefront.inventory.models import StockMovement
from tests.factories import CertificateFactory
from tests.portal.helpers import product_of


def test_state_changing_portal_forms_refuse_a_missing_csrf_token(
    app, client, login_as, make_member, category, db
):
    member = login_as(make_member())
    product = product_of(member)
    db.session.commit()
    app.config["WTF_CSRF_ENABLED"] = True

    posts = [
        (
            "/producer/products/new",
            {
                "name": "X",
                "category": category.id,
                "unit": "hộp",
                "price_vnd": "1",
                "weight_grams": "1",
            },
        ),
        (f"/producer/products/{product.id}", {"name": "Đổi tên"}),
        (f"/producer/products/{product.id}/archive", {}),
        (
            f"/producer/stock/{product.id}",
            {
                f"p{product.id}-change": "adjust",
                f"p{product.id}-amount": "3",
                f"p{product.id}-reason": "r",
            },
        ),
        (
            "/producer/certificates/new",
            {"product": product.id, "scan": (BytesIO(b"%PDF-1"), "a.pdf")},
        ),
    ]
    for path, data in posts:
        assert client.post(path, data=data).status_code == 400, path

    db.session.expire_all()
    assert db.session.scalar(select(func.count(Product.id))) == 1
    assert product.name != "Đổi tên" and product.status.value == "active"
    assert db.session.scalar(select(func.count(StockMovement.id))) == 0
    assert db.session.scalar(select(func.count(OcopCertificate.id))) == 0


def test_the_overview_costs_the_same_queries_for_2_or_12_products(
    client, login_as, make_member, db, count_queries
):
    member = login_as(make_member())

    def queries_with(total: int) -> int:
        while db.session.scalar(select(func.count(Product.id))) < total:
            made = product_of(member, stock=3)
            CertificateFactory(product=made)
        db.session.commit()
        with count_queries() as counter:
            assert client.get("/producer/").status_code == 200
        return counter.count

    assert queries_with(2) == queries_with(12)
