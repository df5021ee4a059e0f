"""How catalogue records look in the JSON API."""

from flask import url_for

from storefront.catalog.models import OcopCertificate, Product, ProductImage
from storefront.producers.models import Producer


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
