"""The OCOP storefront: create_app() wires configuration, extensions and blueprints."""

import os
import posixpath

from flask import Flask, abort, current_app, send_from_directory, url_for
from werkzeug.wrappers import Response

from config import CONFIGS
from storefront.extensions import babel, csrf, db, limiter, login_manager, migrate
from storefront.headers import register_security_headers


def create_app(config: str | None = None, overrides: dict | None = None) -> Flask:
    """Build the app; `config` names a class in config.CONFIGS (default: $FLASK_CONFIG).

    `overrides` replace settings of that class (tests use it to pick their database).
    """
    name = config or os.environ.get("FLASK_CONFIG", "development")
    config_class = CONFIGS[name]
    app = Flask(
        __name__,
        template_folder="../templates",
        static_folder="../static",
        instance_relative_config=True,
    )
    app.config.from_object(config_class)
    app.config.update(config_class.from_environment())
    app.config.update(overrides or {})
    app.logger.setLevel(app.config["LOG_LEVEL"])
    register_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_security_headers(app)
    register_template_helpers(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    import storefront.sqlite_setup  # noqa: F401  (WAL and a busy timeout on SQLite)
    from storefront.i18n import init_i18n, select_locale
    from storefront.mail.hooks import init_mail

    db.init_app(app)
    migrate.init_app(
        app, db, directory=os.path.join(app.root_path, "..", "migrations"), render_as_batch=True
    )
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    login_manager.init_app(app)
    limiter.init_app(app)
    init_i18n(app)
    init_mail(app)

    from storefront.accounts.sessions import init_sessions

    init_sessions(app)

    from storefront.cart.current import init_cart

    init_cart(app)


def register_blueprints(app: Flask) -> None:
    from storefront.accounts.views import bp as accounts_bp
    from storefront.api.views import bp as api_bp
    from storefront.cart.views import bp as cart_bp
    from storefront.catalog.uploads import is_private
    from storefront.catalog.views import bp as catalog_bp
    from storefront.checkout.views import bp as checkout_bp
    from storefront.combos.views import bp as combos_bp
    from storefront.inventory.views import bp as inventory_bp
    from storefront.orders.views import bp as orders_bp
    from storefront.payments.views import bp as payments_bp
    from storefront.producers.views import bp as producers_bp
    from storefront.wholesale.views import bp as wholesale_bp

    app.register_blueprint(catalog_bp)
    app.register_blueprint(producers_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(inventory_bp)
    app.register_blueprint(combos_bp)
    app.register_blueprint(cart_bp)
    app.register_blueprint(checkout_bp)
    app.register_blueprint(orders_bp)
    app.register_blueprint(payments_bp)
    app.register_blueprint(wholesale_bp)
    csrf.exempt(api_bp)

    @app.get("/healthz")
    def healthz() -> Response:
        return Response("ok", mimetype="text/plain")

    @app.get("/media/<path:filename>")
    def media(filename: str) -> Response:
        if is_private(posixpath.normpath(filename)):  # certificate scans: see catalog views
            abort(404)
        return send_from_directory(app.config["UPLOAD_DIR"], filename, max_age=7 * 24 * 3600)


def register_error_handlers(app: Flask) -> None:
    from storefront.errors import register_error_handlers as register

    register(app)


def url_if_exists(endpoint: str, **values: object) -> str | None:
    """The address of `endpoint`, or None when the app has no such page (yet)."""
    return url_for(endpoint, **values) if endpoint in current_app.view_functions else None


def register_template_helpers(app: Flask) -> None:
    from storefront.accounts.contact import display_phone
    from storefront.catalog.facets import category_tree
    from storefront.money import format_vnd

    app.jinja_env.filters["vnd"] = format_vnd
    app.jinja_env.filters["phone"] = display_phone
    app.jinja_env.globals["url_if_exists"] = url_if_exists
    # The header's category menu on pages whose view does not pass `categories`.
    app.jinja_env.globals["category_tree"] = category_tree


def register_commands(app: Flask) -> None:
    from storefront.cli import register

    register(app)
