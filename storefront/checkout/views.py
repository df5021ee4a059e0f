"""Pages of the checkout."""

from flask import Blueprint

from storefront.checkout import placing  # noqa: F401  (its models: the shipping table)

bp = Blueprint("checkout", __name__)
