"""``POST @self-inspection``: run the self-inspection now (site admins).

Body (optional): ``{"mail": false}`` to leave the departments' mails out.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.interface import alsoProvides

from zhengwu.bounds.body import json_object
from zhengwu.inspection.run import run_inspection
from zhengwu.services.self_inspection.get import RUN_KEYS


class SelfInspectionPost(Service):
    def reply(self):
        # REST has no form token; cross-site requests are refused (cross_site.py).
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_object(self.request) if self.request.get("BODY") else {}
        if not isinstance(data, dict) or set(data) - {"mail"}:
            raise BadRequest("The body may only hold 'mail' (true or false)")
        mail = data.get("mail", True)
        if not isinstance(mail, bool):
            raise BadRequest("'mail' must be true or false")
        run = run_inspection(api.portal.get(), trigger="manual", mail=mail)
        self.request.response.setStatus(201)
        return {
            "@id": f"{self.context.absolute_url()}/@self-inspection",
            "run": {key: run[key] for key in RUN_KEYS},
        }
