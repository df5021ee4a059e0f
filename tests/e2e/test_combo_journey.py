"""A gift combo's road into the shop, in a real browser: a producer builds it from its own
product and a partner's, the partner accepts, the producer publishes it, and a visitor
finds it by searching without accents and reads its story."""

from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from storefront.accounts.models import Role, User
from storefront.accounts.passwords import hash_password

pytestmark = pytest.mark.e2e

PASSWORD = "một mật khẩu đủ dài 2026"
COMBO = "Quà sông nước Ngã Bảy"
STORY = "Chiếc ghe chở đầy khóm và gạo thơm về chợ nổi lúc bình minh."


@dataclass(frozen=True)
class Partners:
    owner_email: str
    partner_email: str
    own_product: tuple[int, str]  # id, name
    partner_product: tuple[int, str]


@pytest.fixture(scope="module")
def partners(live_server) -> Partners:
    """Members for two demo producers with listed products: the owner and a partner."""
    from storefront import create_app
    from storefront.catalog.certification import listed_products
    from storefront.catalog.models import Product
    from storefront.clock import today_in_vietnam
    from storefront.extensions import db

    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": live_server.database_url})
    with app.app_context():
        products = db.session.scalars(
            listed_products(today_in_vietnam())
            .where(Product.stock >= 10)
            .order_by(Product.id)
            .with_only_columns(Product)
        ).all()
        own = products[0]
        theirs = next(p for p in products if p.producer_id != own.producer_id)
        users = [
            User(
                email=email,
                name=name,
                role=Role.PRODUCER,
                producer_id=producer_id,
                locale="vi",
                password_hash=hash_password(PASSWORD),
            )
            for email, name, producer_id in (
                ("chu-combo@example.vn", "Lê Thị Combo", own.producer_id),
                ("doi-tac@example.vn", "Phạm Văn Đối Tác", theirs.producer_id),
            )
        ]
        db.session.add_all(users)
        db.session.commit()
        assert db.session.scalars(select(User).where(User.email == users[0].email)).one()
        return Partners(
            users[0].email, users[1].email, (own.id, own.name), (theirs.id, theirs.name)
        )


def _signed_in(browser: Browser, live_server, email: str) -> Page:
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    page = context.new_page()
    page.goto("/account/sign-in")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).not_to_have_url("**/account/sign-in**")
    return page


def _combo_row(portal: Page):
    return portal.locator(".combo-rows > li").filter(
        has=portal.get_by_role("heading", name=COMBO, exact=True)
    )


def _add_product(builder: Page, product: tuple[int, str]) -> None:
    product_id, name = product
    builder.fill("#combo-builder input[name=q]", name)
    builder.locator("button[name=action][value=search]").click()
    builder.locator(f"button[name=action][value=add-{product_id}]").click()
    expect(builder.locator("#components")).to_contain_text(name)


def test_a_producer_builds_a_combo_with_a_partner_publishes_it_and_a_visitor_finds_it(
    page: Page, browser: Browser, live_server, partners: Partners, screenshots
):
    # The owner builds the combo from its own product and the partner's.
    owner = _signed_in(browser, live_server, partners.owner_email)
    owner.goto("/producer/combos/new")
    owner.fill("input[name=name]", COMBO)
    _add_product(owner, partners.own_product)
    _add_product(owner, partners.partner_product)
    owner.fill("textarea[name=story]", STORY)
    expect(owner.locator("[data-summary]").first).to_be_visible()
    owner.screenshot(path=screenshots / "combo-builder.png", full_page=True)
    owner.locator("button[name=action][value=save]").first.click()
    expect(owner.locator("main")).not_to_contain_text("This field is required")

    # Until the partner answers, it cannot be published.
    owner.goto("/producer/combos")
    _combo_row(owner).locator("form[action$='/publish'] button").click()
    expect(owner.locator(".flashes")).to_be_visible()
    expect(_combo_row(owner).locator(".combo-row__blockers")).to_contain_text(
        partners.partner_product[1]
    )
    owner.goto(f"/combos/?q={COMBO}")
    expect(owner.locator("main").get_by_role("link", name=COMBO, exact=True)).to_have_count(0)

    # The partner accepts its invitation.
    partner = _signed_in(browser, live_server, partners.partner_email)
    partner.goto("/producer/invitations")
    invitation = partner.locator("form", has=partner.locator("button[value=accept]")).filter(
        has_text=COMBO
    )
    invitation.locator("button[value=accept]").click()
    expect(partner.locator("main")).to_contain_text(COMBO)

    # The owner publishes it.
    owner.goto("/producer/combos")
    _combo_row(owner).locator("form[action$='/publish'] button").click()
    expect(_combo_row(owner).locator(".combo-row__state--ok")).to_be_visible()

    # A visitor searches without accents and reads the story.
    page.goto("/")
    page.fill("#site-search-q", "qua song nuoc nga bay")
    page.press("#site-search-q", "Enter")
    page.locator(".search-combos").get_by_role("link", name=COMBO).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COMBO)
    expect(page.locator(".story__body")).to_contain_text(STORY)
    expect(page.locator("main")).to_contain_text(partners.partner_product[1])
    page.screenshot(path=screenshots / "combo-page.png", full_page=True)
