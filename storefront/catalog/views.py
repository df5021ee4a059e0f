"""Public catalogue pages: home, the product list with filters, and product pages."""

from flask import Blueprint, abort, current_app, render_template, request

from storefront.cart.lines import ItemKind
from storefront.cart.wrapping import wrapping_of
from storefront.catalog.detail import find_public_product, related_products
from storefront.catalog.facets import category_tree, localities
from storefront.catalog.filters import CatalogFilters, Sort, parse_filters
from storefront.catalog.listing import list_products
from storefront.catalog.pricing import offer_for
from storefront.catalog.stories import render_markdown
from storefront.clock import today_in_vietnam
from storefront.combos.listing import featured_combos, search_combos
from storefront.combos.occasions import upcoming
from storefront.wholesale.price_list import current_price_list
from storefront.wholesale.shop_prices import item_terms, order_quantity
from storefront.wholesale.skus import sku_of

bp = Blueprint("catalog", __name__)

FEATURED_COUNT = 8
FEATURED_COMBOS = 8
SEARCH_COMBOS = 4  # combos shown above the products when searching

bp.add_app_template_filter(render_markdown, "markdown")


@bp.get("/")
def home() -> str:
    today = today_in_vietnam()
    featured = list_products(
        CatalogFilters(stars=frozenset({4, 5}), sort=Sort.NEWEST, per_page=FEATURED_COUNT),
        today=today,
    )
    coming = upcoming(today)
    combos = featured_combos(coming.occasion, today=today, limit=FEATURED_COMBOS)
    # A shop's terms for every card, in one go (nothing for a retail buyer).
    current_price_list().load(
        products=[item.product.id for item in featured.items],
        combos=[item.combo.id for item in combos.items],
    )
    return render_template(
        "catalog/home.html",
        featured=featured,
        coming=coming,
        combos=combos,
        categories=category_tree(),
    )


@bp.get("/catalog/")
def catalog() -> str:
    today = today_in_vietnam()
    parsed = parse_filters(
        request.args,
        per_page=current_app.config["CATALOG_PER_PAGE"],
        max_per_page=current_app.config["API_MAX_PER_PAGE"],
    )
    page = list_products(parsed.filters, today=today)
    # Searching also finds gift combos, shown above the products on the first page.
    combos = []
    if parsed.filters.q and page.page == 1:
        combos = search_combos(parsed.filters.q, today=today, limit=SEARCH_COMBOS)
    current_price_list().load(
        products=[item.product.id for item in page.items],
        combos=[item.combo.id for item in combos],
    )
    return render_template(
        "catalog/list.html",
        page=page,
        combos=combos,
        filters=parsed.filters,
        categories=category_tree(),
        localities=localities(today),
        sorts=list(Sort),
        ignored=sorted(parsed.problems),
    )


@bp.get("/catalog/products/<slug>")
def product(slug: str) -> str:
    found = find_public_product(slug)
    if found is None:
        abort(404)
    today = today_in_vietnam()
    offer = offer_for(found, today=today)
    related = related_products(found, today=today)
    prices = current_price_list()
    prices.load(products=[found.id, *(item.product.id for item in related)])
    terms = prices.terms(ItemKind.PRODUCT, found.id)
    return render_template(
        "catalog/product.html",
        product=found,
        offer=offer,
        related=related,
        wraps=wrapping_of(found.producer_id) if offer.purchasable else [],
        sku=sku_of(found),
        shop_terms=item_terms(terms, offer.price_vnd),
        quantity=order_quantity(prices, terms),
        ask_quote=prices.wholesale,
    )


# The producer portal and staff pages of the catalogue register on this same blueprint.
from storefront.catalog import certificate_views, portal_views  # noqa: E402, F401
