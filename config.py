"""Configuration classes. Secrets come only from the environment."""

import os
from pathlib import Path
from typing import ClassVar

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = BASE_DIR / "instance"


class Config:
    SECRET_KEY: str | None = os.environ.get("SECRET_KEY", "dev-only-not-secret")
    SQLALCHEMY_DATABASE_URI: str | None = os.environ.get(
        "DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'storefront.db'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {"pool_pre_ping": True}
    UPLOAD_DIR = Path(os.environ.get("UPLOAD_DIR", INSTANCE_DIR / "uploads"))
    BABEL_DEFAULT_LOCALE = "vi"
    BABEL_DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "storefront" / "translations")
    LANGUAGES = ("vi", "en")
    STORE_TIMEZONE = "Asia/Ho_Chi_Minh"
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
    CATALOG_PER_PAGE = 24
    API_MAX_PER_PAGE = 100
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None
    # Uploads are checked one by one (pictures 5 MB, scans 10 MB); this stops anything
    # larger before it is read at all.
    MAX_CONTENT_LENGTH = 12 * 1024 * 1024
    # The store's public address, for links in e-mails sent outside a request.
    STORE_URL = os.environ.get("STORE_URL", "http://127.0.0.1:5000")
    # Mail: "file" writes each message to the log and to instance/mail/ (development);
    # "smtp" sends through MAIL_SERVER. Messages wait in the outbox table until sent.
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "file")
    MAIL_DIR = Path(os.environ.get("MAIL_DIR", INSTANCE_DIR / "mail"))
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "127.0.0.1")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "") == "1"
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Chợ OCOP <no-reply@localhost>")
    MAIL_TIMEOUT_SECONDS = 10
    # Sessions: staff and producer sessions end after this long without a request.
    IDLE_TIMEOUT_MINUTES = 30
    # Rate limits (Flask-Limiter): in memory unless REDIS_URL points at a Redis server.
    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL", "memory://")
    RATELIMIT_HEADERS_ENABLED = True

    # Checkout. Shipping is free from this order total (None: never); cash on delivery is
    # offered up to this total (None: no limit).
    FREE_SHIPPING_ABOVE_VND: int | None = int(os.environ.get("FREE_SHIPPING_ABOVE_VND", "1000000"))
    COD_LIMIT_VND: int | None = int(os.environ.get("COD_LIMIT_VND", "5000000"))
    # The operator as the seller on invoices.
    SELLER_NAME = os.environ.get("SELLER_NAME", "Công ty TNHH Chợ OCOP")
    SELLER_TAX_CODE = os.environ.get("SELLER_TAX_CODE", "")
    SELLER_ADDRESS = os.environ.get("SELLER_ADDRESS", "Phường Vị Thanh, Thành phố Cần Thơ")
    SELLER_PHONE = os.environ.get("SELLER_PHONE", "")
    # Bank transfer: the operator's account (VietQR needs the bank's BIN), and how long an
    # unpaid order keeps its stock before `flask orders release-expired` cancels it.
    BANK_NAME = os.environ.get("BANK_NAME", "Vietcombank")
    BANK_BIN = os.environ.get("BANK_BIN", "970436")
    BANK_ACCOUNT_NUMBER = os.environ.get("BANK_ACCOUNT_NUMBER", "0011004567890")
    BANK_ACCOUNT_NAME = os.environ.get("BANK_ACCOUNT_NAME", "CONG TY CHO OCOP")
    BANK_TRANSFER_HOLD_HOURS = int(os.environ.get("BANK_TRANSFER_HOLD_HOURS", "72"))
    # Card payment through Stripe Checkout, offered only when both secrets are set. The
    # API base points the library at another server speaking Stripe's API (the tests').
    STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY")
    STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET")
    STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE")
    STRIPE_TIMEOUT_SECONDS = 10
    STRIPE_NETWORK_RETRIES = 2

    @classmethod
    def from_environment(cls) -> dict:
        """Settings read from the environment when the app is created (not at import)."""
        return {}


class DevelopmentConfig(Config):
    DEBUG = True


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "testing-only"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False
    MAIL_BACKEND = "smtp"  # tests that read mail start an aiosmtpd server and set MAIL_PORT
    MAIL_PORT = 1  # nothing listens here unless a test says so: mail stays in the outbox
    RATELIMIT_STORAGE_URI = "memory://"
    # No card payment unless a test starts the fake Stripe and sets these.
    STRIPE_SECRET_KEY = None
    STRIPE_WEBHOOK_SECRET = None
    STRIPE_API_BASE = None


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "smtp")

    @classmethod
    def from_environment(cls) -> dict:
        """Raises RuntimeError naming what is missing: production never runs on defaults."""
        missing = [name for name in ("SECRET_KEY", "DATABASE_URL") if not os.environ.get(name)]
        if missing:
            raise RuntimeError(f"Production needs {', '.join(missing)} in the environment")
        return {
            "SECRET_KEY": os.environ["SECRET_KEY"],
            "SQLALCHEMY_DATABASE_URI": os.environ["DATABASE_URL"],
        }


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
