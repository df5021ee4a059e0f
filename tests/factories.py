"""factory_boy factories for the catalogue: a certified product is one call away."""

import functools
from datetime import timedelta

import factory
from factory.alchemy import SQLAlchemyModelFactory

from storefront.accounts.models import Role, User
from storefront.accounts.passwords import hash_password
from storefront.catalog.models import (
    Category,
    IssuingBody,
    OcopCertificate,
    Product,
    ProductImage,
    ProductStatus,
    Verification,
)
from storefront.catalog.search import index_product
from storefront.clock import today_in_vietnam
from storefront.combos.models import (
    Combo,
    ComboComponent,
    ComboKind,
    ComboStatus,
    Consent,
    Heritage,
    HeritageKind,
    PackagingItem,
    PackagingKind,
    PriceMode,
)
from storefront.combos.search import index_combo
from storefront.extensions import db
from storefront.producers.models import Producer, ProducerKind, ProducerStatus

VI_THANH_WARD = 31321  # Phường Vị Thanh, Thành phố Cần Thơ (92)
CAN_THO = 92


class _Base(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "flush"


class ProducerFactory(_Base):
    class Meta:
        model = Producer

    name = factory.Sequence(lambda n: f"Hợp tác xã Nông sản {n}")
    slug = factory.Sequence(lambda n: f"htx-nong-san-{n}")
    kind = ProducerKind.COOPERATIVE
    province_code = CAN_THO
    ward_code = VI_THANH_WARD
    address = "12 Trần Hưng Đạo"
    phone = "0293 3876 543"
    story = "Một hợp tác xã ven kênh xáng Xà No."
    status = ProducerStatus.APPROVED


class CategoryFactory(_Base):
    class Meta:
        model = Category

    slug = factory.Sequence(lambda n: f"danh-muc-{n}")
    name = factory.Sequence(lambda n: f"Danh mục {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")


class ProductFactory(_Base):
    """An active product; pass `stars=` to give it a verified, valid certificate."""

    class Meta:
        model = Product

    producer = factory.SubFactory(ProducerFactory)
    category = factory.SubFactory(CategoryFactory)
    name = factory.Sequence(lambda n: f"Sản phẩm {n}")
    slug = factory.Sequence(lambda n: f"san-pham-{n}")
    unit = "hộp 500 g"
    price_vnd = 100_000
    weight_grams = 500
    stock = 50
    status = ProductStatus.ACTIVE

    @factory.post_generation
    def stars(product: Product, create: bool, stars: int | None) -> None:
        if stars:
            CertificateFactory(product=product, stars=stars)

    @factory.post_generation
    def indexed(product: Product, create: bool, extracted: object) -> None:
        db.session.flush()
        index_product(product)


class CertificateFactory(_Base):
    """Verified, issued a year ago, valid for 36 months."""

    class Meta:
        model = OcopCertificate

    product = factory.SubFactory(ProductFactory)
    stars = 4
    decision_number = factory.Sequence(lambda n: f"{1000 + n}/QĐ-UBND")
    issuing_body = IssuingBody.PROVINCIAL
    issued_on = factory.LazyFunction(lambda: today_in_vietnam() - timedelta(days=365))
    verification = Verification.VERIFIED


class ImageFactory(_Base):
    class Meta:
        model = ProductImage

    product = factory.SubFactory(ProductFactory)
    path = factory.Sequence(lambda n: f"products/p{n}.webp")
    width = 640
    height = 640
    alt = "Ảnh sản phẩm"


USER_PASSWORD = "mekong lotus pond at dawn"


@functools.cache
def _user_password_hash() -> str:
    """Hashed once per run: Argon2id is slow on purpose."""
    return hash_password(USER_PASSWORD)


class UserFactory(_Base):
    """A shopper whose password is USER_PASSWORD; pass `role=` (and `producer_id=`)."""

    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.vn")
    name = factory.Sequence(lambda n: f"Nguyễn Thị Lan {n}")
    role = Role.SHOPPER
    locale = "vi"
    password_hash = factory.LazyFunction(_user_password_hash)


class HeritageFactory(_Base):
    class Meta:
        model = Heritage

    slug = factory.Sequence(lambda n: f"di-san-{n}")
    name = factory.Sequence(lambda n: f"Chợ nổi {n}")
    name_en = factory.Sequence(lambda n: f"Floating market {n}")
    kind = HeritageKind.FLOATING_MARKET
    province_code = CAN_THO
    ward_code = VI_THANH_WARD
    story = "Ghe xuồng họp chợ từ tờ mờ sáng."
    story_en = "Boats gather for the market before dawn."


class PackagingFactory(_Base):
    class Meta:
        model = PackagingItem

    producer = factory.SubFactory(ProducerFactory)
    kind = PackagingKind.GIFT_BOX
    name = factory.Sequence(lambda n: f"Hộp quà lục bình {n}")
    name_en = factory.Sequence(lambda n: f"Water hyacinth gift box {n}")
    price_vnd = 35_000
    stock = 40


class ComboFactory(_Base):
    """A published gift combo at 10 % off; pass `parts=[(product, quantity), ...]`.

    Each part becomes a component, accepted when the product is the owner's own, else
    pending unless `consent=` says otherwise.
    """

    class Meta:
        model = Combo

    owner = factory.SubFactory(ProducerFactory)
    slug = factory.Sequence(lambda n: f"combo-qua-{n}")
    name = factory.Sequence(lambda n: f"Combo quà Tết {n}")
    name_en = factory.Sequence(lambda n: f"Tết gift combo {n}")
    kind = ComboKind.GIFT_COMBO
    price_mode = PriceMode.PERCENT_OFF
    percent_off = 10
    story = "Quà quê **Hậu Giang**."
    status = ComboStatus.PUBLISHED

    @factory.post_generation
    def parts(combo: Combo, create: bool, parts: list | None, **kwargs: object) -> None:
        consent = kwargs.get("consent")
        for position, (product, quantity) in enumerate(parts or []):
            own = product.producer_id == combo.owner.id
            combo.components.append(
                ComboComponent(
                    product=product,
                    producer_id=product.producer_id,
                    quantity=quantity,
                    position=position,
                    consent=Consent.ACCEPTED if own else consent or Consent.PENDING,
                )
            )
        db.session.flush()
        index_combo(combo)


def expire(product: Product) -> None:
    """Give the product only certificates whose last day was yesterday."""
    today = today_in_vietnam()
    for certificate in product.certificates:
        certificate.issued_on = today - timedelta(days=1000)
        certificate.expires_on = today
