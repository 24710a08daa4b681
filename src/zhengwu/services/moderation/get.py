"""``GET @moderation``: ``{"pending", "reported", "log"}`` of the whole site."""

from plone.restapi.services import Service

from zhengwu.participation.staff.queue import moderation_queue


class ModerationGet(Service):
    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@moderation",
            **moderation_queue(self.context),
        }
