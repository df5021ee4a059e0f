"""A shop member's pages of the shop as a whole: its home (terms, what it owes, where to
order) and its orders, whoever of its members placed them."""

from flask import abort, render_template, request

from storefront.accounts.access import role_required, signed_in_user
from storefront.accounts.models import Role
from storefront.extensions import db
from storefront.orders.lookup import shop_orders
from storefront.wholesale.credit import owed_vnd
from storefront.wholesale.models import Shop, ShopStatus
from storefront.wholesale.views import bp

PER_PAGE = 20


def member_shop() -> Shop:
    """The approved shop of the signed-in member; 403 for anyone else."""
    user = signed_in_user()
    shop = db.session.get(Shop, user.shop_id) if user.shop_id else None
    if shop is None or shop.status is not ShopStatus.APPROVED:
        abort(403)
    return shop


@bp.get("/wholesale/")
@role_required(Role.SHOP)
def shop_home() -> str:
    shop = member_shop()
    recent = shop_orders(shop.id, page=1, per_page=5)
    return render_template(
        "wholesale/shop_home.html", shop=shop, recent=recent, owed_vnd=owed_vnd(shop.id)
    )


@bp.get("/wholesale/orders")
@role_required(Role.SHOP)
def shop_order_history() -> str:
    shop = member_shop()
    page = shop_orders(shop.id, page=request.args.get("page", 1, type=int), per_page=PER_PAGE)
    return render_template(
        "wholesale/orders.html", shop=shop, page=page, owed_vnd=owed_vnd(shop.id)
    )
