"""Wholesale fixtures: a valid shop application form, an applicant, a staff client; and the
goods (honey with tiers, tea), shop and signed-in owner the quote tests share."""

from collections.abc import Callable
from types import SimpleNamespace

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from storefront.accounts.models import User
from storefront.extensions import db
from storefront.wholesale.models import Shop
from tests.factories import CAN_THO, VI_THANH_WARD

# The producers' applicant (a signed-in shopper on `client`, in English), staff member on
# `staff_client`, and the check that no request failed with a 5xx serve here as well.
from tests.producers.conftest import (  # noqa: F401
    applicant,
    fresh,
    no_server_errors,
    staff,
    staff_client,
)
from tests.shopping import shipping_table, stocked_product
from tests.wholesale.shops import approved_shop, wholesale


def shop_application(**changes: object) -> dict[str, object]:
    """A valid shop application form; `changes` replace or add fields."""
    return {
        "name": "Công ty TNHH Quà Quê",
        "kind": "souvenir_shop",
        "tax_code": "0312345678",
        "province": str(CAN_THO),
        "ward": str(VI_THANH_WARD),
        "address": "5 Hai Bà Trưng",
        "contact_name": "Nguyễn Thị Lan",
        "contact_phone": "0912 345 678",
        **changes,
    }


def shops() -> list[Shop]:
    return list(db.session.scalars(select(Shop).execution_options(populate_existing=True)))


@pytest.fixture
def apply_shop(client: FlaskClient, applicant: User) -> Callable[..., Shop]:  # noqa: F811
    """`apply_shop(**changes)`: the applicant sends a shop application; returns the shop."""

    def send(**changes: object) -> Shop:
        response = client.post("/wholesale/apply", data=shop_application(**changes))
        assert response.status_code == 302, response.get_data(as_text=True)
        assert response.location.endswith("/wholesale/application")
        shop = db.session.scalar(select(Shop).where(Shop.applicant_id == applicant.id))
        fresh(shop)
        return shop

    return send


# --- The goods, shop and signed-in owner the quote tests share ------------------------------


@pytest.fixture
def goods(db) -> SimpleNamespace:
    """Honey with tiers (from its producer) and tea (from another producer)."""
    shipping_table()
    honey = stocked_product(1_000, name="Mật ong U Minh", price_vnd=100_000, weight_grams=100)
    wholesale(honey, [(50, 85_000), (100, 80_000)], minimum=10)
    tea = stocked_product(500, name="Trà mãng cầu Tân Lập", price_vnd=60_000, weight_grams=100)
    db.session.commit()
    return SimpleNamespace(honey=honey, tea=tea)


@pytest.fixture
def shop(db):
    shop = approved_shop(terms_days=30, credit_limit_vnd=50_000_000)
    db.session.commit()
    return shop


@pytest.fixture
def owner(db, shop, client: FlaskClient, login_as: Callable[..., User]) -> User:
    client.set_cookie("lang", "en")
    return login_as(db.session.get(User, shop.owner_id))
