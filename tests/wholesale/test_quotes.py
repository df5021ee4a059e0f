"""Quotes for custom souvenir orders: a shop member asks (items by code and quantity,
wishes, a needed-by date), priced on the shop's own tiers; the producers concerned are
mailed their lines only and answer them; staff may answer any line; when every line has a
price the quote is answered and holds until the earliest line's date. Nobody but the shop,
the producers concerned (their lines only) and staff sees a quote. Through the real pages."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from storefront.accounts.models import Role, User
from storefront.catalog.models import ProductStatus
from storefront.clock import today_in_vietnam, utcnow
from storefront.extensions import db
from storefront.mail.models import OutboxMessage
from storefront.producers.models import Producer
from storefront.wholesale.models import Quote, QuoteLine, QuoteStatus
from storefront.wholesale.quote_errors import QuoteError, QuoteErrorCode
from storefront.wholesale.quotes import Answer, answer_lines, expired
from storefront.wholesale.skus import sku_of
from tests.factories import UserFactory
from tests.shopping import stocked_product
from tests.wholesale.quotes import answer_all, ask
from tests.wholesale.shops import approved_shop, shop_member

TODAY = today_in_vietnam()


@pytest.fixture
def signed_in(app: Flask, login_as: Callable[..., User]) -> Callable[[User], FlaskClient]:
    """`signed_in(user)`: a browser of its own, in English, signed in as `user`."""

    def open_as(user: User) -> FlaskClient:
        browser = app.test_client()
        browser.set_cookie("lang", "en")
        login_as(user, client=browser)
        return browser

    return open_as


def member_of(producer: Producer) -> User:
    user = UserFactory(role=Role.PRODUCER, producer_id=producer.id)
    db.session.commit()
    return user


def request_form(rows: list[tuple[str, object]], **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "wishes": "Logo khách sạn in trên hộp; thiệp cảm ơn tiếng Anh.",
        "needed_by": (TODAY + timedelta(days=30)).isoformat(),
    }
    for index, (sku, quantity) in enumerate(rows):
        data[f"rows-{index}-sku"] = sku
        data[f"rows-{index}-quantity"] = str(quantity)
    return data | changes


def answer_form(*rows: tuple[object, object, str]) -> dict[str, object]:
    data: dict[str, object] = {}
    for index, (price, until, note) in enumerate(rows):
        data[f"rows-{index}-unit_price"] = str(price)
        data[f"rows-{index}-valid_until"] = str(until)
        data[f"rows-{index}-note"] = note
    return data


def all_quotes() -> list[Quote]:
    return list(db.session.scalars(select(Quote).execution_options(populate_existing=True)))


def fresh(quote: Quote) -> Quote:
    db.session.expire_all()
    return db.session.get(Quote, quote.id)  # type: ignore[return-value]


# --- Asking ---


def test_a_shop_member_asks_for_a_quote_priced_on_the_shops_tiers(client, owner, goods, shop):
    response = client.post(
        "/wholesale/quotes/new",
        data=request_form([(sku_of(goods.honey), 60), (sku_of(goods.tea).lower(), 20)]),
    )

    [quote] = all_quotes()
    assert response.status_code == 302
    assert response.location.endswith(f"/wholesale/quotes/{quote.number}")
    assert quote.number == f"Q-{TODAY:%y}-{quote.id:06d}"
    assert (quote.shop_id, quote.requested_by_id) == (shop.id, owner.id)
    assert quote.status is QuoteStatus.REQUESTED
    assert quote.needed_by == TODAY + timedelta(days=30)
    assert quote.wishes.startswith("Logo khách sạn")
    # The list price is the shop's tier price for the quantity (60 honey: 85.000 ₫), from
    # the pricing the cart uses; tea has no tiers: retail.
    assert [
        (line.product_id, line.quantity, line.list_price_vnd, line.producer_id)
        for line in quote.lines
    ] == [
        (goods.honey.id, 60, 85_000, goods.honey.producer_id),
        (goods.tea.id, 20, 60_000, goods.tea.producer_id),
    ]
    assert all(line.unit_price_vnd is None for line in quote.lines)
    page = client.get(f"/wholesale/quotes/{quote.number}").text
    assert "Waiting for prices" in page and "85.000" in page and "Mật ong U Minh" in page


def test_each_producer_concerned_is_mailed_its_own_lines_only(client, owner, goods):
    honey_member, tea_member = member_of(goods.honey.producer), member_of(goods.tea.producer)

    client.post(
        "/wholesale/quotes/new",
        data=request_form([(sku_of(goods.honey), 60), (sku_of(goods.tea), 20)]),
    ).close()

    mails = {
        mail.recipient: mail
        for mail in db.session.scalars(
            select(OutboxMessage).where(OutboxMessage.template == "quote_requested")
        )
    }
    assert set(mails) == {honey_member.email, tea_member.email}
    honey_mail = mails[honey_member.email].text_body
    assert "60 × Mật ong U Minh" in honey_mail and "Trà mãng cầu" not in honey_mail
    assert "Logo khách sạn" in honey_mail
    assert "/producer/quotes/Q-" in honey_mail
    assert "Mật ong" not in mails[tea_member.email].text_body


@pytest.mark.parametrize(
    ("rows", "changes", "message"),
    [
        ([], {}, "Add at least one item: its code and how many you need."),
        ([("P99999", 5)], {}, "There is no product or combo P99999."),
        ([("X12", 5)], {}, "Enter an item code as on its page, such as P00012 or C00003."),
        ([("{honey}", 0)], {}, "Enter a whole number from 1 to 9999."),
        ([("{honey}", -5)], {}, "Enter a whole number from 1 to 9999."),
        ([("{honey}", 10_000)], {}, "Enter a whole number from 1 to 9999."),
        ([("{honey}", "a dozen")], {}, "Enter a whole number from 1 to 9999."),
        ([("{honey}", "")], {}, "Enter a whole number from 1 to 9999."),
        ([("{honey}", 5), ("{honey}", 7)], {}, "is listed twice"),
        (
            [("{honey}", 50)],
            {"needed_by": (TODAY - timedelta(days=1)).isoformat()},
            "Choose a needed-by date that has not passed.",
        ),
        ([("{honey}", 50)], {"needed_by": ""}, "Choose the day you need the goods by."),
        ([("{honey}", 50)], {"wishes": "x" * 2001}, "Write at most 2000 characters."),
    ],
)
def test_a_bad_request_is_refused_with_its_message_and_nothing_is_recorded(
    client, owner, goods, rows, changes, message
):
    filled = [(sku.format(honey=sku_of(goods.honey)), quantity) for sku, quantity in rows]

    response = client.post("/wholesale/quotes/new", data=request_form(filled, **changes))

    assert response.status_code == 400
    assert message in response.text
    assert all_quotes() == []
    assert db.session.scalar(select(func.count(OutboxMessage.id))) == 0


def test_an_item_not_for_sale_cannot_be_quoted(client, owner, goods):
    goods.tea.status = ProductStatus.ARCHIVED
    db.session.commit()

    response = client.post(
        "/wholesale/quotes/new",
        data=request_form([(sku_of(goods.honey), 60), (sku_of(goods.tea), 20)]),
    )

    assert response.status_code == 400
    assert f"{sku_of(goods.tea)} (Trà mãng cầu Tân Lập) cannot be bought now" in response.text
    assert all_quotes() == []


def test_more_than_in_stock_or_below_the_minimum_may_still_be_asked_for(client, owner, goods):
    """A quote is about a later date and an agreed quantity: the producer decides."""
    response = client.post(
        "/wholesale/quotes/new",
        data=request_form([(sku_of(goods.honey), 5), (sku_of(goods.tea), 900)]),
    )

    assert response.status_code == 302
    [quote] = all_quotes()
    assert [line.quantity for line in quote.lines] == [5, 900]
    assert quote.lines[0].list_price_vnd == 100_000  # under every tier: retail


def test_more_rows_shows_five_more_and_keeps_what_was_typed(client, owner, goods):
    data = request_form([(sku_of(goods.honey), 60)], more="More rows")

    page = client.post("/wholesale/quotes/new", data=data)

    assert page.status_code == 200
    assert 'name="rows-9-sku"' in page.text and 'name="rows-10-sku"' not in page.text
    assert f'value="{sku_of(goods.honey)}"' in page.text
    assert all_quotes() == []


def test_the_shops_members_see_every_quote_of_their_shop(client, owner, goods, shop, signed_in):
    quote = ask(shop, [(goods.honey, 60)])
    colleague = signed_in(shop_member(shop))
    db.session.commit()

    listing = colleague.get("/wholesale/quotes")

    assert listing.status_code == 200 and quote.number in listing.text
    assert colleague.get(f"/wholesale/quotes/{quote.number}").status_code == 200


# --- Who sees a quote ---


def test_a_producer_sees_only_quotes_with_its_lines_and_only_its_lines(
    owner, goods, shop, signed_in
):
    quote = ask(shop, [(goods.honey, 60), (goods.tea, 20)])
    honey_maker = signed_in(member_of(goods.honey.producer))
    stranger = signed_in(member_of(stocked_product(5).producer))

    listing = honey_maker.get("/producer/quotes").text
    page = honey_maker.get(f"/producer/quotes/{quote.number}")

    assert quote.number in listing and "Waiting for your prices" in listing
    assert page.status_code == 200
    assert shop.name in page.text and "Logo của khách sạn trên hộp." in page.text
    assert "Mật ong U Minh" in page.text
    assert "Trà mãng cầu" not in page.text and "Trà mãng cầu" not in listing
    assert 'name="rows-1-unit_price"' not in page.text  # one row: its own line
    # A producer with no line in the quote: it does not exist.
    assert quote.number not in stranger.get("/producer/quotes").text
    assert stranger.get(f"/producer/quotes/{quote.number}").status_code == 404
    assert stranger.post(f"/producer/quotes/{quote.number}", data=answer_form()).status_code == 404


SHOP_ROUTES = [
    ("GET", "/wholesale/quotes/{number}"),
    ("POST", "/wholesale/quotes/{number}/decline"),
    ("POST", "/wholesale/quotes/{number}/withdraw"),
    ("GET", "/wholesale/quotes/{number}/accept"),
    ("POST", "/wholesale/quotes/{number}/accept"),
]


@pytest.mark.parametrize(("method", "url"), SHOP_ROUTES)
def test_another_shop_finds_no_such_quote_and_nothing_changes(goods, shop, signed_in, method, url):
    quote = ask(shop, [(goods.honey, 60)])
    other_shop = approved_shop(name="Khách sạn Sông Hậu")
    db.session.commit()
    other = signed_in(db.session.get(User, other_shop.owner_id))

    response = other.open(url.format(number=quote.number), method=method, data={})

    assert response.status_code == 404
    assert quote.number not in other.get("/wholesale/quotes").text
    assert fresh(quote).status is QuoteStatus.REQUESTED


@pytest.mark.parametrize(("method", "url"), [*SHOP_ROUTES, ("GET", "/wholesale/quotes")])
def test_a_retail_user_and_a_producer_are_refused_the_shop_pages(
    goods, shop, signed_in, method, url
):
    quote = ask(shop, [(goods.honey, 60)])
    for user in (UserFactory(), member_of(goods.honey.producer)):
        db.session.commit()
        response = signed_in(user).open(url.format(number=quote.number), method=method, data={})
        assert response.status_code == 403
    assert fresh(quote).status is QuoteStatus.REQUESTED


@pytest.mark.parametrize(
    ("method", "url"),
    [
        *SHOP_ROUTES,
        ("GET", "/wholesale/quotes"),
        ("GET", "/wholesale/quotes/new"),
        ("GET", "/producer/quotes"),
        ("GET", "/producer/quotes/{number}"),
        ("POST", "/producer/quotes/{number}"),
        ("GET", "/staff/quotes"),
        ("GET", "/staff/quotes/{number}"),
        ("POST", "/staff/quotes/{number}"),
    ],
)
def test_an_anonymous_visitor_is_sent_to_sign_in_and_nothing_changes(app, goods, shop, method, url):
    quote = ask(shop, [(goods.honey, 60)])
    visitor = app.test_client()

    response = visitor.open(url.format(number=quote.number), method=method, data={})

    assert response.status_code == 302 and "/account/sign-in" in response.location
    assert fresh(quote).status is QuoteStatus.REQUESTED


@pytest.mark.parametrize("url", ["/staff/quotes", "/staff/quotes/{number}"])
def test_only_staff_open_the_staff_pages(goods, shop, signed_in, url):
    quote = ask(shop, [(goods.honey, 60)])
    shop_owner = db.session.get(User, shop.owner_id)
    for user in (UserFactory(), member_of(goods.honey.producer), shop_owner):
        db.session.commit()
        assert signed_in(user).get(url.format(number=quote.number)).status_code == 403


# --- Answering ---


def test_when_every_producer_has_answered_the_quote_holds_until_the_earliest_date(
    owner, goods, shop, signed_in
):
    quote = ask(shop, [(goods.honey, 60), (goods.tea, 20)])
    honey_maker = member_of(goods.honey.producer)
    tea_maker = member_of(goods.tea.producer)
    early, late = TODAY + timedelta(days=10), TODAY + timedelta(days=40)

    first = signed_in(honey_maker).post(
        f"/producer/quotes/{quote.number}", data=answer_form((82_000, late, "In logo: +2 ngày"))
    )

    assert first.status_code == 302
    quote = fresh(quote)
    assert quote.status is QuoteStatus.REQUESTED
    honey_line, tea_line = quote.lines
    assert (honey_line.unit_price_vnd, honey_line.valid_until) == (82_000, late)
    assert (honey_line.answer_note, honey_line.answered_by_id) == (
        "In logo: +2 ngày",
        honey_maker.id,
    )
    assert tea_line.unit_price_vnd is None
    assert (
        db.session.scalar(
            select(func.count(OutboxMessage.id)).where(OutboxMessage.template == "quote_answered")
        )
        == 0
    )

    second = signed_in(tea_maker).post(
        f"/producer/quotes/{quote.number}", data=answer_form(("55.000", early, ""))
    )

    assert second.status_code == 302
    quote = fresh(quote)
    assert quote.status is QuoteStatus.ANSWERED
    assert quote.valid_until == early
    assert quote.answered_at is not None
    assert quote.lines[1].unit_price_vnd == 55_000
    [mail] = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.template == "quote_answered")
    )
    assert mail.recipient == owner.email
    assert "82.000" in mail.text_body and "55.000" in mail.text_body
    page = signed_in(owner).get(f"/wholesale/quotes/{quote.number}").text
    assert "Accept and order" in page and "Decline" in page
    assert "6.020.000" in page  # 60 × 82.000 + 20 × 55.000


def test_the_producers_form_suggests_the_shops_list_price(goods, shop, signed_in):
    quote = ask(shop, [(goods.honey, 60)])

    page = signed_in(member_of(goods.honey.producer)).get(f"/producer/quotes/{quote.number}")

    assert 'name="rows-0-unit_price" type="text" value="85000"' in page.text


@pytest.mark.parametrize(
    ("price", "until", "message"),
    [
        ("0", TODAY + timedelta(days=5), "Enter the unit price in whole đồng, from 1 to"),
        ("-3", TODAY + timedelta(days=5), "Enter the unit price in whole đồng, from 1 to"),
        ("lots", TODAY + timedelta(days=5), "Enter the unit price in whole đồng, from 1 to"),
        ("80000", "", "Choose the last day the price holds."),
        ("80000", TODAY - timedelta(days=1), "Choose a day from today to"),
        ("80000", TODAY + timedelta(days=91), "Choose a day from today to"),
        ("", TODAY + timedelta(days=5), "Give a unit price for at least one line."),
    ],
)
def test_a_bad_answer_is_refused_and_nothing_changes(goods, shop, signed_in, price, until, message):
    quote = ask(shop, [(goods.honey, 60)])
    maker = signed_in(member_of(goods.honey.producer))

    response = maker.post(f"/producer/quotes/{quote.number}", data=answer_form((price, until, "")))

    assert response.status_code == 400
    assert message in response.text
    assert fresh(quote).lines[0].unit_price_vnd is None


def test_a_producer_cannot_answer_another_producers_line(goods, shop):
    quote = ask(shop, [(goods.honey, 60), (goods.tea, 20)])
    honey_maker = member_of(goods.honey.producer)
    tea_line = quote.lines[1]

    with pytest.raises(QuoteError) as refused:
        answer_lines(
            quote,
            user=honey_maker,
            answers={tea_line.id: Answer(50_000, TODAY + timedelta(days=5))},
            today=TODAY,
            now=utcnow(),
        )

    assert refused.value.code is QuoteErrorCode.NOT_ALLOWED
    assert fresh(quote).lines[1].unit_price_vnd is None


def test_staff_answer_any_line(goods, shop, signed_in):
    quote = ask(shop, [(goods.honey, 60), (goods.tea, 20)])
    staff = signed_in(UserFactory(role=Role.STAFF))
    until = TODAY + timedelta(days=20)

    listing = staff.get("/staff/quotes?status=requested").text
    response = staff.post(
        f"/staff/quotes/{quote.number}",
        data=answer_form((84_000, until, ""), (58_000, until, "")),
    )

    assert quote.number in listing and shop.name in listing
    assert response.status_code == 302
    quote = fresh(quote)
    assert quote.status is QuoteStatus.ANSWERED
    assert [line.unit_price_vnd for line in quote.lines] == [84_000, 58_000]
    assert staff.get("/staff/quotes?status=answered").text.count(quote.number) >= 1
    assert quote.number not in staff.get("/staff/quotes?status=requested").text


def test_an_answered_quote_takes_no_more_answers(goods, shop, signed_in):
    quote = answer_all(ask(shop, [(goods.honey, 60)]), [80_000])
    maker = signed_in(member_of(goods.honey.producer))

    response = maker.post(
        f"/producer/quotes/{quote.number}",
        data=answer_form((1_000, TODAY + timedelta(days=5), "")),
    )

    assert response.status_code == 400
    assert fresh(quote).lines[0].unit_price_vnd == 80_000


# --- The shop decides ---


def test_the_shop_declines_an_answered_quote(client, owner, goods, shop):
    quote = answer_all(ask(shop, [(goods.honey, 60)]), [80_000])

    response = client.post(f"/wholesale/quotes/{quote.number}/decline")

    assert response.status_code == 302
    quote = fresh(quote)
    assert quote.status is QuoteStatus.DECLINED and quote.decided_at is not None
    assert "You declined this quote" in client.get(f"/wholesale/quotes/{quote.number}").text


def test_the_shop_withdraws_a_request_before_it_is_answered_but_not_after(
    client, owner, goods, shop
):
    open_one = ask(shop, [(goods.honey, 60)])
    answered = answer_all(ask(shop, [(goods.tea, 20)]), [50_000])

    client.post(f"/wholesale/quotes/{open_one.number}/withdraw").close()
    refused = client.post(f"/wholesale/quotes/{answered.number}/withdraw", follow_redirects=True)

    assert fresh(open_one).status is QuoteStatus.WITHDRAWN
    assert fresh(answered).status is QuoteStatus.ANSWERED
    assert "no longer waiting for prices" in refused.text


def test_a_quote_past_its_date_is_expired_and_shows_so(client, owner, goods, shop):
    quote = answer_all(ask(shop, [(goods.honey, 60)]), [80_000], days=[0])
    assert not expired(quote, TODAY)
    assert expired(quote, TODAY + timedelta(days=1))
    quote.valid_until = TODAY - timedelta(days=1)
    db.session.commit()

    page = client.get(f"/wholesale/quotes/{quote.number}").text

    assert "Expired" in page and "can no longer be accepted" in page
    assert "Accept and order" not in page
    listing = client.get("/wholesale/quotes").text
    assert "Expired" in listing


def test_a_quote_line_records_who_must_answer_it(goods, shop):
    quote = ask(shop, [(goods.tea, 20)])
    [line] = db.session.scalars(select(QuoteLine).where(QuoteLine.quote_id == quote.id))
    assert line.producer_id == goods.tea.producer_id


def test_an_answer_that_lapsed_meanwhile_does_not_complete_the_quote(goods, shop):
    quote = ask(shop, [(goods.honey, 60), (goods.tea, 20)])
    honey_line, tea_line = quote.lines
    honey_line.unit_price_vnd, honey_line.valid_until = 80_000, TODAY - timedelta(days=1)
    db.session.commit()

    answer_lines(
        quote,
        user=member_of(goods.tea.producer),
        answers={tea_line.id: Answer(50_000, TODAY + timedelta(days=5))},
        today=TODAY,
        now=utcnow(),
    )

    assert fresh(quote).status is QuoteStatus.REQUESTED


def test_a_combo_is_quoted_for_its_owner_and_one_sold_in_a_choice_of_packaging_is_not(
    client, owner, goods
):
    from storefront.combos.models import ComboPackaging
    from tests.factories import PackagingFactory
    from tests.shopping import combo_of

    plain = combo_of((goods.honey, 1), (stocked_product(100, producer=goods.honey.producer), 1))
    boxed = combo_of((goods.tea, 2))
    boxed.packaging.append(ComboPackaging(item=PackagingFactory(producer=boxed.owner), position=0))
    db.session.commit()

    refused = client.post("/wholesale/quotes/new", data=request_form([(sku_of(boxed), 30)]))
    asked = client.post("/wholesale/quotes/new", data=request_form([(sku_of(plain), 30)]))

    assert refused.status_code == 400
    assert "is sold in a choice of packaging and cannot be quoted as it is" in refused.text
    assert asked.status_code == 302
    [quote] = all_quotes()
    [line] = quote.lines
    assert (line.combo_id, line.producer_id) == (plain.id, goods.honey.producer_id)


@pytest.mark.parametrize(
    ("quantity", "listed"),
    [(49, 100_000), (50, 85_000), (51, 85_000), (99, 85_000), (100, 80_000), (101, 80_000)],
)
def test_a_quotes_list_price_is_the_shops_tier_price_at_each_boundary(
    goods, shop, quantity, listed
):
    """The same function the cart, checkout and API price with (catalog.pricing)."""
    quote = ask(shop, [(goods.honey, quantity)])
    assert quote.lines[0].list_price_vnd == listed
