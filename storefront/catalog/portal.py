"""What the producer portal shows: a producer's own products, their certificates and stock,
and the list of what needs doing. Every query is scoped to the producer."""

import enum
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from storefront.catalog.models import (
    OcopCertificate,
    Product,
    ProductStatus,
    Verification,
)
from storefront.extensions import db
from storefront.producers.models import Producer

LOW_STOCK = 10
SOON_DAYS = 90
VERY_SOON_DAYS = 30


class CertificateState(enum.StrEnum):
    """A product's certification as the portal shows it."""

    NONE = "none"  # nothing verified yet
    VALID = "valid"
    EXPIRING = "expiring"  # within SOON_DAYS
    EXPIRING_SOON = "expiring_soon"  # within VERY_SOON_DAYS
    EXPIRED = "expired"


class TaskKind(enum.StrEnum):
    RENEW_EXPIRED = "renew_expired"
    RENEW_SOON = "renew_soon"
    SUBMIT_CERTIFICATE = "submit_certificate"
    RESUBMIT_REJECTED = "resubmit_rejected"
    AWAITING_STAFF = "awaiting_staff"
    RESTOCK = "restock"
    LOW_STOCK = "low_stock"


@dataclass(frozen=True)
class ProductStanding:
    """One product of the portal with its certificate situation on `today`."""

    product: Product
    state: CertificateState
    days_left: int | None  # of the current certificate
    pending: list[OcopCertificate]
    latest_rejected: OcopCertificate | None  # when nothing was submitted since

    @property
    def certificate(self) -> OcopCertificate | None:
        return self.product.current_certificate


@dataclass(frozen=True)
class Task:
    kind: TaskKind
    standing: ProductStanding


@dataclass
class Overview:
    standings: list[ProductStanding]
    expiring_90: list[ProductStanding] = field(default_factory=list)
    expiring_30: list[ProductStanding] = field(default_factory=list)
    out_of_stock: list[ProductStanding] = field(default_factory=list)
    low_stock: list[ProductStanding] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)


def own_products(producer: Producer) -> list[Product]:
    """The producer's products (archived last), each with its category, current and other
    certificates loaded: three queries whatever their number."""
    return list(
        db.session.scalars(
            select(Product)
            .where(Product.producer_id == producer.id)
            .order_by(Product.status == ProductStatus.ARCHIVED, Product.name, Product.id)
            .options(
                joinedload(Product.category),
                joinedload(Product.current_certificate),
                selectinload(Product.certificates),
                joinedload(Product.cover),
            )
        ).unique()
    )


def find_own_product(producer: Producer, product_id: int) -> Product | None:
    """The producer's product with this id; None for another producer's (or no) product."""
    return db.session.scalar(
        select(Product)
        .where(Product.id == product_id, Product.producer_id == producer.id)
        .options(selectinload(Product.images), joinedload(Product.category))
    )


def standing(product: Product, *, today: date) -> ProductStanding:
    """Where the product's certification stands today."""
    current = product.current_certificate
    days_left = (current.expires_on - today).days if current else None
    if current is None:
        state = CertificateState.NONE
    elif days_left is not None and days_left <= 0:
        state = CertificateState.EXPIRED
    elif days_left is not None and days_left <= VERY_SOON_DAYS:
        state = CertificateState.EXPIRING_SOON
    elif days_left is not None and days_left <= SOON_DAYS:
        state = CertificateState.EXPIRING
    else:
        state = CertificateState.VALID
    ordered = sorted(product.certificates, key=lambda c: (c.created_at, c.id or 0))
    pending = [c for c in ordered if c.verification is Verification.PENDING]
    last = ordered[-1] if ordered else None
    rejected = last if last and last.verification is Verification.REJECTED else None
    return ProductStanding(product, state, days_left, pending, rejected)


def _certificate_task(item: ProductStanding) -> TaskKind | None:
    if item.pending:
        return TaskKind.AWAITING_STAFF
    if item.latest_rejected is not None and item.state is not CertificateState.VALID:
        return TaskKind.RESUBMIT_REJECTED
    return {
        CertificateState.NONE: TaskKind.SUBMIT_CERTIFICATE,
        CertificateState.EXPIRED: TaskKind.RENEW_EXPIRED,
        CertificateState.EXPIRING_SOON: TaskKind.RENEW_SOON,
        CertificateState.EXPIRING: TaskKind.RENEW_SOON,
    }.get(item.state)


def overview(producer: Producer, *, today: date) -> Overview:
    """The portal's home: every product's standing, what expires, what runs out, what to do.

    Archived products are listed but raise no task.
    """
    result = Overview([standing(p, today=today) for p in own_products(producer)])
    for item in result.standings:
        if item.product.status is ProductStatus.ARCHIVED:
            continue
        if item.state is CertificateState.EXPIRING_SOON:
            result.expiring_30.append(item)
        if item.state in (CertificateState.EXPIRING, CertificateState.EXPIRING_SOON):
            result.expiring_90.append(item)
        if item.product.stock <= 0:
            result.out_of_stock.append(item)
        elif item.product.stock <= LOW_STOCK:
            result.low_stock.append(item)
        task = _certificate_task(item)
        if task is not None:
            result.tasks.append(Task(task, item))
    stock_tasks = [Task(TaskKind.RESTOCK, item) for item in result.out_of_stock] + [
        Task(TaskKind.LOW_STOCK, item) for item in result.low_stock
    ]
    urgency = list(TaskKind)
    result.tasks = sorted(result.tasks + stock_tasks, key=lambda t: urgency.index(t.kind))
    return result
