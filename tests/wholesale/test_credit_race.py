"""Two members of one shop placing orders on invoice at the same moment, on a WAL SQLite
file and on PostgreSQL: together they would pass the shop's credit limit, so exactly one
is placed and the other is refused with the figures; nothing of the refused order stays.
(Without the lock on the shop's row, both would read what the shop owed before either and
both would be placed.)"""

import threading

import pytest
from sqlalchemy import func, select

from storefront.extensions import db
from storefront.orders.models import Order, PaymentMethod
from tests.shopping import now, product_key, rules, stocked_product
from tests.wholesale.shops import approved_shop, shop_member, wholesale
from tests.wholesale.test_shop_checkout import VAT


def _invoice_details():
    from storefront.checkout.details import InvoiceDetails
    from tests.shopping import details

    plain = details(PaymentMethod.INVOICE)
    invoice = InvoiceDetails(VAT["vat_company_name"], VAT["vat_tax_code"], VAT["vat_address"])
    return type(plain)(plain.contact, plain.delivery, plain.gift, plain.payment, invoice)


@pytest.mark.parametrize("rounds", range(4))
def test_two_orders_on_invoice_at_once_never_pass_the_credit_limit(shared_app, rounds) -> None:
    from storefront.accounts.models import User
    from storefront.cart.storage import AccountCart
    from storefront.checkout.errors import CheckoutError, CheckoutErrorCode
    from storefront.checkout.placing import place_order
    from storefront.wholesale.price_list import price_list_for

    honey = stocked_product(1_000, name="Mật ong U Minh", price_vnd=100_000, weight_grams=100)
    wholesale(honey, [(100, 80_000)], minimum=10)
    shop = approved_shop(terms_days=30, credit_limit_vnd=20_000_000)
    members = [shop.owner_id, shop_member(shop).id]
    db.session.commit()
    key = product_key(honey)
    barrier, placed, refused, failures = threading.Barrier(2), [], [], []

    def order_as(user_id: int) -> None:
        with shared_app.app_context():
            try:
                buyer = db.session.get(User, user_id)
                cart = AccountCart(user_id)
                cart.put(key, 150)  # 12.000.000 ₫ each: two would owe 24.000.000 ₫
                db.session.commit()
                barrier.wait(timeout=10)
                order = place_order(
                    cart.lines(),
                    _invoice_details(),
                    buyer=buyer,
                    cart=cart,
                    locale="en",
                    rules=rules(),
                    now=now(),
                    prices=price_list_for(buyer),
                )
                placed.append(order.number)
            except CheckoutError as error:
                refused.append((error.code, error.message()))
            except Exception as error:
                failures.append(repr(error))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=order_as, args=(user_id,)) for user_id in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert failures == []
    assert len(placed) == 1, refused
    [(code, message)] = refused
    assert code is CheckoutErrorCode.CREDIT_LIMIT
    assert "20.000.000" in message and "12.000.000" in message
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Order.id))) == 1
    db.session.refresh(honey)
    assert honey.stock == 1_000 - 150
