"""Mail: an outbox table written with the change that causes a mail, delivered after commit."""
