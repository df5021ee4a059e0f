"""Public combo pages: the combos list, a combo's page and its heritage story."""

from flask import Blueprint

from storefront.combos import models  # noqa: F401  (the blueprint's views read them)

bp = Blueprint("combos", __name__)


# The producer portal (builder, invitations, packaging) and staff pages (moderation,
# heritage) register on this same blueprint.
from storefront.combos import portal_views, staff_views  # noqa: E402, F401
