"""JSON API, read-only: products, producers and combos. Thin: it calls the domains' functions."""

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from flask_babel import gettext as _

from storefront.api.openapi import openapi_document
from storefront.api.serializers import (
    combo_json,
    picture_url,
    producer_json,
    product_json,
    wholesale_json,
)
from storefront.cart.lines import ItemKind
from storefront.catalog.detail import find_public_product
from storefront.catalog.filters import MAX_PAGE, parse_filters
from storefront.catalog.listing import list_products
from storefront.catalog.pricing import offer_for
from storefront.clock import today_in_vietnam
from storefront.combos.detail import combo_page, find_public_combo
from storefront.combos.filters import parse_combo_filters
from storefront.combos.listing import combo_pictures, list_combos
from storefront.errors import api_error
from storefront.pagination import Page
from storefront.producers.directory import (
    count_listed_products,
    find_approved_producer,
    list_producers,
)
from storefront.producers.models import ProducerKind
from storefront.query_args import QueryArgs
from storefront.wholesale.price_list import PriceList, current_price_list

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def _invalid(problems: dict[str, str]) -> tuple[Response, int]:
    return api_error(
        400, "invalid_parameter", _("Some query parameters are not valid."), parameters=problems
    )


def _not_found(message: str) -> tuple[Response, int]:
    return api_error(404, "not_found", message)


def _with_terms(body: dict, prices: PriceList, kind: ItemKind, item_id: int, retail: int) -> dict:
    """The item's JSON with a signed-in shop's terms for it under "wholesale"; for anyone
    else (and an item without terms) the key is absent."""
    terms = prices.terms(kind, item_id)
    return body | {"wholesale": wholesale_json(terms, retail)} if terms else body


def _list(items: list[dict], page: Page) -> Response:
    """A page of a list: its items and where it stands."""
    return jsonify(items=items, total=page.total, page=page.page, per_page=page.per_page)


@bp.get("/products")
def products() -> Response | tuple[Response, int]:
    parsed = parse_filters(
        request.args,
        per_page=current_app.config["CATALOG_PER_PAGE"],
        max_per_page=current_app.config["API_MAX_PER_PAGE"],
    )
    if parsed.problems:
        return _invalid(parsed.problems)
    page = list_products(parsed.filters, today=today_in_vietnam())
    prices = current_price_list()
    prices.load(products=[item.product.id for item in page.items])
    items = [
        _with_terms(
            product_json(
                item.product,
                item.certificate,
                item.offer.price_vnd,
                [item.product.cover] if item.product.cover else [],
            ),
            prices,
            ItemKind.PRODUCT,
            item.product.id,
            item.offer.price_vnd,
        )
        for item in page.items
    ]
    return _list(items, page)


@bp.get("/products/<slug>")
def product(slug: str) -> Response | tuple[Response, int]:
    found = find_public_product(slug)
    offer = offer_for(found, today=today_in_vietnam()) if found else None
    # Only listed products are in the API: an expired or archived one is absent, as in lists.
    if found is None or offer is None or offer.certificate is None or not offer.listed:
        return _not_found(_("No such product: it is unknown or not certified today."))
    body = product_json(found, offer.certificate, offer.price_vnd, found.images)
    body |= {
        "name_en": found.name_en,
        "description": found.description,
        "story": found.story,
        "category": {"slug": found.category.slug, "name": found.category.name},
        "weight_grams": found.weight_grams,
    }
    return jsonify(
        _with_terms(body, current_price_list(), ItemKind.PRODUCT, found.id, offer.price_vnd)
    )


@bp.get("/producers")
def producers() -> Response | tuple[Response, int]:
    read = QueryArgs(request.args)
    page = read.number("page", 1, MAX_PAGE) or 1
    per_page = read.number("per_page", 1, current_app.config["API_MAX_PER_PAGE"])
    kind = read.choice("producer_kind", ProducerKind)
    if read.problems:
        return _invalid(read.problems)
    found = list_producers(
        today=today_in_vietnam(),
        page=page,
        per_page=per_page or current_app.config["CATALOG_PER_PAGE"],
        kind=kind,
    )
    items = [producer_json(p) | {"listed_products": n} for p, n in found.items]
    return _list(items, found)


@bp.get("/producers/<slug>")
def producer(slug: str) -> Response | tuple[Response, int]:
    found = find_approved_producer(slug)
    if found is None:
        return _not_found(_("No such approved producer."))
    body = producer_json(found) | {
        "address": found.address,
        "phone": found.phone,
        "story": found.story,
        "listed_products": count_listed_products(found, today=today_in_vietnam()),
    }
    return jsonify(body)


@bp.get("/combos")
def combos() -> Response | tuple[Response, int]:
    parsed = parse_combo_filters(
        request.args,
        per_page=current_app.config["CATALOG_PER_PAGE"],
        max_per_page=current_app.config["API_MAX_PER_PAGE"],
    )
    if parsed.problems:
        return _invalid(parsed.problems)
    page = list_combos(parsed.filters, today=today_in_vietnam())
    prices = current_price_list()
    prices.load(combos=[item.combo.id for item in page.items])
    items = [
        _with_terms(
            combo_json(i.combo, i.offer, combo_pictures(i.combo)),
            prices,
            ItemKind.COMBO,
            i.combo.id,
            i.offer.price_vnd,
        )
        for i in page.items
    ]
    return _list(items, page)


@bp.get("/combos/<slug>")
def combo(slug: str) -> Response | tuple[Response, int]:
    found = find_public_combo(slug)
    if found is None:
        return _not_found(_("No such combo: it is unknown or not published."))
    # Like its page, a published combo that cannot be bought now is shown, with why.
    view = combo_page(found, today=today_in_vietnam())
    body = combo_json(found, view.offer, view.pictures) | {
        "story": found.story,
        "story_en": found.story_en,
        "images": [picture_url(picture) for picture in view.pictures],
    }
    if found.heritage is not None:
        body["heritage"] |= {
            "name_en": found.heritage.name_en,
            "kind": found.heritage.kind.value,
            "province": {
                "code": found.heritage.province_code,
                "name": found.heritage.province.name,
            },
            "url": url_for("combos.heritage", slug=found.heritage.slug, _external=True),
        }
    return jsonify(
        _with_terms(body, current_price_list(), ItemKind.COMBO, found.id, view.offer.price_vnd)
    )


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(openapi_document())
