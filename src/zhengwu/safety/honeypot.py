"""The honeypot field (蜜罐字段) of the public forms: filled in only by bots.

The form renders an ordinary text input named ``HONEYPOT_FIELD``, moved off screen
by CSS (not ``type="hidden"``, which bots skip) inside an ``aria-hidden`` block,
with ``tabindex="-1"`` and ``autocomplete="off"``, and the label ``HONEYPOT_LABEL``
for the screen-reader users who reach it anyway. People leave it empty; a form
that comes back with it filled in is a bot's. The citizens' post forms use it, and
so does the error-report form (``browser/chrome/report_error.py``), whose field
keeps its older name.
"""

from zhengwu import _

HONEYPOT_FIELD = "zw_website"
HONEYPOT_LABEL = _("Leave this field empty")


def is_bot(form, field=HONEYPOT_FIELD):
    """True when the submitted ``form`` (a mapping) has the honeypot ``field``
    filled in."""
    value = form.get(field)
    # A bot may send the field twice, which a Zope request turns into a list.
    values = value if isinstance(value, list | tuple) else [value]
    return any(str(item or "").strip() for item in values)
