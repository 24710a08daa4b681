"""Statistics of letters per department and month (来信办理情况统计).

What Chinese portals publish and the district's performance table asks for:
received, answered, refused or merged, answered on time, average and median reply
time in working days (receipt to answer), and the ratings. A letter counts as
received in the month of its receipt and as answered in the month of its answer.
Pure: the letters come in as ``LetterRecord``s (``records_of`` reads a site's).
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from dataclasses import field

from zhengwu.interaction.deadlines import reply_working_days

RATINGS = ("satisfied", "basically", "unsatisfied")
CLOSED_WITHOUT_ANSWER = ("refused", "merged")


@dataclass(frozen=True)
class LetterRecord:
    department: str
    channel: str
    state: str
    received: object  # date
    accepted: object = None
    answered: object = None
    rating: str | None = None


@dataclass
class MonthRow:
    department: str
    month: str  # "2025-10"
    received: int = 0
    answered: int = 0
    closed_without_answer: int = 0  # refused or merged
    on_time: int = 0
    reply_days: list = field(default_factory=list)
    ratings: dict = field(default_factory=lambda: dict.fromkeys(RATINGS, 0))

    @property
    def average_days(self):
        return round(statistics.fmean(self.reply_days), 1) if self.reply_days else None

    @property
    def median_days(self):
        return statistics.median(self.reply_days) if self.reply_days else None

    @property
    def satisfaction(self):
        """Share of satisfied and basically satisfied among the rated, or None."""
        rated = sum(self.ratings.values())
        if not rated:
            return None
        return round((self.ratings["satisfied"] + self.ratings["basically"]) / rated, 3)

    def as_dict(self):
        return {
            "department": self.department,
            "month": self.month,
            "received": self.received,
            "answered": self.answered,
            "closed_without_answer": self.closed_without_answer,
            "on_time": self.on_time,
            "average_days": self.average_days,
            "median_days": self.median_days,
            **{f"rated_{key}": value for key, value in self.ratings.items()},
            "satisfaction": self.satisfaction,
        }


def _month(day):
    return f"{day:%Y-%m}"


def on_time(record, channel, calendar):
    """Accepted within ``accept_days`` and answered within ``answer_days``."""
    if record.accepted is None or record.answered is None:
        return False
    accept_age = calendar.working_days_between(record.received, record.accepted)
    answer_age = calendar.working_days_between(record.accepted, record.answered)
    return accept_age <= channel.accept_days and answer_age <= channel.answer_days


def monthly_rows(records, channels, calendar):
    """[MonthRow] per (department, month), sorted by month then department."""
    rows = {}

    def row(department, day):
        key = (department, _month(day))
        if key not in rows:
            rows[key] = MonthRow(department, key[1])
        return rows[key]

    for record in records:
        row(record.department, record.received).received += 1
        if record.answered is None:
            continue
        done = row(record.department, record.answered)
        if record.state in CLOSED_WITHOUT_ANSWER:
            done.closed_without_answer += 1
            continue
        done.answered += 1
        done.reply_days.append(
            reply_working_days(calendar, record.received, record.answered)
        )
        channel = channels.get(record.channel)
        if channel is not None and on_time(record, channel, calendar):
            done.on_time += 1
        if record.rating in RATINGS:
            done.ratings[record.rating] += 1
    return sorted(rows.values(), key=lambda r: (r.month, r.department))


def totals_by_department(rows):
    """{department: MonthRow of all months} (the reply days merged)."""
    merged = defaultdict(lambda: None)
    for one in rows:
        total = merged[one.department] or MonthRow(one.department, "")
        total.received += one.received
        total.answered += one.answered
        total.closed_without_answer += one.closed_without_answer
        total.on_time += one.on_time
        total.reply_days.extend(one.reply_days)
        for key, value in one.ratings.items():
            total.ratings[key] += value
        merged[one.department] = total
    return dict(merged)
