"""Test helpers for buying: stocked products and combos whose stock the ledger accounts
for, a shipping table, and a buyer's checkout details."""

from collections import Counter
from datetime import UTC, datetime

from flask import current_app
from sqlalchemy import func, select

from storefront.cart.lines import ItemKind, LineKey
from storefront.catalog.models import Product
from storefront.checkout.details import Checkout, Contact, Delivery, GiftOptions
from storefront.checkout.placing import CheckoutRules
from storefront.checkout.shipping_table import install_shipping_table
from storefront.combos.models import Combo, PackagingItem
from storefront.extensions import db
from storefront.inventory.ledger import open_stock
from storefront.inventory.models import StockMovement
from storefront.orders.models import PaymentMethod
from tests.factories import CAN_THO, VI_THANH_WARD, ComboFactory, ProductFactory


def stocked_product(stock: int, **fields: object) -> Product:
    """A certified product whose stock came in through an opening movement."""
    product = ProductFactory(stock=0, stars=fields.pop("stars", 4), **fields)
    open_stock(product, quantity=stock, actor=None)
    return product


def combo_of(*parts: tuple[Product, int], **fields: object) -> Combo:
    """A published combo of the owner's own products (the first part's producer)."""
    owner = parts[0][0].producer
    return ComboFactory(owner=owner, parts=list(parts), **fields)


def product_key(product: Product, *, wrap: PackagingItem | None = None) -> LineKey:
    return LineKey(ItemKind.PRODUCT, product.id, None, wrap.id if wrap else None)


def combo_key(combo: Combo, *, packaging: PackagingItem | None = None) -> LineKey:
    return LineKey(ItemKind.COMBO, combo.id, packaging.id if packaging else None)


def shipping_table() -> None:
    install_shipping_table()
    db.session.commit()


def details(
    payment: PaymentMethod = PaymentMethod.COD, *, gift: GiftOptions | None = None, email: str = "an@example.vn"
) -> Checkout:
    """A buyer in Cần Thơ (Vị Thanh ward) paying by `payment`."""
    return Checkout(
        contact=Contact(name="Nguyễn Văn An", email=email, phone="+84912345678"),
        delivery=Delivery(
            recipient_name="Trần Thị Bình",
            recipient_phone="+84987654321",
            province_code=CAN_THO,
            ward_code=VI_THANH_WARD,
            street="12 Đường 30/4",
        ),
        gift=gift or GiftOptions(),
        payment=payment,
    )


def rules() -> CheckoutRules:
    return CheckoutRules.from_config(current_app.config)


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def ledger_sums() -> Counter[int]:
    """Each product's stock as its movements add it up."""
    rows = db.session.execute(
        select(StockMovement.product_id, func.sum(StockMovement.delta))
        .where(StockMovement.product_id.is_not(None))
        .group_by(StockMovement.product_id)
    )
    return Counter({product_id: total for product_id, total in rows})
