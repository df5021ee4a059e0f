"""What the checkout pages can tell the buyer before placing: whether cash on delivery is
still possible, and how far the cart is from free shipping. Placing checks the rules itself;
these only shape what the pages offer."""

from storefront.checkout.placing import CheckoutRules


def cash_on_delivery_possible(subtotal_vnd: int, rules: CheckoutRules) -> bool:
    """False once the items alone pass the limit: shipping only adds to the total."""
    return rules.cod_limit_vnd is None or subtotal_vnd <= rules.cod_limit_vnd


def free_shipping_gap(subtotal_vnd: int, rules: CheckoutRules) -> int | None:
    """How many đồng more of items would ship free; None when it already does or never does."""
    threshold = rules.free_shipping_above_vnd
    if threshold is None or subtotal_vnd >= threshold:
        return None
    return threshold - subtotal_vnd
