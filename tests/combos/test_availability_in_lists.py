"""A combo that cannot be bought leaves /combos/, the catalogue search and the API list at
once; its own page and the API still show it, saying why and offering 0."""

import pytest

from storefront.catalog.models import ProductStatus
from storefront.combos.models import ComboPackaging, Consent
from storefront.producers.models import ProducerStatus
from tests.factories import ComboFactory, PackagingFactory, ProducerFactory, ProductFactory, expire
from tests.pages import text_of

pytestmark = pytest.mark.usefixtures("on_both_databases")


def listed_everywhere(client) -> dict[str, bool]:
    """Whether the combo "khom-cau-duc" shows in each list a shopper or client reads."""
    api = client.get("/api/v1/combos").get_json()
    return {
        "combos page": 'href="/combos/khom-cau-duc"' in client.get("/combos/").text,
        "combos search": 'href="/combos/khom-cau-duc"' in client.get("/combos/?q=khom").text,
        "catalogue search": 'href="/combos/khom-cau-duc"'
        in client.get("/catalog/?q=khom+cau+duc").text,
        "api list": [item["slug"] for item in api["items"]] == ["khom-cau-duc"],
        "api search": client.get("/api/v1/combos?q=khom").get_json()["total"] == 1,
    }


@pytest.fixture
def combo(db):
    """The issue's example: A (stock 7) twice and B (stock 5) once."""
    owner = ProducerFactory()
    partner = ProducerFactory()
    a = ProductFactory(producer=owner, name="Khóm Cầu Đúc", stock=7, price_vnd=60_000, stars=4)
    b = ProductFactory(producer=partner, name="Mật ong rừng", stock=5, price_vnd=90_000, stars=3)
    combo = ComboFactory(
        owner=owner,
        slug="khom-cau-duc",
        name="Combo Khóm Cầu Đúc",
        parts=[(a, 2), (b, 1)],
        parts__consent=Consent.ACCEPTED,
    )
    db.session.commit()
    return combo


def test_derived_stock_then_expiry_unlists_the_combo_everywhere(client, db, combo):
    # Given A (stock 7, quantity 2) and B (stock 5, quantity 1)
    # Then the combo offers 3, on its page and in the API, and is listed everywhere
    assert "Only 3 left" in text_of(client.get("/combos/khom-cau-duc?lang=en"))
    assert client.get("/api/v1/combos/khom-cau-duc").get_json()["stock"] == 3
    assert client.get("/api/v1/combos").get_json()["items"][0]["stock"] == 3
    assert all(listed_everywhere(client).values()), listed_everywhere(client)

    # When A's certificate expires
    expire(combo.components[0].product)
    db.session.commit()

    # Then it offers 0, says why, and is gone from every list at once
    body = client.get("/api/v1/combos/khom-cau-duc").get_json()
    assert body["stock"] == 0 and body["available"] is False
    assert body["unavailable"] == "component_unavailable"
    assert body["components"][0]["problem"] == "certificate_expired"
    page = text_of(client.get("/combos/khom-cau-duc?lang=en"))
    assert "Not available at the moment" in page
    assert "OCOP certificate expired" in page and "left" not in page
    assert not any(listed_everywhere(client).values()), listed_everywhere(client)


def test_sold_out_component_unlists_the_combo(client, db, combo):
    combo.components[0].product.stock = 1  # fewer than the 2 the combo needs
    db.session.commit()

    assert not any(listed_everywhere(client).values())
    page = text_of(client.get("/combos/khom-cau-duc?lang=en"))
    assert "Sold out" in page
    assert client.get("/api/v1/combos/khom-cau-duc").get_json()["unavailable"] == "sold_out"


@pytest.mark.parametrize("consent", [Consent.PENDING, Consent.DECLINED])
def test_component_without_its_producers_consent_unlists_the_combo(client, db, combo, consent):
    combo.components[1].consent = consent
    db.session.commit()

    assert not any(listed_everywhere(client).values())
    assert "Not available at the moment" in text_of(client.get("/combos/khom-cau-duc?lang=en"))


def test_withdrawn_component_unlists_the_combo_and_its_page_says_which(client, db, combo):
    # Given a listed combo, when its partner withdraws product B from sale
    combo.components[1].product.status = ProductStatus.ARCHIVED
    db.session.commit()

    # Then the combo leaves every list, and its page and the API name B as the cause
    assert not any(listed_everywhere(client).values())
    body = client.get("/api/v1/combos/khom-cau-duc").get_json()
    assert body["unavailable"] == "component_unavailable"
    assert [c["problem"] for c in body["components"]] == [None, "no_longer_sold"]
    page = text_of(client.get("/combos/khom-cau-duc?lang=en"))
    assert '<span lang="vi">Mật ong rừng</span>: No longer sold' in page


def test_component_of_a_suspended_producer_unlists_the_combo(client, db, combo):
    combo.components[1].producer.status = ProducerStatus.SUSPENDED
    db.session.commit()

    assert not any(listed_everywhere(client).values())


def test_packaging_out_of_stock_unlists_the_combo(client, db, combo):
    empty = PackagingFactory(producer=combo.owner, stock=0)
    combo.packaging.append(ComboPackaging(item=empty))
    db.session.commit()

    assert not any(listed_everywhere(client).values())


def test_suspended_owner_unlists_the_combo_and_hides_its_page(client, db, combo):
    combo.owner.status = ProducerStatus.SUSPENDED
    db.session.commit()

    assert not any(listed_everywhere(client).values())
    assert client.get("/combos/khom-cau-duc").status_code == 404
    assert client.get("/api/v1/combos/khom-cau-duc").status_code == 404
