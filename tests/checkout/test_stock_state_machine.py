"""Stock under any sequence of shopping: hypothesis fills two carts with products and combos,
changes them, places orders, cancels them, pays them and lets unpaid transfers lapse, and
after every step each product's stock is what a simple model says, the ledger adds up to
it, it is never negative, and with what open orders hold it makes the opening stock."""

from collections import Counter
from datetime import timedelta

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from storefront.cart.errors import CartError, CartErrorCode
from storefront.cart.lines import MAX_QUANTITY
from storefront.cart.service import add_to_cart, remove_line, set_quantity
from storefront.cart.storage import SessionCart
from storefront.catalog.models import Product
from storefront.checkout.errors import CheckoutError, CheckoutErrorCode
from storefront.checkout.placing import place_order
from storefront.clock import today_in_vietnam
from storefront.extensions import db
from storefront.inventory.models import StockMovement
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from storefront.orders.service import cancel_order, mark_transfer_received, release_expired
from storefront.orders.status import HOLDS_STOCK, InvalidTransition
from tests.factories import UserFactory
from tests.shopping import (
    combo_key,
    combo_of,
    details,
    ledger_sums,
    now,
    product_key,
    rules,
    shipping_table,
    stocked_product,
    units_held_by_orders,
)

OPENING = (5, 8, 4)  # the products' stock at the start of each example
COMBOS = ({0: 1, 1: 2}, {1: 1, 2: 1})  # product index -> quantity in each combo
ITEMS = ("p0", "p1", "p2", "c0", "c1")
HOLD = timedelta(hours=72)  # BANK_TRANSFER_HOLD_HOURS of the testing config


class Shopping(RuleBasedStateMachine):
    """The database against a model: `stock` and each order's status and needs."""

    orders = Bundle("orders")

    def __init__(self) -> None:
        super().__init__()
        db.session.remove()
        db.drop_all()
        db.create_all()
        shipping_table()
        first = stocked_product(OPENING[0])
        products = [first] + [stocked_product(n, producer=first.producer) for n in OPENING[1:]]
        combos = [combo_of(*((products[i], q) for i, q in parts.items())) for parts in COMBOS]
        db.session.commit()
        self.product_ids = [product.id for product in products]
        self.keys = {f"p{i}": product_key(p) for i, p in enumerate(products)}
        self.keys |= {f"c{i}": combo_key(c) for i, c in enumerate(combos)}
        self.needs_of = {f"p{i}": Counter({pid: 1}) for i, pid in enumerate(self.product_ids)}
        for i, parts in enumerate(COMBOS):
            self.needs_of[f"c{i}"] = Counter({self.product_ids[j]: q for j, q in parts.items()})
        self.opening = dict(zip(self.product_ids, OPENING, strict=True))
        self.stock = dict(self.opening)
        self.carts = [SessionCart({}), SessionCart({})]
        self.status: dict[int, OrderStatus] = {}
        self.payment: dict[int, PaymentMethod] = {}
        self.held: dict[int, Counter[int]] = {}

    # -- the model ---------------------------------------------------------------------

    def _available(self, item: str) -> int:
        """Units of the item a shopper can have now."""
        return min(self.stock[pid] // q for pid, q in self.needs_of[item].items())

    def _needs(self, cart: SessionCart) -> Counter[int]:
        needs: Counter[int] = Counter()
        for key, quantity in cart.lines().items():
            item = next(name for name, k in self.keys.items() if k == key)
            for pid, per_unit in self.needs_of[item].items():
                needs[pid] += per_unit * quantity
        return needs

    def _return(self, order_id: int) -> None:
        for pid, units in self.held[order_id].items():
            self.stock[pid] += units

    # -- the rules ---------------------------------------------------------------------

    @initialize()
    def fill_the_carts(self) -> None:
        """A line in each cart, so that placing has something to place from the start."""
        self.add(0, "p0", 1)
        self.add(1, "c1", 1)

    @rule(cart=st.integers(0, 1), item=st.sampled_from(ITEMS), quantity=st.integers(1, 4))
    def add(self, cart: int, item: str, quantity: int) -> None:
        store, key = self.carts[cart], self.keys[item]
        wanted = store.lines().get(key, 0) + quantity
        try:
            add_to_cart(store, key, quantity, today=today_in_vietnam())
        except CartError as refused:
            available = self._available(item)
            expected = CartErrorCode.SOLD_OUT if available == 0 else CartErrorCode.NOT_ENOUGH_STOCK
            assert refused.code is expected and wanted > available
        else:
            assert wanted <= min(self._available(item), MAX_QUANTITY)
            assert store.lines()[key] == wanted

    @rule(cart=st.integers(0, 1), item=st.sampled_from(ITEMS))
    def remove(self, cart: int, item: str) -> None:
        remove_line(self.carts[cart], self.keys[item])
        assert self.keys[item] not in self.carts[cart].lines()

    @rule(cart=st.integers(0, 1), item=st.sampled_from(ITEMS), quantity=st.integers(0, 6))
    def change_quantity(self, cart: int, item: str, quantity: int) -> None:
        store, key = self.carts[cart], self.keys[item]
        was_there = key in store.lines()
        set_quantity(store, key, quantity)
        assert store.lines().get(key, 0) == (quantity if was_there else 0)

    @precondition(lambda self: any(cart.lines() for cart in self.carts))
    @rule(
        target=orders,
        cart=st.integers(0, 1),
        payment=st.sampled_from([PaymentMethod.COD, PaymentMethod.BANK_TRANSFER]),
    )
    def place(self, cart: int, payment: PaymentMethod):
        store = self.carts[cart]
        lines, needs = store.lines(), self._needs(store)
        enough = all(units <= self.stock[pid] for pid, units in needs.items())
        try:
            order = place_order(
                lines,
                details(payment),
                buyer=None,
                cart=store,
                locale="vi",
                rules=rules(),
                now=now(),
            )
        except CheckoutError as refused:
            assert not lines or not enough, f"refused with enough stock: {refused.message()}"
            assert refused.code in (
                CheckoutErrorCode.EMPTY_CART,
                CheckoutErrorCode.CART_CHANGED,
                CheckoutErrorCode.OUT_OF_STOCK,
            )
            assert store.lines() == lines  # nothing ordered, the cart kept
            return multiple()
        assert lines and enough
        assert store.lines() == {}
        for pid, units in needs.items():
            self.stock[pid] -= units
        self.status[order.id] = order.status
        self.payment[order.id] = payment
        self.held[order.id] = needs
        return order.id

    @rule(order_id=orders)
    def cancel(self, order_id: int) -> None:
        order = db.session.get(Order, order_id)
        cancellable = self.status[order_id] in (
            OrderStatus.AWAITING_PAYMENT,
            OrderStatus.CONFIRMED,
            OrderStatus.PAID,
        )
        try:
            cancel_order(order, actor=None, reason="changed my mind", now=now())
        except InvalidTransition:
            db.session.rollback()
            assert not cancellable
            return
        assert cancellable
        self.status[order_id] = OrderStatus.CANCELLED
        self._return(order_id)

    @precondition(lambda self: self.status)
    @rule(data=st.data())
    def pay(self, data: st.DataObject) -> None:
        """Staff mark a transfer received: half the time for an order awaiting one (when
        there is one), else for any order, which only a bank transfer awaiting it allows."""
        awaiting = sorted(
            order_id
            for order_id, status in self.status.items()
            if status is OrderStatus.AWAITING_PAYMENT
        )
        anyone = st.sampled_from(sorted(self.status))
        order_id = data.draw(st.one_of(st.sampled_from(awaiting), anyone) if awaiting else anyone)
        order = db.session.get(Order, order_id)
        payable = (
            self.payment[order_id] is PaymentMethod.BANK_TRANSFER
            and self.status[order_id] is OrderStatus.AWAITING_PAYMENT
        )
        try:
            mark_transfer_received(order, actor=UserFactory(), now=now())
        except InvalidTransition:
            db.session.rollback()
            assert not payable
            return
        assert payable
        self.status[order_id] = OrderStatus.PAID

    @precondition(lambda self: OrderStatus.AWAITING_PAYMENT in self.status.values())
    @rule(past_the_deadline=st.booleans())
    def expire(self, past_the_deadline: bool) -> None:
        awaiting = {
            i for i, status in self.status.items() if status is OrderStatus.AWAITING_PAYMENT
        }
        lapsed = awaiting if past_the_deadline else set()
        moment = now() + HOLD + timedelta(seconds=1) if past_the_deadline else now()

        cancelled = release_expired(now=moment)

        numbers = dict(db.session.execute(select(Order.number, Order.id)).tuples().all())
        assert {numbers[number] for number in cancelled} == lapsed
        for order_id in lapsed:
            self.status[order_id] = OrderStatus.CANCELLED
            self._return(order_id)

    # -- what always holds -------------------------------------------------------------

    @invariant()
    def stock_is_what_the_model_says_and_the_ledger_adds_up(self) -> None:
        actual = self._stock_in_database()
        assert actual == self.stock
        assert all(units >= 0 for units in actual.values())
        sums = ledger_sums()
        assert actual == {pid: sums[pid] for pid in self.product_ids}

    @invariant()
    def stock_and_what_open_orders_hold_make_the_opening_stock(self) -> None:
        actual = self._stock_in_database()
        held = units_held_by_orders(HOLDS_STOCK)  # paid counts as sold, the rest reserved
        for pid in self.product_ids:
            assert actual[pid] + held[pid] == self.opening[pid]
        statuses = dict(db.session.execute(select(Order.id, Order.status)).tuples().all())
        assert statuses == self.status
        net = Counter()
        for order_id, pid, delta in db.session.execute(
            select(StockMovement.order_id, StockMovement.product_id, StockMovement.delta).where(
                StockMovement.order_id.is_not(None)
            )
        ):
            net[(order_id, pid)] += delta
        for order_id, status in statuses.items():
            for pid in self.product_ids:
                expected = -self.held[order_id][pid] if status in HOLDS_STOCK else 0
                assert net[(order_id, pid)] == expected

    def _stock_in_database(self) -> dict[int, int]:
        rows = db.session.execute(
            select(Product.id, Product.stock).where(Product.id.in_(self.product_ids))
        )
        return dict(rows.tuples().all())


def test_stock_adds_up_whatever_shoppers_and_staff_do(app) -> None:
    # In a request, as the checkout's and the staff pages' views call these functions.
    with app.test_request_context():
        run_state_machine_as_test(
            Shopping,
            settings=settings(
                max_examples=50,
                stateful_step_count=30,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow],
            ),
        )
