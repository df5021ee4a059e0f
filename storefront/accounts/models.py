"""Users and their roles."""

import enum
import secrets
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


def new_session_token() -> str:
    """A fresh random token; a session is valid only while it carries the user's current one."""
    return secrets.token_urlsafe(32)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-cased
    name: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str | None] = mapped_column(String(16))  # E.164, e.g. +842933876543
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(str_enum(Role), default=Role.SHOPPER)
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id"), index=True)
    shop_id: Mapped[int | None] = mapped_column(ForeignKey("shops.id"), index=True)
    locale: Mapped[str] = mapped_column(String(5), default="vi")
    active: Mapped[bool] = mapped_column(default=True)
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    last_signed_in_at: Mapped[datetime | None]

    @property
    def is_active(self) -> bool:  # Flask-Login asks this; suspended users cannot sign in
        return self.active

    def get_id(self) -> str:
        """Flask-Login's session key: the id and the current session token together."""
        return f"{self.id}:{self.session_token}"

    def end_all_sessions(self) -> None:
        """Make every session that carries the old token anonymous on its next request."""
        self.session_token = new_session_token()
