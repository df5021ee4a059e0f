"""Checkout: contact, delivery address, gift options, shipping fee, and placing the order."""
