"""A shop's details as its VAT invoices are made out: the checkout's first answers."""

from storefront.wholesale.models import Shop


def invoice_details_of(shop: Shop) -> dict[str, str]:
    """The checkout form's VAT fields, filled from the shop's registration."""
    return {
        "vat_company_name": shop.name,
        "vat_tax_code": shop.tax_code,
        "vat_address": f"{shop.address}, {shop.locality}",
    }
