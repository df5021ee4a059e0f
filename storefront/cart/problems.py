"""A cart line's problem in words, as the cart page and checkout say it to the buyer."""

from flask_babel import gettext as _

from storefront.cart.pricing import LineProblem, PricedLine
from storefront.i18n import localized


def problem_text(line: PricedLine) -> str | None:
    """ "Sold out", "Only 2 left", "Certificate expired: Mật ong U Minh"...; None when the
    line can be bought as it is."""
    problem = line.problem
    about = f": {localized(line.about, 'name')}" if line.about is not None else ""
    if problem is None:
        return None
    if problem is LineProblem.NO_LONGER_SOLD:
        return _("No longer sold") + about
    if problem is LineProblem.NOT_CERTIFIED:
        return _("Not OCOP certified now") + about
    if problem is LineProblem.CERTIFICATE_EXPIRED:
        return _("OCOP certificate expired") + about
    if problem is LineProblem.SOLD_OUT:
        return _("Sold out")
    if problem is LineProblem.ONLY_FEW_LEFT:
        return _("Only %(count)d left", count=line.available)
    if problem is LineProblem.PACKAGING_UNAVAILABLE:
        return _("This packaging is no longer offered: choose another")
    if problem is LineProblem.BELOW_MINIMUM:
        minimum = line.terms.min_quantity if line.terms else 1
        return _("Order at least %(count)d for the wholesale price", count=minimum)
    if problem is LineProblem.WRAP_UNAVAILABLE:
        return _("This gift wrapping is no longer offered")
    return _("Not enough in stock for all your lines") + about
