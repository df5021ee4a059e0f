"""Users and their roles. Sign-up and sign-in arrive with the accounts issue."""

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from storefront.clock import utcnow
from storefront.columns import str_enum
from storefront.extensions import db


class Role(enum.StrEnum):
    SHOPPER = "shopper"
    PRODUCER = "producer"
    SHOP = "shop"
    STAFF = "staff"


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(str_enum(Role), default=Role.SHOPPER)
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id"), index=True)
    locale: Mapped[str] = mapped_column(String(5), default="vi")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def is_active(self) -> bool:  # Flask-Login asks this; suspended users cannot sign in
        return self.active
