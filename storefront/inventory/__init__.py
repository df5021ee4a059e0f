"""Stock levels and the stock-movement ledger."""
