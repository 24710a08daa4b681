"""Human text for a guide's online depth, visits, time limits and fees."""

from zhengwu import _

ONLINE_DEPTHS = {
    1: _("Information only: the guide is online, the application is made in person"),
    2: _("Online pre-check: materials are checked online before the visit"),
    3: _("Online acceptance: the application is accepted online"),
    4: _("Fully online: applied for and done online, no visit needed"),
}
VISITS = {
    0: _("No visit to the hall needed"),
    1: _("At most one visit to the hall"),
    2: _("At most two visits to the hall"),
}
FREE_WORDS = ("不收费", "免费", "free", "0元", "0 元")


def _as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def online_depth_text(value):
    """What the online depth (网办深度 1–4) means for the citizen, or None."""
    return ONLINE_DEPTHS.get(_as_int(value))


def visits_text(value):
    """How many times the citizen must come (到现场次数 0/1/2), or None."""
    return VISITS.get(_as_int(value))


def working_days_text(days):
    """``days`` working days as text, or None when the guide gives no limit."""
    days = _as_int(days)
    if days is None:
        return None
    if days == 0:
        return _("Done on the spot")
    return _("${days} working days", mapping={"days": days})


def is_free(fees):
    """True when the guide's fee text says the service is free (不收费)."""
    text = (fees or "").strip().lower()
    return bool(text) and any(text.startswith(word) for word in FREE_WORDS)
