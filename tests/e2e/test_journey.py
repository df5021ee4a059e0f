"""A shopper's journey in a real browser: search without accents, filter by stars, read the
certificate; in Vietnamese and in English. Screenshots go to test-artifacts/screenshots/."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DemoFacts, save_full_page

pytestmark = pytest.mark.e2e

STARS_TEXT = {"vi": "{n} sao", "en": "{n} stars"}


def choose_language(page: Page, lang: str) -> None:
    """Open the home page and, for English, use the visible switch (it sets a cookie)."""
    page.goto("/")
    if lang != "vi":
        page.locator(f'a[hreflang="{lang}"]').click()
        page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", lang)


def open_filters(page: Page) -> None:
    """Open the filter panel as a shopper would, where it is folded (narrow screens)."""
    summary = page.locator("details.filters-panel > summary")
    panel = page.locator("details.filters-panel")
    if summary.count() and summary.is_visible() and panel.get_attribute("open") is None:
        summary.click()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_shopper_finds_rice_without_accents_filters_by_stars_and_reads_its_certificate(
    page: Page, demo: DemoFacts, screenshots: Path, lang: str
) -> None:
    # given the home page in the shopper's language
    choose_language(page, lang)
    if lang != "vi":
        assert {"name": "lang", "value": lang}.items() <= next(
            c for c in page.context.cookies() if c["name"] == "lang"
        ).items()
    save_full_page(page, screenshots / f"home-{lang}.png")

    # when searching the header box without accents
    search = page.locator('form[role="search"] input[name="q"]')
    search.fill("gao vi thuy")
    search.press("Enter")
    page.wait_for_url(re.compile(r"/catalog/\?q=gao"))

    # then the rice is among the results, linking to its page
    expect(page.locator("html")).to_have_attribute("lang", lang)
    rice_card = page.locator("article.product-card").filter(has_text=demo.rice_names[lang])
    expect(rice_card).to_have_count(1)
    expect(rice_card.locator("a.product-card__link")).to_have_attribute(
        "href", re.compile(rf"/catalog/products/{re.escape(demo.rice_slug)}$")
    )

    # when keeping only 4-star products
    open_filters(page)
    page.locator('form.filters input[name="stars"][value="4"]').check()
    page.locator('form.filters button[type="submit"]').click()
    page.wait_for_url(re.compile(r"[?&]stars=4(&|$)"))

    # then every card shown has 4 stars
    cards = page.locator("article.product-card")
    expect(cards.first).to_be_visible()
    four_stars = STARS_TEXT[lang].format(n=4)
    for text in cards.locator(".stars__text").all_inner_texts():
        assert text.strip() == four_stars
    assert cards.count() == cards.locator(".stars__text").count()
    save_full_page(page, screenshots / f"catalog-{lang}.png")

    # when opening the first product
    cards.first.locator("a.product-card__link").click()
    page.wait_for_url(re.compile(r"/catalog/products/"))

    # then its certificate shows a decision number and its 4 stars
    expect(page.locator("html")).to_have_attribute("lang", lang)
    certificate = page.locator("section#certificate")
    expect(certificate).to_be_visible()
    expect(certificate).to_contain_text("/QĐ-")
    expect(certificate.locator(".stars__text")).to_have_text(four_stars)
    expect(page.locator(".product-summary .price")).to_be_visible()
    save_full_page(page, screenshots / f"product-{lang}.png")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_product_with_an_expired_certificate_shows_a_notice_and_no_price(
    page: Page, demo: DemoFacts, screenshots: Path, lang: str
) -> None:
    # given a product whose only certificate expired in 2020
    choose_language(page, lang)

    # when a shopper opens it by its address
    page.goto(f"/catalog/products/{demo.expired_slug}")

    # then the page says it is not for sale and shows no price
    expect(page.locator(".notice--expired")).to_be_visible()
    hero = page.locator(".product-hero")
    expect(hero.locator(".price")).to_have_count(0)
    expect(hero.locator(".buy-box")).to_have_count(0)
    expect(hero).not_to_contain_text("₫")
    save_full_page(page, screenshots / f"product-expired-{lang}.png")


def test_star_filter_on_the_whole_catalogue_leaves_only_4_star_cards(
    page: Page, screenshots: Path
) -> None:
    # given the whole catalogue, more than a page of products
    page.goto("/catalog/")
    expect(page.locator("article.product-card").first).to_be_visible()

    # when keeping only 4-star products
    open_filters(page)
    page.locator('form.filters input[name="stars"][value="4"]').check()
    page.locator('form.filters button[type="submit"]').click()
    page.wait_for_url(re.compile(r"[?&]stars=4(&|$)"))

    # then a full page of cards is shown, each with 4 stars
    stars = page.locator("article.product-card .stars__text").all_inner_texts()
    assert len(stars) > 1
    assert {text.strip() for text in stars} == {"4 sao"}
    assert page.locator("article.product-card").count() == len(stars)
    save_full_page(page, screenshots / "catalog-4-stars-vi.png")
