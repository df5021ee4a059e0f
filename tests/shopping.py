"""Test helpers for buying: stocked products and combos whose stock the ledger accounts
for, a shipping table, and a buyer's checkout details."""

import logging
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, current_app
from markupsafe import escape
from sqlalchemy import func, select

from storefront.accounts.models import User
from storefront.cart.lines import ItemKind, LineKey
from storefront.cart.storage import Lines, SessionCart
from storefront.catalog.models import Product
from storefront.checkout.details import Checkout, Contact, Delivery, GiftOptions
from storefront.checkout.placing import CheckoutRules, place_order
from storefront.checkout.shipping_table import install_shipping_table
from storefront.combos.models import Combo, PackagingItem
from storefront.extensions import db
from storefront.inventory.ledger import open_stock
from storefront.inventory.models import StockMovement
from storefront.orders.models import (
    Order,
    OrderLine,
    OrderLineComponent,
    OrderStatus,
    PaymentMethod,
)
from tests.factories import CAN_THO, VI_THANH_WARD, ComboFactory, ProducerFactory, ProductFactory


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
    payment: PaymentMethod = PaymentMethod.COD,
    *,
    gift: GiftOptions | None = None,
    email: str = "an@example.vn",
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


# --- Placing orders as the checkout does, and many buyers at once (helper "stock-tests") ---


def buy(
    lines: Lines,
    payment: PaymentMethod = PaymentMethod.COD,
    *,
    at: datetime | None = None,
    email: str = "an@example.vn",
) -> Order:
    """Place an order for `lines` as a guest whose cart holds them, at `at` (default: now).
    Raises what place_order raises."""
    cart = SessionCart({})
    for key, quantity in lines.items():
        cart.put(key, quantity)
    return place_order(
        cart.lines(),
        details(payment, email=email),
        buyer=None,
        cart=cart,
        locale="vi",
        rules=rules(),
        now=at or now(),
    )


def checkout_form(payment: PaymentMethod = PaymentMethod.COD) -> dict[str, str]:
    """The checkout page's form as the buyer of `details()` fills it in."""
    return {
        "name": "Nguyễn Văn An",
        "email": "an@example.vn",
        "phone": "0912 345 678",
        "province": str(CAN_THO),
        "ward": str(VI_THANH_WARD),
        "street": "12 Đường 30/4",
        "payment": payment.value,
    }


@dataclass
class Outcome:
    """What one buyer got from "Place order": an order, a refusal, or a crash."""

    order_number: str | None = None
    refusal: str | None = None  # the message the buyer was shown
    crash: str | None = None  # an error page, or an exception with its type


def all_at_once(
    app: Flask,
    carts: list[Lines],
    *,
    payment: PaymentMethod = PaymentMethod.COD,
    added_after_details: Mapping[int, Lines] | None = None,
    timeout: float = 60,
) -> list[Outcome]:
    """Each cart bought by a browser of its own (a test client in a thread of its own,
    reading English): it adds its lines through the cart's form and fills in the checkout
    form; then one barrier lets every buyer press "Place order" at the same moment.
    `added_after_details` gives buyers (by index) lines they add, as from another tab,
    between the checkout form and "Place order".

    A refused buyer is sent back to the cart; `refusal` is the message the cart page shows.
    Fails the test when a buyer is still waiting after `timeout` seconds (a deadlock or a
    lock wait that never ends) instead of hanging.
    """
    barrier = threading.Barrier(len(carts))
    outcomes = [Outcome() for _ in carts]
    later = added_after_details or {}

    def shop(lines: Lines, more: Lines, outcome: Outcome) -> None:
        try:
            outcome.order_number, outcome.refusal = _checkout(
                app, lines, more, payment, barrier, timeout
            )
        except BaseException as error:  # recorded: the test says which and fails
            barrier.abort()
            outcome.crash = f"{type(error).__name__}: {error}"

    threads = [
        threading.Thread(target=shop, args=(lines, later.get(n, {}), outcome), daemon=True)
        for n, (lines, outcome) in enumerate(zip(carts, outcomes, strict=True))
    ]
    with _errors_logged(app) as logged:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + timeout
        for thread in threads:
            thread.join(max(deadline - time.monotonic(), 0))
    stuck = sum(thread.is_alive() for thread in threads)
    assert not stuck, f"{stuck} buyers still waiting after {timeout} s: a deadlock?"
    for outcome in outcomes:
        if outcome.crash and logged:  # an error page: say what the app logged
            outcome.crash += f"\n{logged[0]}"
    return outcomes


@contextmanager
def _errors_logged(app: Flask) -> Iterator[list[str]]:
    """The errors (with tracebacks) the app logs meanwhile, such as behind an error page."""
    logged: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            logged.append(self.format(record))

    handler = Keep(logging.ERROR)
    app.logger.addHandler(handler)
    try:
        yield logged
    finally:
        app.logger.removeHandler(handler)


def _checkout(
    app: Flask,
    lines: Lines,
    more: Lines,
    payment: PaymentMethod,
    barrier: threading.Barrier,
    timeout: float,
) -> tuple[str | None, str | None]:
    """(order number, None) or (None, refusal); raises AssertionError on anything else."""
    client = app.test_client()
    client.set_cookie("lang", "en")

    def add(lines: Lines) -> None:
        for key, quantity in lines.items():
            added = client.post("/cart/add", data={"item": key.encode(), "quantity": quantity})
            assert added.status_code == 302, f"/cart/add answered {added.status_code}"

    add(lines)
    filled = client.post("/checkout", data=checkout_form(payment))
    assert filled.status_code == 302, f"/checkout answered {filled.status_code}"
    assert filled.headers["Location"].endswith("/checkout/review"), filled.headers["Location"]
    add(more)
    barrier.wait(timeout)
    placed = client.post("/checkout/place")
    assert placed.status_code == 302, f"/checkout/place answered {placed.status_code}"
    path = urlsplit(placed.headers["Location"]).path
    if path.startswith("/orders/"):
        return path.removeprefix("/orders/"), None
    assert path == "/cart", f"refused to {path}"
    with client.session_transaction() as session:
        errors = [text for category, text in session["_flashes"] if category == "error"]
    assert len(errors) == 1, errors
    message = errors[0]
    cart_page = client.get("/cart")
    assert cart_page.status_code == 200
    assert str(escape(message)) in cart_page.text, "the cart page does not say why"
    return None, message


def units_held_by_orders(statuses: Iterable[OrderStatus]) -> Counter[int]:
    """Units of each product that orders in `statuses` bought, from their lines: a product
    line's quantity, a combo line's components times its quantity."""
    statuses = list(statuses)
    held: Counter[int] = Counter()
    singles = db.session.execute(
        select(OrderLine.product_id, func.sum(OrderLine.quantity))
        .join(Order)
        .where(Order.status.in_(statuses), OrderLine.product_id.is_not(None))
        .group_by(OrderLine.product_id)
    )
    in_combos = db.session.execute(
        select(
            OrderLineComponent.product_id,
            func.sum(OrderLineComponent.quantity * OrderLine.quantity),
        )
        .join(OrderLine, OrderLineComponent.line_id == OrderLine.id)
        .join(Order)
        .where(Order.status.in_(statuses))
        .group_by(OrderLineComponent.product_id)
    )
    for product_id, units in [*singles, *in_combos]:
        held[product_id] += units
    return held


def gift_order(combo: Combo, *, buyer: User | None = None) -> Order:
    """A bank-transfer order of one combo with a gift message, placed by `buyer`."""
    shipping_table()
    cart = SessionCart({})
    cart.put(combo_key(combo, packaging=combo.packaging[0].item if combo.packaging else None), 1)
    return place_order(
        cart.lines(),
        details(PaymentMethod.BANK_TRANSFER, gift=GiftOptions(message="Chúc mừng năm mới!")),
        buyer=buyer,
        cart=cart,
        locale="vi",
        rules=rules(),
        now=now(),
    )


@contextmanager
def shop_app(url: str, tmp_path: Path, **settings: object) -> Iterator[Flask]:
    """An app on the database at `url` with a fresh schema and the shipping table, for tests
    whose database must be shared beyond one connection (threads, other processes)."""
    from storefront import create_app
    from tests.conftest import IsolatedClient

    application = create_app(
        "testing", {"SQLALCHEMY_DATABASE_URI": url, "UPLOAD_DIR": tmp_path / "uploads", **settings}
    )
    application.test_client_class = IsolatedClient
    with application.app_context():
        db.drop_all()
        db.create_all()
        shipping_table()
        yield application
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def two_producer_order(payment: PaymentMethod = PaymentMethod.COD) -> Order:
    """A guest's order of 2 bags of rice from one producer and a combo of honey and tea from
    another: two fulfilments. The shipping table must be installed."""
    rice = stocked_product(20, name="Gạo Vị Thủy", price_vnd=100_000)
    honey_maker = ProducerFactory(name="HTX Mật ong U Minh")
    honey = stocked_product(20, producer=honey_maker, price_vnd=150_000)
    tea = stocked_product(20, producer=honey_maker, price_vnd=50_000)
    combo = combo_of((honey, 1), (tea, 2))
    db.session.commit()
    return buy({product_key(rice): 2, combo_key(combo): 1}, payment)
