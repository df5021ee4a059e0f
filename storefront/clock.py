"""Time in one place: stored in UTC, shown and judged in Vietnam's time zone."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def utcnow() -> datetime:
    """The current moment as a naive UTC datetime, the form every column stores."""
    return datetime.now(UTC).replace(tzinfo=None)


def today_in_vietnam(now: datetime | None = None) -> date:
    """Today's date in Vietnam; `now` is a naive UTC datetime (defaults to the present)."""
    moment = (now or utcnow()).replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM).date()
