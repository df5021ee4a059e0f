"""A shop member's first answers at checkout (the cart's, or an accepted quote's): their
contact, the shop's address (the goods go to the shop unless the member changes it) and
the business its VAT invoice is made out to."""

from storefront.accounts.contact import display_phone
from storefront.accounts.models import User
from storefront.wholesale.models import Shop


def checkout_answers_of(shop: Shop, user: User, *, province: str | None = None) -> dict[str, str]:
    """The checkout form's first answers; `province` (the page's `?province=`) replaces
    the shop's province, and then no ward is chosen yet."""
    answers = {
        "name": user.name or shop.contact_name,
        "email": user.email,
        "phone": display_phone(user.phone or shop.contact_phone),
        "province": str(shop.province_code),
        "ward": str(shop.ward_code),
        "street": shop.address,
        "vat_company_name": shop.name,
        "vat_tax_code": shop.tax_code,
        "vat_address": f"{shop.address}, {shop.locality}",
    }
    if province is not None:
        answers["province"] = province
        answers.pop("ward")
    return answers
