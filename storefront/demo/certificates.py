"""The demo's OCOP decisions: provincial council rounds dated back from today, and 2020's.

A council recognises many products in one decision, so products share decision numbers.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from storefront.catalog.models import CERTIFICATE_MONTHS, IssuingBody, Verification, add_months

PROVINCIAL = "QĐ-UBND"
CENTRAL = "QĐ-BNN-VPĐP"  # the central OCOP coordination office under the agriculture ministry
ROUNDS = 10
DAYS_BETWEEN_ROUNDS = 88  # about a quarter: ten rounds span the last 30 months


@dataclass(frozen=True)
class Decision:
    number: str
    issued_on: date


def _decision(day: date, office: str, rng: random.Random) -> Decision:
    """Numbered as an office numbers its decisions: in order through the year."""
    return Decision(f"{day.timetuple().tm_yday * 6 + rng.randint(1, 40)}/{office}", day)


def recent_decisions(today: date) -> list[Decision]:
    """The provincial council's rounds of the last 30 months; all still valid today."""
    rng = random.Random(f"decisions:{today.isoformat()}")
    days_ago = [30 + k * DAYS_BETWEEN_ROUNDS + rng.randint(0, 20) for k in range(ROUNDS)]
    return [_decision(today - timedelta(days=days), PROVINCIAL, rng) for days in days_ago]


def decisions_of_2020() -> list[Decision]:
    """The rounds of 2020, whose certificates expired in 2023 and await re-recognition."""
    rng = random.Random("decisions:2020")
    days = (date(2020, 7, 14), date(2020, 10, 27), date(2020, 12, 22))
    return [_decision(day, PROVINCIAL, rng) for day in days]


def central_registration(today: date) -> Decision:
    """The dossier sending the province's 5-star candidates to the central council."""
    rng = random.Random(f"central:{today.isoformat()}")
    return _decision(today - timedelta(days=rng.randint(20, 50)), CENTRAL, rng)


@dataclass(frozen=True)
class Decisions:
    """Every decision the demo's certificates cite."""

    recent: list[Decision]
    of_2020: list[Decision]
    central: Decision

    @classmethod
    def for_today(cls, today: date) -> "Decisions":
        return cls(recent_decisions(today), decisions_of_2020(), central_registration(today))


def certificate_row(
    decision: Decision,
    *,
    stars: int,
    created_at: datetime,
    central: bool = False,
) -> dict:
    """Column values of a certificate: provincial ones verified, a central one still pending."""
    return {
        "stars": stars,
        "decision_number": decision.number,
        "issuing_body": IssuingBody.CENTRAL if central else IssuingBody.PROVINCIAL,
        "issued_on": decision.issued_on,
        "expires_on": add_months(decision.issued_on, CERTIFICATE_MONTHS),
        "verification": Verification.PENDING if central else Verification.VERIFIED,
        "created_at": created_at,
    }
