"""Orders: what was bought, at what price, by whom, for whom, and where it stands."""
