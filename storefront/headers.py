"""Security headers on every response: a strict Content Security Policy and friends."""

from urllib.parse import urlsplit

from flask import Flask, Response, current_app

STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com"


def content_security_policy(config: dict) -> str:
    """The policy; forms may also lead to Stripe Checkout (a card order's "Place order"
    redirects there), or to the server STRIPE_API_BASE names, which serves its pages."""
    checkout = STRIPE_CHECKOUT_ORIGIN
    if config.get("STRIPE_API_BASE"):
        parts = urlsplit(config["STRIPE_API_BASE"])
        checkout = f"{parts.scheme}://{parts.netloc}"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            f"form-action 'self' {checkout}",
            "frame-ancestors 'none'",
        ]
    )


def _secure(response: Response) -> Response:
    response.headers.setdefault(
        "Content-Security-Policy", content_security_policy(current_app.config)
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    return response


def register_security_headers(app: Flask) -> None:
    app.after_request(_secure)
