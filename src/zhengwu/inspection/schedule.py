"""When the self-inspection runs by itself: after a request, once it is due.

The portal's periodic work runs after requests (``after_request.py``), in a
transaction of its own. A district site's inspection is due when its latest run is
older than ``zhengwu.inspection.interval_hours``. The first run of a site is made
when it is created or upgraded (``setup_step.py``, upgrade 1017), so a site (or a
test site) is never inspected in the middle of other work before that. One thread
of a process inspects a site at a time.
"""

import datetime
import logging
import threading

import transaction
from ZODB.POSException import ConflictError

from zhengwu.inspection.history import latest_run
from zhengwu.inspection.run import run_inspection
from zhengwu.inspection.settings import read_settings
from zhengwu.sites.profile import district_directory
from zhengwu.workflows.tasks import TIMEZONE

logger = logging.getLogger("zhengwu.inspection")
_running = set()
_lock = threading.Lock()


def inspection_due(site, now=None):
    """True when the site's latest run is older than the interval (never before a
    first run, never with an interval of 0)."""
    hours = read_settings().interval_hours
    latest = latest_run(site)
    if not hours or latest is None:
        return False
    now = now or datetime.datetime.now(TIMEZONE)
    started = datetime.datetime.fromisoformat(latest["started"])
    return now - started >= datetime.timedelta(hours=hours)


def _claim(site_id):
    with _lock:
        if site_id in _running:
            return False
        _running.add(site_id)
        return True


def inspect_when_due(site, request):
    """After a request: run the site's inspection when it is due."""
    if district_directory(site) is None or not inspection_due(site):
        return
    site_id = site.getId()
    if not _claim(site_id):
        return
    try:
        transaction.begin()
        run_inspection(site, trigger="schedule")
        transaction.get().note("Self-inspection")
        transaction.commit()
    except ConflictError:
        # Another process stored a run meanwhile: that one counts.
        transaction.abort()
        logger.info("Self-inspection of %s: another process ran it", site_id)
    except Exception:
        transaction.abort()
        raise
    finally:
        with _lock:
            _running.discard(site_id)
