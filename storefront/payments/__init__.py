"""Payments: cash on delivery, bank transfer (VietQR), and later card payments through Stripe."""
