"""Public combo pages: the combos list, a combo's page and its heritage story."""

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import force_locale
from flask_babel import gettext as _

from storefront.cart.lines import ItemKind
from storefront.cart.wrapping import wrapping_of
from storefront.catalog.filters import Sort
from storefront.clock import today_in_vietnam
from storefront.combos.detail import (
    CardSide,
    combo_page,
    find_heritage,
    find_public_combo,
    story_card_sides,
)
from storefront.combos.filters import ComboFilters, parse_combo_filters
from storefront.combos.listing import combo_facets, list_combos
from storefront.combos.models import ComboKind, Occasion
from storefront.wholesale.price_list import current_price_list
from storefront.wholesale.shop_prices import item_terms, order_quantity
from storefront.wholesale.skus import sku_of

bp = Blueprint("combos", __name__)

HERITAGE_COMBOS = 24


@bp.get("/combos/", endpoint="list_combos")
def combos_list() -> str:
    today = today_in_vietnam()
    parsed = parse_combo_filters(
        request.args,
        per_page=current_app.config["CATALOG_PER_PAGE"],
        max_per_page=current_app.config["API_MAX_PER_PAGE"],
    )
    page = list_combos(parsed.filters, today=today)
    # A shop's terms for every card, in one go (nothing for a retail buyer).
    current_price_list().load(combos=[item.combo.id for item in page.items])
    return render_template(
        "combos/list.html",
        page=page,
        filters=parsed.filters,
        facets=combo_facets(today),
        occasions=list(Occasion),
        kinds=list(ComboKind),
        sorts=list(Sort),
        ignored=sorted(parsed.problems),
    )


@bp.get("/combos/<slug>")
def combo(slug: str) -> str:
    found = find_public_combo(slug)
    if found is None:
        abort(404)
    view = combo_page(found, today=today_in_vietnam())
    wraps = wrapping_of(found.owner_id) if view.offer.purchasable else []
    prices = current_price_list()
    terms = prices.terms(ItemKind.COMBO, found.id)
    return render_template(
        "combos/combo.html",
        view=view,
        wraps=wraps,
        sku=sku_of(found),
        shop_terms=item_terms(terms, view.offer.price_vnd),
        quantity=order_quantity(prices, terms),
        ask_quote=prices.wholesale,
    )


@bp.get("/combos/<slug>/story-card")
def story_card(slug: str) -> str:
    found = find_public_combo(slug)
    if found is None:
        abort(404)
    sides = story_card_sides(found)
    return render_template(
        "combos/story_card.html",
        combo=found,
        sides=[(side, card_labels(side, owner=found.owner.name)) for side in sides],
    )


def card_labels(side: CardSide, *, owner: str) -> dict[str, str]:
    """The card's headings in the half's own language, whatever the page's language."""
    with force_locale(side.lang):
        return {
            "kicker": _("A gift with a story"),
            "place": _("The place behind it"),
            "items": _("In this gift"),
            "by": _("Put together by %(producer)s", producer=owner),
            "certified": _("Every product is OCOP-certified."),
        }


@bp.get("/combos/heritage/<slug>")
def heritage(slug: str) -> str:
    found = find_heritage(slug)
    if found is None:
        abort(404)
    combos = list_combos(
        ComboFilters(heritage=found.slug, sort=Sort.STARS, per_page=HERITAGE_COMBOS),
        today=today_in_vietnam(),
    )
    current_price_list().load(combos=[item.combo.id for item in combos.items])
    return render_template("combos/heritage.html", heritage=found, combos=combos)


# The producer portal (builder, invitations, packaging) and staff pages (moderation,
# heritage) register on this same blueprint.
from storefront.combos import (  # noqa: E402, F401
    invitation_views,
    packaging_views,
    portal_views,
    staff_views,
)
