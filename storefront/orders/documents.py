"""What the order's printed documents need beyond the order: the seller, as configured."""

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Seller:
    name: str
    tax_code: str
    address: str
    phone: str

    @classmethod
    def from_config(cls, config: Mapping) -> "Seller":
        return cls(
            name=config["SELLER_NAME"],
            tax_code=config["SELLER_TAX_CODE"],
            address=config["SELLER_ADDRESS"],
            phone=config["SELLER_PHONE"],
        )
