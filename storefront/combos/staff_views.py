"""(being written)"""

from storefront.combos.views import bp  # noqa: F401
