"""A fake of Stripe's HTTP API (Checkout Sessions, PaymentIntents, Charges, Refunds, events
and signed webhooks, idempotency keys) with a hosted payment page, for tests.

    with FakeStripe() as fake:
        client = stripe.StripeClient(fake.secret_key, base_addresses={"api": fake.api_base})
"""

from .fake import FakeStripe

__all__ = ["FakeStripe"]
