"""How catalogue records look in the JSON API."""

from flask import url_for

from storefront.catalog.models import OcopCertificate, Product, ProductImage
from storefront.combos.availability import ComboOffer
from storefront.combos.listing import Picture, ordered_occasions
from storefront.combos.models import Combo
from storefront.producers.models import Producer
from storefront.wholesale.price_list import WholesaleTerms


def image_url(image: ProductImage) -> str:
    return url_for("media", filename=image.path, _external=True)


def certificate_json(certificate: OcopCertificate) -> dict:
    return {
        "stars": certificate.stars,
        "decision_number": certificate.decision_number,
        "issuing_body": certificate.issuing_body.value,
        "issued_on": certificate.issued_on.isoformat(),
        "expires_on": certificate.expires_on.isoformat(),
    }


def producer_json(producer: Producer) -> dict:
    return {
        "slug": producer.slug,
        "name": producer.name,
        "kind": producer.kind.value,
        "province": {"code": producer.province_code, "name": producer.province.name},
        "ward": {"code": producer.ward_code, "name": producer.ward.name},
        "url": url_for("producers.producer", slug=producer.slug, _external=True),
    }


def product_json(
    product: Product,
    certificate: OcopCertificate,
    price_vnd: int,
    images: list[ProductImage],
) -> dict:
    return {
        "slug": product.slug,
        "name": product.name,
        "name_en": product.name_en,
        "unit": product.unit,
        "price_vnd": price_vnd,
        "in_stock": product.stock > 0,
        "stock": product.stock,
        "stars": certificate.stars,
        "certificate": certificate_json(certificate),
        "producer": producer_json(product.producer),
        "images": [image_url(image) for image in images],
        "url": url_for("catalog.product", slug=product.slug, _external=True),
    }


def picture_url(picture: Picture) -> str:
    return url_for("media", filename=picture.path, _external=True)


def combo_json(combo: Combo, offer: ComboOffer, pictures: list[Picture]) -> dict:
    """A combo as the API shows it; `stock` is the exact number of combos that can be sold
    now (0 when unavailable), as products report theirs; `image` is its first picture."""
    heritage = combo.heritage
    return {
        "slug": combo.slug,
        "name": combo.name,
        "name_en": combo.name_en,
        "kind": combo.kind.value,
        "price_vnd": offer.price_vnd,
        "parts_vnd": offer.parts_vnd,
        "saving_vnd": offer.saving_vnd,
        "saving_percent": offer.saving_percent,
        "min_stars": offer.min_stars,
        "stock": offer.stock,
        "available": offer.purchasable,
        "unavailable": offer.unavailable.value if offer.unavailable else None,
        "occasions": [occasion.value for occasion in ordered_occasions(combo)],
        "heritage": {"slug": heritage.slug, "name": heritage.name} if heritage else None,
        "owner": {"slug": combo.owner.slug, "name": combo.owner.name},
        "components": [
            {
                "product": {"slug": s.component.product.slug, "name": s.component.product.name},
                "quantity": s.component.quantity,
                "unit": s.component.product.unit,
                "stars": s.offer.certificate.stars if s.offer.certificate else None,
                "producer": {
                    "slug": s.component.producer.slug,
                    "name": s.component.producer.name,
                },
                "problem": s.problem.value if s.problem else None,
            }
            for s in offer.components
        ],
        "packaging": [
            {
                "name": option.item.name,
                "name_en": option.item.name_en,
                "price_vnd": option.item.price_vnd,
                "in_stock": offer.stock_with(option.item.id) > 0,
            }
            for option in offer.packaging
        ],
        "url": url_for("combos.combo", slug=combo.slug, _external=True),
        "image": picture_url(pictures[0]) if pictures else None,
    }


def wholesale_json(terms: WholesaleTerms, retail_vnd: int) -> dict:
    """A signed-in shop's terms for an item: its minimum order and, from each quantity on,
    the unit price (WholesaleTerms.table: the first row from the minimum order)."""
    return {
        "min_quantity": terms.min_quantity,
        "tiers": [
            {"min_quantity": tier.min_quantity, "unit_price_vnd": tier.unit_price_vnd}
            for tier in terms.table(retail_vnd)
        ],
    }
