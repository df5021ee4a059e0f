"""The cart: in the session for guests, in the database for signed-in users."""
