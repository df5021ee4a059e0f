"""Public producer pages."""

from dataclasses import replace

from flask import Blueprint, abort, current_app, render_template, request

from storefront.catalog.filters import Sort, parse_filters
from storefront.catalog.listing import list_products
from storefront.clock import today_in_vietnam
from storefront.producers.directory import find_approved_producer

bp = Blueprint("producers", __name__, url_prefix="/producers")


@bp.get("/<slug>")
def producer(slug: str) -> str:
    found = find_approved_producer(slug)
    if found is None:
        abort(404)
    parsed = parse_filters(
        request.args,
        per_page=current_app.config["CATALOG_PER_PAGE"],
        max_per_page=current_app.config["API_MAX_PER_PAGE"],
    )
    filters = replace(parsed.filters, producer=found.slug, sort=parsed.filters.sort or Sort.STARS)
    page = list_products(filters, today=today_in_vietnam())
    return render_template("producers/producer.html", producer=found, page=page, filters=filters)
