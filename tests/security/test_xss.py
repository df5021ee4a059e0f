"""Hostile text in product, producer and story fields renders inert on every page showing it."""

from html.parser import HTMLParser

import pytest

from tests.factories import (
    CategoryFactory,
    ComboFactory,
    ImageFactory,
    ProducerFactory,
    ProductFactory,
)

VECTORS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<a href='jaVasCript:alert(1)'>x</a>",
    "[x](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<iframe src=javascript:alert(1)></iframe>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<marquee onstart=alert(1)>",
    "{{ 7*7 }}<script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<!--<img src=--><img src=x onerror=alert(1)//-->",
]
WRAPPERS = ["{}", "Gạo {} Vị Thủy", "**{}**", "> {}", "- {}\n- x"]
PAYLOADS = [wrapper.format(vector) for vector in VECTORS for wrapper in WRAPPERS]


URL_ATTRIBUTES = ("href", "src", "action", "data", "formaction")


class _ActiveContent(HTMLParser):
    """Collects what a browser would run: scripts (other than ours), handlers, js: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script" and not (attributes.get("src") or "").startswith("/static/"):
            self.found.append(f"<script {attributes}>")
        if tag in ("iframe", "object", "embed", "style", "base"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            url = (value or "").strip().lower().replace("\x00", "")
            if name in URL_ATTRIBUTES and url.startswith(("javascript:", "data:text")):
                self.found.append(f"<{tag} {name}={value}>")


def active_content(html: str) -> list[str]:
    parser = _ActiveContent()
    parser.feed(html)
    return parser.found


def test_there_are_over_a_hundred_payloads():
    assert len(PAYLOADS) >= 100


@pytest.fixture
def hostile_shop(db):
    """One product and producer per payload, every text field carrying it."""
    category = CategoryFactory(name="Danh mục <b>", name_en="Category <i>")
    for n, payload in enumerate(PAYLOADS):
        producer = ProducerFactory(name=f"P{n} {payload}", story=payload, address=payload)
        product = ProductFactory(
            slug=f"x{n}",
            name=f"Sản phẩm {n} {payload}",
            name_en=payload,
            unit=payload[:60],
            description=payload,
            story=payload,
            producer=producer,
            category=category,
            stars=4,
        )
        ImageFactory(product=product, alt=payload[:200])
    db.session.commit()


def test_hostile_text_is_inert_on_every_public_page(client, hostile_shop, db):
    from storefront.producers.models import Producer

    pages = [
        "/",
        "/?lang=en",
        "/catalog/?per_page=100",
        "/catalog/?per_page=100&page=2",
        "/catalog/?q=script",
        "/catalog/?q=%3Cscript%3E",
    ]
    pages += [f"/catalog/products/x{n}" for n in range(len(PAYLOADS))]
    pages += [f"/producers/{p.slug}" for p in db.session.scalars(db.select(Producer))]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert active_content(response.get_data(as_text=True)) == [], page


def test_hostile_text_comes_back_from_the_api_as_plain_json_strings(client, hostile_shop):
    response = client.get("/api/v1/products?per_page=100")
    assert response.mimetype == "application/json"
    names = [item["name"] for item in response.get_json()["items"]]
    assert any("<script>alert(1)</script>" in name for name in names)


def test_hostile_text_is_inert_in_the_portal_and_the_back_office(app, client, hostile_shop, db):
    from storefront.accounts.models import Role
    from storefront.catalog.models import Verification
    from storefront.producers.models import Producer, ProducerStatus
    from tests.factories import USER_PASSWORD, CertificateFactory, UserFactory

    producer = db.session.scalars(db.select(Producer)).first()
    for product in producer_products(db, producer):
        CertificateFactory(
            product=product, verification=Verification.PENDING, decision_number=PAYLOADS[7][:60]
        )
    pending = ProducerFactory(name=PAYLOADS[3], story=PAYLOADS[4], status=ProducerStatus.PENDING)
    member = UserFactory(role=Role.PRODUCER, producer_id=producer.id, name=PAYLOADS[1][:120])
    UserFactory(role=Role.PRODUCER, producer_id=pending.id, name=PAYLOADS[2][:120])
    staff = UserFactory(role=Role.STAFF, name=PAYLOADS[0][:120])
    db.session.commit()
    product_ids = [p.id for p in producer_products(db, producer)]
    pages_of = {
        member: ["/producer/", "/producer/products", "/producer/stock", "/producer/certificates"]
        + [f"/producer/products/{n}" for n in product_ids],
        staff: [
            "/staff/producers",
            "/staff/producers/applications",
            "/staff/certificates",
            "/staff/users",
            "/staff/producers?q=script",
        ],
    }
    for user, pages in pages_of.items():
        visitor = app.test_client()
        signed_in = visitor.post(
            "/account/sign-in", data={"email": user.email, "password": USER_PASSWORD}
        )
        assert signed_in.status_code == 302
        for page in pages:
            response = visitor.get(page)
            assert response.status_code == 200, page
            assert active_content(response.get_data(as_text=True)) == [], page


def producer_products(db, producer):
    from storefront.catalog.models import Product

    return db.session.scalars(db.select(Product).where(Product.producer_id == producer.id))


@pytest.fixture
def hostile_combos(db, hostile_shop):
    """One heritage entry, packaging item and combo per payload, every text field carrying
    it; each combo holds its own producer's hostile product, so it is on sale."""
    from storefront.catalog.models import Product
    from storefront.combos.models import ComboOccasion, ComboPackaging, Occasion
    from tests.factories import HeritageFactory, PackagingFactory

    for n, payload in enumerate(PAYLOADS):
        product = db.session.scalars(db.select(Product).where(Product.slug == f"x{n}")).one()
        heritage = HeritageFactory(
            slug=f"h{n}", name=f"Di sản {n} {payload}"[:200], story=payload, story_en=payload
        )
        combo = ComboFactory(
            slug=f"c{n}",
            owner=product.producer,
            heritage=heritage,
            name=f"Combo {n} {payload}"[:200],
            name_en=payload[:200],
            story=payload,
            story_en=payload,
            parts=[(product, 1)],
        )
        box = PackagingFactory(producer=product.producer, name=payload[:120], name_en=payload[:120])
        combo.packaging.append(ComboPackaging(item=box, position=0))
        combo.occasions.append(ComboOccasion(occasion=Occasion.TET))
    db.session.commit()


def test_hostile_text_is_inert_on_every_combo_page(client, hostile_combos):
    pages = ["/", "/combos/?per_page=100", "/combos/?q=script", "/catalog/?q=script"]
    for n in range(len(PAYLOADS)):
        pages += [f"/combos/c{n}", f"/combos/c{n}/story-card", f"/combos/heritage/h{n}"]
    for page in pages:
        for language in ("vi", "en"):
            response = client.get(page, headers={"Cookie": f"lang={language}"})
            assert response.status_code == 200, page
            assert active_content(response.get_data(as_text=True)) == [], page


def test_hostile_combo_text_is_inert_in_the_portal_and_the_back_office(app, hostile_combos, db):
    from storefront.accounts.models import Role
    from storefront.combos.models import Combo, Heritage
    from tests.factories import USER_PASSWORD, UserFactory

    combos = db.session.scalars(db.select(Combo).order_by(Combo.id)).all()
    owner = combos[0].owner
    # A partner's product in the first combo, so the partner has a hostile invitation.
    partner_combo = ComboFactory(
        owner=combos[1].owner, parts=[(combos[0].components[0].product, 1)]
    )
    member = UserFactory(role=Role.PRODUCER, producer_id=owner.id)
    staff = UserFactory(role=Role.STAFF)
    db.session.commit()
    heritage_id = db.session.scalars(db.select(Heritage.id)).first()
    pages_of = {
        member: [
            "/producer/combos",
            "/producer/invitations",
            "/producer/packaging",
            f"/producer/combos/{combos[0].id}",
            "/producer/combos/new?q=script",
        ],
        staff: [
            "/staff/combos",
            "/staff/combos?q=script",
            "/staff/heritage",
            f"/staff/heritage/{heritage_id}",
            f"/staff/combos/{partner_combo.id}/edit",
        ],
    }
    for user, pages in pages_of.items():
        visitor = app.test_client()
        signed_in = visitor.post(
            "/account/sign-in", data={"email": user.email, "password": USER_PASSWORD}
        )
        assert signed_in.status_code == 302
        for page in pages:
            response = visitor.get(page)
            assert response.status_code == 200, page
            assert active_content(response.get_data(as_text=True)) == [], page
