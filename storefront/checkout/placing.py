"""Placing an order: one transaction that re-prices the cart, reserves every unit it needs
and records the order with snapshots of what was bought, then empties the cart and queues
the confirmation mail. Nothing the buyer's browser sent about prices counts: the cart's
lines and the buyer's details are all it reads."""

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from vietnam_provinces import Ward, WardCode

from storefront.accounts.models import User
from storefront.cart.lines import Lines
from storefront.cart.pricing import PricedCart, PricedLine, price_cart
from storefront.cart.problems import problem_text
from storefront.cart.storage import CartStore
from storefront.checkout.details import Checkout
from storefront.checkout.errors import CheckoutError, CheckoutErrorCode
from storefront.checkout.shipping import ShippingQuote, quote_shipping
from storefront.clock import today_in_vietnam
from storefront.combos.models import PackagingItem
from storefront.extensions import db
from storefront.i18n import localized
from storefront.inventory.reservations import Shortfall, reserve
from storefront.mail.outbox import queue_mail
from storefront.money import format_vnd
from storefront.orders.fulfilment import split_into_fulfilments
from storefront.orders.models import (
    LineKind,
    Order,
    OrderEvent,
    OrderLine,
    OrderLineComponent,
    OrderStatus,
    PaymentMethod,
)
from storefront.payments.bank_transfer import BankAccount, transfer_for
from storefront.payments.card_checkout import card_order_due
from storefront.wholesale.credit import lock_shop, owed_vnd
from storefront.wholesale.models import Shop
from storefront.wholesale.price_list import RETAIL, PriceList


@dataclass(frozen=True)
class CheckoutRules:
    free_shipping_above_vnd: int | None
    cod_limit_vnd: int | None
    transfer_hold: timedelta  # how long an unpaid bank-transfer order keeps its stock
    bank: BankAccount

    @classmethod
    def from_config(cls, config: Mapping) -> "CheckoutRules":
        return cls(
            free_shipping_above_vnd=config["FREE_SHIPPING_ABOVE_VND"],
            cod_limit_vnd=config["COD_LIMIT_VND"],
            transfer_hold=timedelta(hours=config["BANK_TRANSFER_HOLD_HOURS"]),
            bank=BankAccount.from_config(config),
        )


@dataclass(frozen=True)
class Review:
    """What the buyer confirms: the priced cart, shipping and the total."""

    cart: PricedCart
    shipping: ShippingQuote

    @property
    def total_vnd(self) -> int:
        return self.cart.subtotal_vnd + self.shipping.fee_vnd


def review_order(
    lines: Lines,
    details: Checkout,
    *,
    rules: CheckoutRules,
    today: date,
    prices: PriceList = RETAIL,
) -> Review:
    """Price the cart (at the buyer's prices) and its shipping as they are now, and check
    everything placing checks before stock: raises CheckoutError or ShippingError saying
    what to change. An order on invoice is weighed against the shop's credit limit here
    as it stands now; placing weighs it again under a lock."""
    priced = price_cart(lines, today=today, prices=prices)
    if not priced.lines:
        raise CheckoutError(CheckoutErrorCode.EMPTY_CART)
    if len(priced.lines) < len(lines) or priced.problems:
        first = priced.problems[0] if priced.problems else None
        said = f"{localized(first.item, 'name')}: {problem_text(first)}" if first else ""
        raise CheckoutError(CheckoutErrorCode.CART_CHANGED, problem=said)
    delivery = details.delivery
    ward = (
        Ward.from_code(WardCode(delivery.ward_code)) if delivery.ward_code in _WARD_CODES else None
    )
    if ward is None or ward.province_code.value != delivery.province_code:
        raise CheckoutError(CheckoutErrorCode.UNKNOWN_WARD)
    shipping = quote_shipping(
        delivery.province_code,
        weight_grams=priced.weight_grams,
        subtotal_vnd=priced.subtotal_vnd,
        free_above_vnd=rules.free_shipping_above_vnd,
        today=today,
    )
    review = Review(priced, shipping)
    if (
        details.payment is PaymentMethod.COD
        and rules.cod_limit_vnd is not None
        and review.total_vnd > rules.cod_limit_vnd
    ):
        raise CheckoutError(CheckoutErrorCode.COD_LIMIT, limit=format_vnd(rules.cod_limit_vnd))
    wanted = details.gift.deliver_on
    if wanted is not None and wanted < shipping.earliest_delivery:
        raise CheckoutError(
            CheckoutErrorCode.DELIVERY_DATE_TOO_EARLY, date=shipping.earliest_delivery.isoformat()
        )
    if details.payment is PaymentMethod.INVOICE:
        shop = prices.shop
        if shop is None or not shop.buys_on_invoice:
            raise CheckoutError(CheckoutErrorCode.NO_INVOICE_TERMS)
        _check_credit(shop.credit_limit_vnd or 0, owed_vnd(shop.id), review.total_vnd)
    return review


def _check_credit(limit_vnd: int, owed: int, total_vnd: int) -> None:
    """`owed` is what the shop owes before this order."""
    if owed + total_vnd > limit_vnd:
        raise CheckoutError(
            CheckoutErrorCode.CREDIT_LIMIT,
            total=format_vnd(total_vnd),
            after=format_vnd(owed + total_vnd),
            limit=format_vnd(limit_vnd),
            owed=format_vnd(owed),
        )


_WARD_CODES = frozenset(ward.code.value for ward in Ward.iter_all())


def place_order(
    lines: Lines,
    details: Checkout,
    *,
    buyer: User | None,
    cart: CartStore,
    locale: str,
    rules: CheckoutRules,
    now: datetime,
    prices: PriceList = RETAIL,
    on_placed: Callable[[Order], None] | None = None,
) -> Order:
    """Place the order in one transaction and commit it; the cart is emptied.

    `prices` is the buyer's price list: a shop's order is priced on its tiers (or a
    quote's prices), carries its VAT details and may be paid on invoice within its credit
    limit. `on_placed` is called with the order before the commit, in the same
    transaction (an accepted quote records its order so).

    Raises CheckoutError (nothing ordered, nothing changed) when the cart changed, a unit
    is short, the details break a rule, or an invoice would pass the shop's credit limit;
    ShippingError when shipping is impossible.
    """
    today = today_in_vietnam(now)
    review = review_order(lines, details, rules=rules, today=today, prices=prices)
    order = _new_order(
        review,
        details,
        buyer=buyer,
        shop=prices.shop,
        locale=locale,
        rules=rules,
        now=now,
        today=today,
    )
    if order.payment_method is PaymentMethod.INVOICE:
        shop = lock_shop(order.shop_id)  # type: ignore[arg-type]
        try:
            _check_credit(
                shop.credit_limit_vnd or 0, owed_vnd(shop.id) - order.total_vnd, order.total_vnd
            )
        except CheckoutError:
            db.session.rollback()
            raise
    try:
        reserve(
            order.id,
            products=review.cart.product_needs(),
            packaging=review.cart.packaging_needs(),
        )
    except Shortfall as short:
        refusal = _refusal(review.cart, short)
        db.session.rollback()
        raise refusal from short
    for position, line in enumerate(review.cart.lines):
        order.lines.append(_snapshot(line, position))
    split_into_fulfilments(order)
    cart.clear()
    if on_placed is not None:
        on_placed(order)
    if details.payment is not PaymentMethod.CARD:  # a card order is confirmed once paid
        bank = (
            transfer_for(order, rules.bank)
            if details.payment in (PaymentMethod.BANK_TRANSFER, PaymentMethod.INVOICE)
            else None
        )
        queue_mail(
            to=order.email, template="order_placed", locale=locale, order=order, transfer=bank
        )
    db.session.commit()
    return order


def _refusal(cart: PricedCart, short: Shortfall) -> CheckoutError:
    """What the buyer is told: the cart line that cannot be had (a combo, not its part),
    and how many are left when it is the line's own product and some are."""

    def takes(line: PricedLine) -> bool:
        if isinstance(short.item, PackagingItem):
            return short.item in (line.packaging, line.wrap)
        return any(part.product.id == short.item.id for part in line.parts)

    line = next((line for line in cart.lines if takes(line)), None)
    item = line.item if line is not None else short.item
    if line is not None and line.product is short.item and short.available > 0:
        return CheckoutError(
            CheckoutErrorCode.OUT_OF_STOCK, item=localized(item, "name"), available=short.available
        )
    return CheckoutError(CheckoutErrorCode.SOLD_OUT, item=localized(item, "name"))


def _new_order(
    review: Review,
    details: Checkout,
    *,
    buyer: User | None,
    shop: Shop | None,
    locale: str,
    rules: CheckoutRules,
    now: datetime,
    today: date,
) -> Order:
    """The order row, flushed, with its number; the first write of the transaction."""
    due = {
        PaymentMethod.BANK_TRANSFER: now + rules.transfer_hold,
        PaymentMethod.CARD: card_order_due(now),
    }.get(details.payment)
    status = OrderStatus.CONFIRMED if due is None else OrderStatus.AWAITING_PAYMENT
    if details.payment is PaymentMethod.INVOICE and shop is not None:
        # The goods go now; the invoice is due after the shop's terms.
        due = now + timedelta(days=shop.payment_terms_days or 0)
    contact, delivery, gift, invoice = (
        details.contact,
        details.delivery,
        details.gift,
        details.invoice,
    )
    order = Order(
        access_key=secrets.token_urlsafe(32),
        user_id=buyer.id if buyer else None,
        locale=locale,
        email=contact.email.strip().lower(),
        buyer_name=contact.name.strip(),
        buyer_phone=contact.phone,
        recipient_name=delivery.recipient_name.strip(),
        recipient_phone=delivery.recipient_phone,
        province_code=delivery.province_code,
        ward_code=delivery.ward_code,
        street=delivery.street.strip(),
        gift_message=gift.message.strip() or None,
        hide_prices=gift.hide_prices,
        preferred_delivery_on=gift.deliver_on,
        payment_method=details.payment,
        status=status,
        subtotal_vnd=review.cart.subtotal_vnd,
        shipping_vnd=review.shipping.fee_vnd,
        total_vnd=review.total_vnd,
        weight_grams=review.cart.weight_grams,
        shipping_zone=review.shipping.zone.name,
        placed_at=now,
        payment_due_at=due,
        shop_id=shop.id if shop else None,
        vat_company_name=invoice.company_name if invoice else None,
        vat_tax_code=invoice.tax_code if invoice else None,
        vat_address=invoice.address if invoice else None,
        lines=[],  # known empty: appending the lines then loads nothing
        fulfilments=[],
    )
    db.session.add(order)
    db.session.flush()
    order.number = f"OCOP-{today:%y}-{order.id:06d}"
    db.session.add(
        OrderEvent(
            order_id=order.id,
            from_status=None,
            to_status=status,
            actor_id=order.user_id,
            created_at=now,
        )
    )
    db.session.flush()
    return order


def _snapshot(line: PricedLine, position: int) -> OrderLine:
    item = line.item
    producer = line.producer
    snapshot = OrderLine(
        position=position,
        kind=LineKind.PRODUCT if line.product else LineKind.COMBO,
        product_id=line.product.id if line.product else None,
        combo_id=line.combo.id if line.combo else None,
        name=item.name,
        name_en=item.name_en,
        unit=line.product.unit if line.product else None,
        unit_en=line.product.unit_en if line.product else None,
        producer_id=producer.id,
        producer_name=producer.name,
        item_price_vnd=line.item_price_vnd,
        unit_price_vnd=line.unit_price_vnd,
        quantity=line.quantity,
        total_vnd=line.total_vnd,
        components=[],  # known empty until filled below: reading them loads nothing
    )
    for field, chosen in (("packaging", line.packaging), ("wrap", line.wrap)):
        if chosen is not None:
            setattr(snapshot, f"{field}_item_id", chosen.id)
            setattr(snapshot, f"{field}_name", chosen.name)
            setattr(snapshot, f"{field}_name_en", chosen.name_en)
            setattr(snapshot, f"{field}_price_vnd", chosen.price_vnd)
    if line.offer is not None:
        for index, standing in enumerate(line.offer.components):
            product = standing.component.product
            snapshot.components.append(
                OrderLineComponent(
                    position=index,
                    product_id=product.id,
                    name=product.name,
                    name_en=product.name_en,
                    producer_id=product.producer_id,
                    producer_name=product.producer.name,
                    quantity=standing.component.quantity,
                    unit_price_vnd=standing.offer.price_vnd,
                    stars=standing.offer.certificate.stars if standing.offer.certificate else None,
                )
            )
    return snapshot
