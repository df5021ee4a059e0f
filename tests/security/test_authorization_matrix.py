"""Every route of the app, for every kind of visitor: who may use it, and who gets sign-in,
403 or 404. A route this table does not know fails the test, so a new page must be added
here, with its rules, before it can land.

Outcomes: OK (any 2xx, or a 3xx that does not send to sign-in), SIGN_IN (a redirect to the
sign-in page), FORBIDDEN (403), MISSING (404). Producer P1 owns the objects in the URLs;
P2 is another approved producer, and must get 404 for P1's things, with nothing changed.
Likewise the shop S1 (whose owner is the "shop" visitor) owns the wholesale objects, and
"shop_s2", the owner of another approved shop, must get 404 for them.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from storefront.accounts.models import Role, User
from storefront.catalog.models import OcopCertificate, Product, Verification
from storefront.clock import utcnow
from storefront.combos.models import Combo, Heritage, PackagingItem
from storefront.orders.models import Fulfilment, Order
from storefront.wholesale.members import token_hash
from storefront.wholesale.models import Quote, Shop, ShopInvitation, ShopKind, WholesaleOffer
from tests.factories import (
    USER_PASSWORD,
    CertificateFactory,
    ComboFactory,
    HeritageFactory,
    ImageFactory,
    PackagingFactory,
    ProducerFactory,
    ProductFactory,
    UserFactory,
)
from tests.shopping import gift_order
from tests.wholesale.quotes import ask
from tests.wholesale.shops import approved_shop, shop_member, wholesale

OK, SIGN_IN, FORBIDDEN, MISSING = "ok", "sign-in", "403", "404"
VISITORS = ("anonymous", "shopper", "producer_p1", "producer_p2", "shop", "shop_s2", "staff")

PUBLIC = dict.fromkeys(VISITORS, OK)
SIGNED_IN = {**dict.fromkeys(VISITORS, OK), "anonymous": SIGN_IN}
PORTAL = {
    "anonymous": SIGN_IN,
    "shopper": FORBIDDEN,
    "producer_p1": OK,
    "producer_p2": OK,
    "shop": FORBIDDEN,
    "shop_s2": FORBIDDEN,
    "staff": FORBIDDEN,
}
P1_ONLY = {**PORTAL, "producer_p2": MISSING}
STAFF = {**dict.fromkeys(VISITORS, FORBIDDEN), "anonymous": SIGN_IN, "staff": OK}
APPLY = {**SIGNED_IN, "shop": FORBIDDEN, "shop_s2": FORBIDDEN, "staff": FORBIDDEN}
# A shop account: shoppers (and shop-role users) apply; producer members and staff may not.
SHOP_APPLY = {**SIGNED_IN, "producer_p1": FORBIDDEN, "producer_p2": FORBIDDEN, "staff": FORBIDDEN}
# An order: its buyer (the shopper) and staff see it; to anyone else it does not exist.
OWNER_OR_STAFF = {**dict.fromkeys(VISITORS, MISSING), "shopper": OK, "staff": OK}
NOBODY = dict.fromkeys(VISITORS, MISSING)
# Wholesale: members of an approved shop; S1's quotes, invitations and members are S1's.
SHOP = {**dict.fromkeys(VISITORS, FORBIDDEN), "anonymous": SIGN_IN, "shop": OK, "shop_s2": OK}
S1_ONLY = {**SHOP, "shop_s2": MISSING}
# S1's order: its members and staff see it; to anyone else, another shop too, it does not exist.
SHOP_ORDER = {**NOBODY, "shop": OK, "staff": OK}

# endpoint -> (method, url template, outcome per visitor); the {names} in URLs come from
# `world`.
RULES: dict[str, tuple[str, str, dict[str, str]]] = {
    "catalog.home": ("GET", "/", PUBLIC),
    "catalog.catalog": ("GET", "/catalog/", PUBLIC),
    "catalog.product": ("GET", "/catalog/products/{slug}", PUBLIC),
    "producers.producer": ("GET", "/producers/{producer_slug}", PUBLIC),
    "api.products": ("GET", "/api/v1/products", PUBLIC),
    "api.product": ("GET", "/api/v1/products/{slug}", PUBLIC),
    "api.producers": ("GET", "/api/v1/producers", PUBLIC),
    "api.producer": ("GET", "/api/v1/producers/{producer_slug}", PUBLIC),
    "api.openapi": ("GET", "/api/v1/openapi.json", PUBLIC),
    "healthz": ("GET", "/healthz", PUBLIC),
    "static": ("GET", "/static/css/store.css", PUBLIC),
    "media": ("GET", "/media/products/picture.webp", PUBLIC),
    "accounts.sign_in": ("GET", "/account/sign-in", PUBLIC),
    "accounts.sign_up": ("GET", "/account/sign-up", PUBLIC),
    "accounts.reset_request": ("GET", "/account/reset", PUBLIC),
    "accounts.reset_password": ("GET", "/account/reset/not-a-token", PUBLIC),
    "accounts.sign_out": ("POST", "/account/sign-out", PUBLIC),
    "accounts.profile": ("GET", "/account/", SIGNED_IN),
    "accounts.password": ("GET", "/account/password", SIGNED_IN),
    "accounts.email": ("GET", "/account/email", SIGNED_IN),
    "producers.apply": ("GET", "/producer/apply", APPLY),
    "catalog.portal_home": ("GET", "/producer/", PORTAL),
    "catalog.portal_products": ("GET", "/producer/products", PORTAL),
    "catalog.portal_product_new": ("GET", "/producer/products/new", PORTAL),
    "catalog.portal_product_edit": ("GET", "/producer/products/{product}", P1_ONLY),
    "catalog.portal_product_status": ("POST", "/producer/products/{product}/archive", P1_ONLY),
    "catalog.portal_image_add": ("POST", "/producer/products/{product}/images", P1_ONLY),
    "catalog.portal_image_change": (
        "POST",
        "/producer/products/{product}/images/{image}/remove",
        P1_ONLY,
    ),
    "catalog.portal_certificates": ("GET", "/producer/certificates", PORTAL),
    "catalog.portal_certificate_new": ("GET", "/producer/certificates/new", PORTAL),
    "catalog.portal_certificate_scan": (
        "GET",
        "/producer/certificates/{certificate}/scan",
        P1_ONLY,
    ),
    "inventory.portal_stock": ("GET", "/producer/stock", PORTAL),
    "inventory.portal_stock_change": ("POST", "/producer/stock/{product}", P1_ONLY),
    "catalog.staff_certificates": ("GET", "/staff/certificates", STAFF),
    "catalog.staff_certificate_scan": ("GET", "/staff/certificates/{certificate}/scan", STAFF),
    "catalog.staff_certificate_verify": (
        "POST",
        "/staff/certificates/{certificate}/verify",
        STAFF,
    ),
    "catalog.staff_certificate_reject": (
        "POST",
        "/staff/certificates/{certificate}/reject",
        STAFF,
    ),
    "producers.staff_applications": ("GET", "/staff/producers/applications", STAFF),
    "producers.staff_producers": ("GET", "/staff/producers", STAFF),
    "producers.staff_approve": ("POST", "/staff/producers/{pending_producer}/approve", STAFF),
    "producers.staff_reject": ("POST", "/staff/producers/{pending_producer}/reject", STAFF),
    "producers.staff_suspend": ("POST", "/staff/producers/{producer}/suspend", STAFF),
    "producers.staff_reinstate": ("POST", "/staff/producers/{producer}/reinstate", STAFF),
    "accounts.staff_users": ("GET", "/staff/users", STAFF),
    "accounts.staff_suspend_user": ("POST", "/staff/users/{user}/suspend", STAFF),
    "accounts.staff_reinstate_user": ("POST", "/staff/users/{user}/reinstate", STAFF),
    # Combos: {combo} is P1's, {invitation} is P2's combo that invites P1's product.
    "combos.list_combos": ("GET", "/combos/", PUBLIC),
    "combos.combo": ("GET", "/combos/{combo_slug}", PUBLIC),
    "combos.story_card": ("GET", "/combos/{combo_slug}/story-card", PUBLIC),
    "combos.heritage": ("GET", "/combos/heritage/{heritage_slug}", PUBLIC),
    "api.combos": ("GET", "/api/v1/combos", PUBLIC),
    "api.combo": ("GET", "/api/v1/combos/{combo_slug}", PUBLIC),
    "combos.portal_combos": ("GET", "/producer/combos", PORTAL),
    "combos.portal_new_combo": ("GET", "/producer/combos/new", PORTAL),
    "combos.portal_edit_combo": ("GET", "/producer/combos/{combo}", P1_ONLY),
    "combos.portal_combo_preview": ("POST", "/producer/combos/preview", PORTAL),
    "combos.portal_publish_combo": ("POST", "/producer/combos/{combo}/publish", P1_ONLY),
    "combos.portal_hide_combo": ("POST", "/producer/combos/{combo}/hide", P1_ONLY),
    "combos.portal_invitations": ("GET", "/producer/invitations", PORTAL),
    "combos.portal_answer_invitation": ("POST", "/producer/invitations/{invitation}", P1_ONLY),
    "combos.portal_packaging": ("GET", "/producer/packaging", PORTAL),
    "combos.portal_edit_packaging": ("GET", "/producer/packaging/{packaging}", P1_ONLY),
    "combos.staff_combos": ("GET", "/staff/combos", STAFF),
    "combos.staff_new_combo": ("GET", "/staff/combos/new", STAFF),
    "combos.staff_edit_combo": ("GET", "/staff/combos/{combo}/edit", STAFF),
    "combos.staff_combo_preview": ("POST", "/staff/combos/preview", STAFF),
    "combos.staff_hide_combo": ("POST", "/staff/combos/{combo}/hide", STAFF),
    "combos.staff_restore_combo": ("POST", "/staff/combos/{combo}/restore", STAFF),
    "combos.staff_heritage": ("GET", "/staff/heritage", STAFF),
    "combos.staff_new_heritage": ("GET", "/staff/heritage/new", STAFF),
    "combos.staff_edit_heritage": ("GET", "/staff/heritage/{heritage}", STAFF),
    # Cart and checkout: anyone may buy. {order} is the shopper's, with a gift message.
    "cart.show": ("GET", "/cart", PUBLIC),
    "cart.add": ("POST", "/cart/add", PUBLIC),
    "cart.update": ("POST", "/cart/update", PUBLIC),
    "cart.remove": ("POST", "/cart/remove", PUBLIC),
    "checkout.details": ("GET", "/checkout", PUBLIC),
    "checkout.review": ("GET", "/checkout/review", PUBLIC),
    "checkout.place": ("POST", "/checkout/place", PUBLIC),
    "orders.detail": ("GET", "/orders/{order}", OWNER_OR_STAFF),
    "orders.story_card": ("GET", "/orders/{order}/story-card/0", OWNER_OR_STAFF),
    "orders.cancel": ("POST", "/orders/{order}/cancel", OWNER_OR_STAFF),
    "orders.buy_again_view": ("POST", "/orders/{order}/buy-again", OWNER_OR_STAFF),
    "orders.lookup": ("GET", "/orders/lookup", PUBLIC),
    "orders.account_orders": ("GET", "/account/orders", SIGNED_IN),
    "orders.invoice": ("GET", "/orders/{order}/invoice", OWNER_OR_STAFF),
    "orders.staff_order": ("GET", "/staff/orders/{order}", STAFF),
    "orders.staff_move": ("POST", "/staff/orders/{order}/move", STAFF),
    "orders.staff_note": ("POST", "/staff/orders/{order}/notes", STAFF),
    "orders.staff_packing_slip": ("GET", "/staff/orders/{order}/packing-slip", STAFF),
    "orders.staff_orders": ("GET", "/staff/orders", STAFF),
    "orders.staff_orders_csv": ("GET", "/staff/orders.csv", STAFF),
    "orders.staff_transfers": ("GET", "/staff/orders/transfers", STAFF),
    "orders.staff_transfer_received": ("POST", "/staff/orders/{order}/transfer-received", STAFF),
    # The producer's parts of orders: {fulfilment} is P1's part of {order}.
    "orders.portal_orders": ("GET", "/producer/orders", PORTAL),
    "orders.portal_orders_csv": ("GET", "/producer/orders.csv", PORTAL),
    "orders.portal_summary": ("GET", "/producer/orders/summary", PORTAL),
    "orders.portal_fulfilment": ("GET", "/producer/orders/{fulfilment}", P1_ONLY),
    "orders.portal_packing_slip": ("GET", "/producer/orders/{fulfilment}/packing-slip", P1_ONLY),
    "orders.portal_pack": ("POST", "/producer/orders/{fulfilment}/pack", P1_ONLY),
    "orders.portal_ship": ("POST", "/producer/orders/{fulfilment}/ship", P1_ONLY),
    "orders.portal_deliver": ("POST", "/producer/orders/{fulfilment}/deliver", P1_ONLY),
    # Card payment: the order's own pages; without its session (the order is paid on
    # delivery) the return page shows nothing; the webhook is Stripe's, off without keys.
    "payments.pay": ("POST", "/orders/{order}/pay-by-card", OWNER_OR_STAFF),
    "payments.card_return": ("GET", "/orders/{order}/card-return?session_id=cs_x", NOBODY),
    "payments.stripe_webhook": ("POST", "/payments/stripe/webhook", NOBODY),
    "payments.staff_refund": ("POST", "/staff/orders/{order}/refund", STAFF),
    # Wholesale: {pending_shop} is a shop application waiting for staff.
    "wholesale.apply": ("GET", "/wholesale/apply", SHOP_APPLY),
    "wholesale.application": ("GET", "/wholesale/application", SHOP_APPLY),
    "wholesale.staff_shops": ("GET", "/staff/shops", STAFF),
    "wholesale.staff_approve": ("POST", "/staff/shops/{pending_shop}/approve", STAFF),
    "wholesale.staff_reject": ("POST", "/staff/shops/{pending_shop}/reject", STAFF),
    "wholesale.staff_terms": ("POST", "/staff/shops/{pending_shop}/terms", STAFF),
    # A shop's own pages. {shop_quote} is S1's, asking for P1's product; {shop_order} is S1's.
    "wholesale.shop_home": ("GET", "/wholesale/", SHOP),
    "wholesale.shop_order_history": ("GET", "/wholesale/orders", SHOP),
    "wholesale.members_list": ("GET", "/wholesale/members", SHOP),
    "wholesale.invite_member": ("POST", "/wholesale/members/invite", SHOP),
    "wholesale.remove_member": ("POST", "/wholesale/members/{shop_member}/remove", S1_ONLY),
    "wholesale.revoke_invitation": (
        "POST",
        "/wholesale/invitations/{shop_invitation}/revoke",
        S1_ONLY,
    ),
    "wholesale.invitation": ("GET", "/wholesale/invitations/{invitation_token}", PUBLIC),
    "wholesale.accept_invitation": (
        "POST",
        "/wholesale/invitations/{invitation_token}/accept",
        SIGNED_IN,
    ),
    "wholesale.quick_order": ("GET", "/wholesale/quick-order", SHOP),
    "wholesale.quick_order_add": ("POST", "/wholesale/quick-order", SHOP),
    "wholesale.quick_order_template": ("GET", "/wholesale/quick-order/template.csv", SHOP),
    "wholesale.quick_order_upload": ("POST", "/wholesale/quick-order/upload", SHOP),
    "wholesale.quick_order_upload_again": ("GET", "/wholesale/quick-order/upload", SHOP),
    "wholesale.quotes_list": ("GET", "/wholesale/quotes", SHOP),
    "wholesale.quote_new": ("GET", "/wholesale/quotes/new", SHOP),
    "wholesale.quote_page": ("GET", "/wholesale/quotes/{shop_quote}", S1_ONLY),
    "wholesale.quote_decline": ("POST", "/wholesale/quotes/{shop_quote}/decline", S1_ONLY),
    "wholesale.quote_withdraw": ("POST", "/wholesale/quotes/{shop_quote}/withdraw", S1_ONLY),
    "wholesale.quote_accept_page": ("GET", "/wholesale/quotes/{shop_quote}/accept", S1_ONLY),
    # Producers answer the quotes that ask for their items, and set their wholesale tiers.
    "wholesale.portal_quotes": ("GET", "/producer/quotes", PORTAL),
    "wholesale.portal_quote": ("GET", "/producer/quotes/{shop_quote}", P1_ONLY),
    "wholesale.portal_tiers": ("GET", "/producer/wholesale", PORTAL),
    "wholesale.portal_item_terms": ("GET", "/producer/wholesale/products/{product}", P1_ONLY),
    "wholesale.portal_item_terms_remove": (
        "POST",
        "/producer/wholesale/products/{product}/remove",
        P1_ONLY,
    ),
    "wholesale.staff_quotes_list": ("GET", "/staff/quotes", STAFF),
    "wholesale.staff_quote": ("GET", "/staff/quotes/{shop_quote}", STAFF),
}

# More addresses of routes above whose rules depend on what they name.
MORE_CASES = [
    # Certificate scans are never public: only their producer and staff see them.
    ("GET", "/media/certificates/scan.pdf", dict.fromkeys(VISITORS, MISSING)),
    ("GET", "/media/products/../certificates/scan.pdf", dict.fromkeys(VISITORS, MISSING)),
    # A shop's order and its documents: its members and staff only.
    ("GET", "/orders/{shop_order}", SHOP_ORDER),
    ("GET", "/orders/{shop_order}/invoice?proforma=1", SHOP_ORDER),
    ("GET", "/orders/{shop_order}/invoice?download=1", SHOP_ORDER),
    ("POST", "/orders/{shop_order}/buy-again", SHOP_ORDER),
    ("POST", "/orders/{shop_order}/cancel", SHOP_ORDER),
]


def test_every_route_of_the_app_has_rules(app: Flask):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    known = {
        endpoint.removesuffix("_scan") if endpoint == "media_scan" else endpoint
        for endpoint in RULES
    }
    assert endpoints - known == set(), "routes without authorization rules"
    assert known - endpoints == set(), "rules for routes that no longer exist"


@dataclass
class World:
    ids: dict[str, object]
    users: dict[str, User | None]


@pytest.fixture
def world(app: Flask, db) -> World:
    """Two approved producers with a product, picture and pending certificate each; a
    pending applicant; one user per kind of visitor."""
    p1, p2 = ProducerFactory(slug="p1"), ProducerFactory(slug="p2")
    pending = ProducerFactory(slug="pending", status="pending")
    product = ProductFactory(producer=p1, slug="p1-rice", stars=4)
    honey = ProductFactory(producer=p2, slug="p2-honey", stars=3)
    heritage = HeritageFactory(slug="nga-bay")
    combo = ComboFactory(owner=p1, slug="p1-combo", heritage=heritage, parts=[(product, 1)])
    invitation = ComboFactory(owner=p2, slug="p2-combo", parts=[(honey, 1), (product, 1)])
    packaging = PackagingFactory(producer=p1)
    image = ImageFactory(product=product, path="products/picture.webp")
    certificate = CertificateFactory(
        product=product, verification=Verification.PENDING, scan_path="certificates/scan.pdf"
    )
    for path, content in (
        ("products/picture.webp", b"RIFF\x00\x00\x00\x00WEBP"),
        ("certificates/scan.pdf", b"%PDF-1.4 a scan"),
    ):
        (app.config["UPLOAD_DIR"] / path).parent.mkdir(parents=True, exist_ok=True)
        (app.config["UPLOAD_DIR"] / path).write_bytes(content)
    users: dict[str, User | None] = {
        "anonymous": None,
        "shopper": UserFactory(),
        "producer_p1": UserFactory(role=Role.PRODUCER, producer_id=p1.id),
        "producer_p2": UserFactory(role=Role.PRODUCER, producer_id=p2.id),
        "shop": UserFactory(),
        "shop_s2": UserFactory(),
        "staff": UserFactory(role=Role.STAFF),
    }
    s1 = approved_shop(users["shop"], name="Quà Quê S1")
    approved_shop(users["shop_s2"], name="Quà Quê S2")
    s1_member = shop_member(s1)
    db.session.add(
        ShopInvitation(
            shop_id=s1.id,
            email="invited@example.vn",
            token_hash=token_hash("matrix-invitation"),
            invited_by_id=users["shop"].id,
            expires_at=utcnow() + timedelta(days=7),
        )
    )
    wholesale(product, [(20, 1_000)], minimum=5)
    target = UserFactory()
    pending_shop = Shop(
        name="Quà Quê",
        tax_code="0312345678",
        kind=ShopKind.SOUVENIR_SHOP,
        province_code=p1.province_code,
        ward_code=p1.ward_code,
        address="1 Hai Bà Trưng",
        contact_name="Lan",
        contact_phone="+84912345678",
        applicant=target,
    )
    db.session.add(pending_shop)
    order = gift_order(combo, buyer=users["shopper"])
    shop_order = gift_order(combo, buyer=users["shop"])
    shop_order.shop_id = s1.id
    quote = ask(s1, [(product, 50)])
    db.session.commit()
    return World(
        ids={
            "product": product.id,
            "image": image.id,
            "certificate": certificate.id,
            "producer": p2.id,
            "pending_producer": pending.id,
            "user": target.id,
            "pending_shop": pending_shop.id,
            "slug": product.slug,
            "producer_slug": p1.slug,
            "combo": combo.id,
            "combo_slug": combo.slug,
            "invitation": invitation.id,
            "packaging": packaging.id,
            "heritage": heritage.id,
            "heritage_slug": heritage.slug,
            "order": order.number,
            "fulfilment": order.fulfilments[0].id,  # P1's: it owns the combo
            "shop_order": shop_order.number,
            "shop_quote": quote.number,
            "shop_member": s1_member.id,
            "shop_invitation": db.session.scalar(db.select(ShopInvitation.id)),
            "invitation_token": "matrix-invitation",
        },
        users=users,
    )


def _signed_in(app: Flask, user: User | None) -> FlaskClient:
    client = app.test_client()
    if user is not None:
        response = client.post(
            "/account/sign-in", data={"email": user.email, "password": USER_PASSWORD}
        )
        assert response.status_code == 302
    return client


def _outcome(response) -> str:
    if response.status_code == 403:
        return FORBIDDEN
    if response.status_code == 404:
        return MISSING
    if response.status_code in (301, 302, 303) and "/account/sign-in" in response.location:
        return SIGN_IN
    assert response.status_code < 400, f"status {response.status_code}"
    return OK


def _p1_state(db) -> tuple:
    product = db.session.get(Product, 1)
    certificates = db.session.scalars(db.select(OcopCertificate)).all()
    combos = db.session.scalars(db.select(Combo).order_by(Combo.id)).all()
    return (
        product.name,
        product.status,
        product.stock,
        product.price_vnd,
        len(product.images),
        sorted((c.id, c.verification) for c in certificates),
        [(c.name, c.status, c.hidden_reason, [p.consent for p in c.components]) for c in combos],
        [(i.name, i.price_vnd, i.stock) for i in db.session.scalars(db.select(PackagingItem))],
        [(h.name, h.story) for h in db.session.scalars(db.select(Heritage))],
        [(f.id, f.status, f.tracking_number) for f in db.session.scalars(db.select(Fulfilment))],
        [
            (s.id, s.status, s.decision_reason, s.payment_terms_days, s.credit_limit_vnd)
            for s in db.session.scalars(db.select(Shop))
        ],
        [
            (u.id, u.role, u.shop_id)
            for u in db.session.scalars(db.select(User).where(User.shop_id.is_not(None)))
        ],
        [
            (i.id, i.accepted_at, i.revoked_at)
            for i in db.session.scalars(db.select(ShopInvitation))
        ],
        [
            (q.id, q.status, q.order_id, [line.unit_price_vnd for line in q.lines])
            for q in db.session.scalars(db.select(Quote))
        ],
        [
            (o.id, o.min_quantity, [(t.min_quantity, t.unit_price_vnd) for t in o.tiers])
            for o in db.session.scalars(db.select(WholesaleOffer))
        ],
        [(o.number, o.status) for o in db.session.scalars(db.select(Order))],
    )


@pytest.mark.parametrize("visitor", VISITORS)
def test_each_visitor_gets_exactly_what_the_rules_allow(app, db, world, visitor):
    client = _signed_in(app, world.users[visitor])
    wrong = []
    for method, template, outcomes in [*RULES.values(), *MORE_CASES]:
        if outcomes[visitor] == OK and method == "POST":
            continue  # allowed changes are tested with their own data in their domains
        url = template.format(**world.ids)
        db.session.expire_all()
        before = _p1_state(db) if outcomes[visitor] != OK else None
        # Buffered: a streamed CSV is read (and closed) inside the request's own context.
        response = client.open(
            url, method=method, data={"reason": "x", "quantity": "1"}, buffered=True
        )
        got = _outcome(response)
        if got != outcomes[visitor]:
            wrong.append(f"{method} {url}: expected {outcomes[visitor]}, got {got}")
        if before is not None:
            db.session.expire_all()
            assert _p1_state(db) == before, f"{visitor} changed something via {url}"
    assert wrong == []


def _allowed_visitor(outcomes: dict[str, str]) -> str:
    for visitor in ("staff", "producer_p1", "shopper", "anonymous", "shop"):
        if outcomes[visitor] == OK:
            return visitor
    raise AssertionError("nobody may use this route")


# POST routes that a CSRF token cannot protect, and what protects them instead.
CSRF_EXEMPT = {"payments.stripe_webhook": "Stripe's signature (tests/payments/test_webhook.py)"}


def test_every_state_changing_route_refuses_a_missing_or_wrong_csrf_token(app, db, world):
    posts = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if "POST" in rule.methods and rule.endpoint not in CSRF_EXEMPT
    }
    assert posts, "no POST routes found"
    visitors = {_allowed_visitor(RULES[endpoint][2]) for endpoint in posts}
    app.config["WTF_CSRF_ENABLED"] = False  # signing in is not what is tested here
    clients = {visitor: _signed_in(app, world.users[visitor]) for visitor in visitors}
    app.config["WTF_CSRF_ENABLED"] = True
    accepted = []
    for endpoint in sorted(posts):
        _method, template, outcomes = RULES[endpoint]
        visitor = _allowed_visitor(outcomes)
        client = clients[visitor]
        url = template.format(**world.ids)
        db.session.expire_all()
        before = _p1_state(db)
        for token in (None, "wrong-token"):
            data = {"reason": "x", "quantity": "1", "email": "a@example.vn", "password": "x"}
            if token:
                data["csrf_token"] = token
            response = client.post(url, data=data)
            if response.status_code != 400:
                accepted.append(
                    f"{visitor} POST {url} with token {token!r}: {response.status_code}"
                )
        db.session.expire_all()
        assert _p1_state(db) == before, f"POST {url} changed something without a CSRF token"
    assert accepted == []
