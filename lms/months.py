"""Calendar-month arithmetic shared by certificate validity and the dashboards' months."""

import calendar
import datetime
from typing import TypeVar

Day = TypeVar("Day", bound=datetime.date)


def add_months(day: Day, months: int) -> Day:
    """The same day ``months`` later (or earlier), or the last day of a shorter month: 31 January
    plus one month is 28 or 29 February. Works for dates and datetimes alike."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))
