"""The choices the catalogue's filter panel offers."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlalchemy.orm.attributes import set_committed_value
from vietnam_provinces import Province, ProvinceCode, Ward, WardCode

from storefront.catalog.certification import listed_products
from storefront.catalog.models import Category, Product
from storefront.extensions import db
from storefront.producers.models import Producer


@dataclass(frozen=True)
class Locality:
    province_code: int
    province_name: str
    ward_code: int
    ward_name: str


def category_tree() -> list[Category]:
    """Top-level categories with their children, in one query."""
    categories = db.session.scalars(select(Category).order_by(Category.position)).all()
    children: dict[int, list[Category]] = {}
    for category in categories:
        if category.parent_id is not None:
            children.setdefault(category.parent_id, []).append(category)
    for category in categories:
        # Fill the relationship from what is loaded so templates never query per category.
        set_committed_value(category, "children", children.get(category.id, []))
    return [c for c in categories if c.parent_id is None]


def localities(today: date) -> list[Locality]:
    """Wards (with their provinces) that have at least one listed product, by name."""
    owner = aliased(Producer)
    lists_something = (
        listed_products(today)
        .with_only_columns(Product.id)
        .where(Product.producer_id == owner.id)
        .exists()
    )
    rows = db.session.execute(
        select(owner.province_code, owner.ward_code).where(lists_something).distinct()
    ).all()
    found = [
        Locality(
            province_code=p,
            province_name=Province.from_code(ProvinceCode(p)).name,
            ward_code=w,
            ward_name=Ward.from_code(WardCode(w)).name,
        )
        for p, w in rows
    ]
    return sorted(found, key=lambda loc: (loc.province_name, loc.ward_name))
