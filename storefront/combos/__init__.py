"""Gift combos and souvenir bundles, their packaging, and the heritage they tell of."""
