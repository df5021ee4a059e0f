"""A shop accepts an answered quote: it becomes an order at the quoted prices, placed by the
checkout's place_order, which reserves the stock then; the quote records its order. An
expired, unanswered, declined or already accepted quote is refused, and a short item
leaves the quote answered with nothing ordered. Two accepts at once make one order
(on a shared SQLite file and on PostgreSQL)."""

import threading
from datetime import timedelta

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from storefront.accounts.models import User
from storefront.cart.storage import AccountCart
from storefront.clock import today_in_vietnam
from storefront.extensions import db
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from storefront.wholesale.models import Quote, QuoteStatus
from tests.shopping import (
    checkout_form,
    ledger_sums,
    now,
    product_key,
    rules,
    stocked_product,
)
from tests.wholesale.quotes import answer_all, ask
from tests.wholesale.shops import approved_shop
from tests.wholesale.test_shop_checkout import VAT

TODAY = today_in_vietnam()


@pytest.fixture
def answered(goods, shop) -> Quote:
    """60 honey at 78.000 ₫ (its tier would be 85.000 ₫) and 20 tea at 55.000 ₫."""
    return answer_all(ask(shop, [(goods.honey, 60), (goods.tea, 20)]), [78_000, 55_000])


def accept(client: FlaskClient, quote: Quote, payment=PaymentMethod.INVOICE, **changes):
    return client.post(
        f"/wholesale/quotes/{quote.number}/accept",
        data=checkout_form(payment) | VAT | changes,
    )


def orders() -> list[Order]:
    db.session.expire_all()
    return list(db.session.scalars(select(Order)))


def fresh(record):
    db.session.expire_all()
    return db.session.get(type(record), record.id)


def test_accepting_makes_an_order_at_the_quoted_prices_and_reserves_the_stock(
    client, owner, goods, shop, answered
):
    cart = AccountCart(owner.id)
    cart.put(product_key(goods.tea), 3)  # the shop's own cart is another matter
    db.session.commit()

    response = accept(client, answered)

    [order] = orders()
    assert response.status_code == 302
    assert f"/orders/{order.number}" in response.location and "key=" in response.location
    assert [(line.product_id, line.quantity, line.unit_price_vnd) for line in order.lines] == [
        (goods.honey.id, 60, 78_000),
        (goods.tea.id, 20, 55_000),
    ]
    assert order.subtotal_vnd == 60 * 78_000 + 20 * 55_000
    assert (order.shop_id, order.user_id) == (shop.id, owner.id)
    assert order.payment_method is PaymentMethod.INVOICE
    assert order.status is OrderStatus.CONFIRMED
    assert order.vat_tax_code == VAT["vat_tax_code"]
    assert (fresh(goods.honey).stock, fresh(goods.tea).stock) == (940, 480)
    assert ledger_sums()[goods.honey.id] == 940
    quote = fresh(answered)
    assert quote.status is QuoteStatus.ACCEPTED
    assert quote.order_id == order.id and quote.decided_at is not None
    assert AccountCart(owner.id).lines() == {product_key(goods.tea): 3}
    page = client.get(f"/wholesale/quotes/{quote.number}").text
    assert f"it became the order {order.number}" in page


def test_the_accept_form_starts_with_the_shops_details_and_the_quoted_lines(
    client, owner, shop, answered
):
    page = client.get(f"/wholesale/quotes/{answered.number}/accept")

    assert page.status_code == 200
    assert f'value="{shop.name}"' in page.text and f'value="{shop.tax_code}"' in page.text
    assert f'value="{owner.email}"' in page.text
    assert 'value="5 Hai Bà Trưng"' in page.text
    assert "78.000" in page.text and "55.000" in page.text
    assert "5.780.000" in page.text  # 60 × 78.000 + 20 × 55.000
    assert 'value="invoice"' in page.text and 'value="cod"' not in page.text


def test_bank_transfer_is_offered_as_well_and_awaits_payment(client, owner, answered):
    response = accept(client, answered, PaymentMethod.BANK_TRANSFER)

    assert response.status_code == 302
    [order] = orders()
    assert order.payment_method is PaymentMethod.BANK_TRANSFER
    assert order.status is OrderStatus.AWAITING_PAYMENT


@pytest.mark.parametrize("field", list(VAT))
def test_vat_details_are_required_and_nothing_is_ordered(client, owner, answered, field):
    response = accept(client, answered, **{field: ""})

    assert response.status_code == 400
    assert "field--invalid" in response.text
    assert orders() == []
    assert fresh(answered).status is QuoteStatus.ANSWERED


def test_an_expired_quote_cannot_be_accepted(client, owner, goods, answered):
    answered.valid_until = TODAY - timedelta(days=1)
    db.session.commit()

    shown = client.get(f"/wholesale/quotes/{answered.number}/accept", follow_redirects=True)
    sent = accept(client, answered)

    assert "The prices of this quote held until" in shown.text
    assert sent.status_code == 302 and sent.location.endswith(f"/quotes/{answered.number}")
    assert orders() == []
    assert fresh(goods.honey).stock == 1_000
    assert fresh(answered).status is QuoteStatus.ANSWERED


def test_a_quote_accepted_once_cannot_be_accepted_again(client, owner, goods, answered):
    accept(client, answered).close()

    again = accept(client, answered)

    assert again.status_code == 302
    assert len(orders()) == 1
    assert fresh(goods.honey).stock == 940
    page = client.get(f"/wholesale/quotes/{answered.number}").text
    assert "was accepted, declined or withdrawn" in page


@pytest.mark.parametrize("state", ["requested", "declined", "withdrawn"])
def test_a_quote_not_answered_or_decided_cannot_be_accepted(client, owner, goods, shop, state):
    quote = ask(shop, [(goods.honey, 60)])
    if state != "requested":
        quote.status = QuoteStatus(state)
        db.session.commit()

    response = accept(client, quote)

    assert response.status_code == 302
    assert orders() == []
    assert fresh(quote).status is QuoteStatus(state)


def test_a_short_item_is_refused_with_a_message_and_the_quote_stays_answered(
    client, owner, goods, answered
):
    goods.tea.stock = 5  # 20 were quoted
    db.session.commit()

    response = accept(client, answered)

    assert response.status_code == 302
    page = client.get(f"/wholesale/quotes/{answered.number}").text
    assert "Trà mãng cầu Tân Lập cannot be ordered now (Only 5 left)" in page
    assert orders() == []
    assert fresh(goods.honey).stock == 1_000
    assert fresh(answered).status is QuoteStatus.ANSWERED


def test_an_invoice_over_the_credit_limit_is_refused_with_the_figures(
    client, owner, goods, shop, answered
):
    shop.credit_limit_vnd = 2_000_000
    db.session.commit()

    response = accept(client, answered)

    assert response.status_code == 400
    assert "over its credit limit of 2.000.000" in response.text
    assert orders() == []
    assert fresh(answered).status is QuoteStatus.ANSWERED


# --- Two accepts at once ---


@pytest.mark.parametrize("rounds", range(3))
def test_two_accepts_at_once_make_one_order(shared_app, rounds) -> None:
    from storefront.wholesale.quote_accept import accept_quote
    from storefront.wholesale.quote_errors import QuoteError, QuoteErrorCode
    from tests.shopping import details
    from tests.wholesale.shops import shop_member

    honey = stocked_product(1_000, name="Mật ong U Minh", price_vnd=100_000, weight_grams=100)
    shop = approved_shop(terms_days=30, credit_limit_vnd=50_000_000)
    members = [shop.owner_id, shop_member(shop).id]
    db.session.commit()
    quote_id = answer_all(ask(shop, [(honey, 60)]), [78_000]).id
    barrier, placed, refused, failures = threading.Barrier(2), [], [], []

    def accept_as(user_id: int) -> None:
        with shared_app.app_context():
            try:
                buyer = db.session.get(User, user_id)
                quote = db.session.get(Quote, quote_id)
                _ = [line.product for line in quote.lines], quote.shop  # loaded before the race
                plain = details(PaymentMethod.BANK_TRANSFER)
                from storefront.checkout.details import InvoiceDetails

                invoice = InvoiceDetails(
                    VAT["vat_company_name"], VAT["vat_tax_code"], VAT["vat_address"]
                )
                checkout = type(plain)(
                    plain.contact, plain.delivery, plain.gift, plain.payment, invoice
                )
                db.session.commit()
                barrier.wait(timeout=10)
                order = accept_quote(
                    quote, checkout, user=buyer, locale="en", rules=rules(), now=now()
                )
                placed.append(order.number)
            except QuoteError as error:
                refused.append(error.code)
            except Exception as error:
                failures.append(repr(error))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=accept_as, args=(user_id,)) for user_id in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert failures == []
    assert len(placed) == 1 and refused == [QuoteErrorCode.ALREADY_DECIDED], refused
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Order.id))) == 1
    assert db.session.get(Quote, quote_id).status is QuoteStatus.ACCEPTED
    assert db.session.get(type(honey), honey.id).stock == 1_000 - 60


def test_paying_by_card_sends_the_shop_to_stripe_with_the_quoted_total(
    app, client, owner, answered
):
    from tests.payments.card import stripe_for

    with stripe_for(app) as fake:
        response = accept(client, answered, PaymentMethod.CARD)

        assert response.status_code == 303
        session_id = response.location.rsplit("/", 1)[-1]
        assert session_id in fake.sessions
    [order] = orders()
    assert order.payment_method is PaymentMethod.CARD
    assert order.status is OrderStatus.AWAITING_PAYMENT
    assert order.subtotal_vnd == 60 * 78_000 + 20 * 55_000
    assert fresh(answered).order_id == order.id
