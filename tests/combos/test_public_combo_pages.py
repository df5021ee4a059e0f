"""A combo's page, its printable story card and a heritage page, over real HTTP."""

import re

import pytest

from storefront.combos.models import (
    ComboOccasion,
    ComboPackaging,
    ComboStatus,
    Consent,
    HeritageKind,
    Occasion,
)
from storefront.producers.models import ProducerStatus
from tests.factories import (
    ComboFactory,
    HeritageFactory,
    ImageFactory,
    PackagingFactory,
    ProducerFactory,
    ProductFactory,
)
from tests.pages import text_of


@pytest.fixture
def gift(db):
    """A 10 %-off combo of rice (2 bags) and a partner's pineapple, tied to a festival."""
    owner = ProducerFactory(name="HTX Vị Thủy", slug="htx-vi-thuy")
    partner = ProducerFactory(name="HTX Khóm Hỏa Lựu", slug="htx-khom")
    rice = ProductFactory(
        producer=owner,
        name="Gạo sạch Vị Thủy",
        name_en="Vi Thuy clean rice",
        slug="gao-sach",
        unit="túi 5 kg",
        unit_en="5 kg bag",
        price_vnd=150_000,
        stock=40,
        stars=4,
    )
    ImageFactory(product=rice, path="products/gao.webp")
    pineapple = ProductFactory(
        producer=partner, name="Khóm Cầu Đúc", slug="khom", price_vnd=50_000, stars=5
    )
    heritage = HeritageFactory(
        slug="le-hoi-khom",
        name="Lễ hội Khóm Cầu Đúc",
        name_en="Cầu Đúc pineapple festival",
        kind=HeritageKind.FESTIVAL,
        story="Mùa khóm **chín vàng** bên kênh.",
        story_en="Pineapples *ripen* along the canal.",
    )
    combo = ComboFactory(
        owner=owner,
        slug="qua-tet-vi-thuy",
        name="Quà Tết Vị Thủy",
        name_en="Vị Thủy Tết gift",
        story="Hạt gạo **Hậu Giang** <script>alert(1)</script>",
        story_en="Rice of *Hậu Giang*.",
        heritage=heritage,
        parts=[(rice, 2), (pineapple, 1)],
        parts__consent=Consent.ACCEPTED,
    )
    combo.occasions.append(ComboOccasion(occasion=Occasion.TET))
    box = PackagingFactory(producer=owner, name="Hộp lục bình", name_en="Hyacinth box")
    bag = PackagingFactory(producer=owner, name="Túi vải", price_vnd=10_000, stock=0)
    combo.packaging += [
        ComboPackaging(item=box, position=0),
        ComboPackaging(item=bag, position=1),
    ]
    db.session.commit()
    return combo


def test_combo_page_shows_price_saving_components_packaging_and_box(client, gift):
    # Given a published combo whose parts cost 350.000 ₫ together
    # When a shopper opens its page in English
    response = client.get("/combos/qua-tet-vi-thuy?lang=en")
    page = text_of(response)

    # Then it shows the price, the saving against the parts and what is in the box
    assert response.status_code == 200
    assert "<h1>Vị Thủy Tết gift</h1>" in page
    assert "315.000 ₫" in page
    assert "Bought separately: 350.000 ₫" in page
    assert "Save 35.000 ₫ (10 %)" in page
    assert "Every product in it is OCOP-certified with at least 4 stars." in page
    assert "In stock" in page
    assert "2 ×" in page and "Vi Thuy clean rice" in page and "5 kg bag" in page
    assert 'href="/catalog/products/gao-sach"' in page
    assert 'href="/producers/htx-khom"' in page
    assert page.count('class="stars') >= 3  # the combo's and each component's
    assert "Hyacinth box" in page and "Packed in: Hyacinth box" in page
    assert "+ 10.000 ₫" in page and "Out of stock" in page
    assert "/media/products/gao.webp" in page
    assert 'href="/combos/qua-tet-vi-thuy/story-card"' in page
    assert 'href="/combos/?occasion=tet"' in page


def test_combo_page_tells_the_heritage_story_and_its_own_sanitised(client, gift):
    page = client.get("/combos/qua-tet-vi-thuy").get_data(as_text=True)

    assert "Lễ hội Khóm Cầu Đúc" in page
    assert "<strong>chín vàng</strong>" in page
    assert 'href="/combos/heritage/le-hoi-khom"' in page
    assert "<strong>Hậu Giang</strong>" in page
    assert "<script>alert(1)</script>" not in page


def test_few_left_says_how_many(client, gift, db):
    gift.components[0].product.stock = 9  # 4 combos' worth of rice

    db.session.commit()

    assert "Only 4 left" in text_of(client.get("/combos/qua-tet-vi-thuy?lang=en"))


def test_unavailable_combo_says_why_and_offers_nothing_to_buy(client, gift, db):
    gift.components[1].consent = Consent.DECLINED
    db.session.commit()

    page = text_of(client.get("/combos/qua-tet-vi-thuy?lang=en"))

    assert "Not available at the moment" in page
    assert "Khóm Cầu Đúc</span>: Withdrawn by its producer" in page
    assert "In stock" not in page.split("Packaging")[0]
    assert "Online ordering opens soon" not in page
    assert "315.000 ₫" not in page and "OCOP-certified with at least" not in page


@pytest.mark.parametrize("status", [ComboStatus.DRAFT, ComboStatus.HIDDEN])
def test_draft_and_hidden_combos_are_not_found(client, gift, db, status):
    gift.status = status
    db.session.commit()

    assert client.get("/combos/qua-tet-vi-thuy").status_code == 404
    assert client.get("/combos/qua-tet-vi-thuy/story-card").status_code == 404


def test_combo_of_a_suspended_owner_and_unknown_combos_are_not_found(client, gift, db):
    assert client.get("/combos/no-such-combo").status_code == 404
    gift.owner.status = ProducerStatus.SUSPENDED
    db.session.commit()
    assert client.get("/combos/qua-tet-vi-thuy").status_code == 404


def test_story_card_tells_both_stories_in_vietnamese_and_english(client, gift):
    response = client.get("/combos/qua-tet-vi-thuy/story-card")
    page = text_of(response)

    assert response.status_code == 200
    vi, en = page.split('<section class="story-card__side" lang="vi"')[1].split(
        '<section class="story-card__side" lang="en"'
    )
    assert "Quà Tết Vị Thủy" in vi and "<strong>Hậu Giang</strong>" in vi
    assert "<strong>chín vàng</strong>" in vi and "Lễ hội Khóm Cầu Đúc" in vi
    assert "2 × Gạo sạch Vị Thủy" in vi
    assert "Vị Thủy Tết gift" in en and "<em>Hậu Giang</em>" in en
    assert "Pineapples <em>ripen</em> along the canal." in en
    assert "2 × Vi Thuy clean rice" in en and "1 × Khóm Cầu Đúc" in en
    assert "In this gift" in en  # the English half is English whatever the page's language
    assert "<script>alert(1)</script>" not in page


def test_story_card_prints_alone_with_a_print_button_that_needs_no_inline_script(client, gift):
    page = client.get("/combos/qua-tet-vi-thuy/story-card?lang=en").get_data(as_text=True)

    assert re.search(r'<link rel="stylesheet" href="/static/css/print.css" media="print">', page)
    assert '<script src="/static/js/print.js" defer></script>' in page
    assert re.search(r"<button[^>]*data-print[^>]*hidden", page)
    assert "browser’s Print command" in page  # what to do without JavaScript
    assert "<script>" not in page and "onclick" not in page and "style=" not in page
    assert client.get("/static/css/print.css").status_code == 200
    assert b"window.print()" in client.get("/static/js/print.js").data


def test_story_card_without_english_has_only_the_vietnamese_half(client, gift, db):
    gift.story_en = None
    gift.heritage.story_en = None
    db.session.commit()

    page = client.get("/combos/qua-tet-vi-thuy/story-card?lang=en").get_data(as_text=True)

    assert 'lang="vi" aria-labelledby="card-vi-title"' in page
    assert 'lang="en" aria-labelledby' not in page


def test_heritage_page_tells_its_story_in_the_visitors_language_and_lists_its_combos(
    client, gift, db
):
    hidden = ComboFactory(slug="an-di", heritage=gift.heritage, status=ComboStatus.DRAFT)
    hidden.components.clear()
    db.session.commit()

    english = text_of(client.get("/combos/heritage/le-hoi-khom?lang=en"))
    vietnamese = text_of(client.get("/combos/heritage/le-hoi-khom?lang=vi"))

    assert "Cầu Đúc pineapple festival" in english and "Festival" in english
    assert "Pineapples <em>ripen</em> along the canal." in english
    assert 'href="/combos/qua-tet-vi-thuy"' in english
    assert "an-di" not in english
    assert "<strong>chín vàng</strong>" in vietnamese


def test_heritage_story_falls_back_to_vietnamese(client, gift, db):
    gift.heritage.story_en = None
    db.session.commit()

    page = client.get("/combos/heritage/le-hoi-khom?lang=en").get_data(as_text=True)

    assert '<div class="story__body" lang="vi"><p>Mùa khóm <strong>chín vàng</strong>' in page


def test_unknown_heritage_is_not_found(client, db):
    assert client.get("/combos/heritage/nowhere").status_code == 404
