"""The header scene (#zw-scene): the district's picture for the time of day.

Each district profile brings ``scenes/{morning,noon,evening}.svg``; the viewlet
shows the one of the current Asia/Shanghai period and names all three for the
theme's ``scene.js``, which switches by the visitor's clock. A site that is no
district has no scene.
"""

import functools

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

from zhengwu.browser.chrome.period import PERIODS
from zhengwu.browser.chrome.period import current_period
from zhengwu.sites.profile import district_directory

SCENES = "scenes"
# The URLs carry the files' modification time, so a year of caching is safe.
CACHE_CONTROL = "public, max-age=31536000, immutable"


def scene_files(directory):
    """period → path of the district's scene SVGs; empty unless all three exist."""
    if directory is None:
        return {}
    files = {period: directory / SCENES / f"{period}.svg" for period in PERIODS}
    if not all(path.is_file() for path in files.values()):
        return {}
    return files


@functools.lru_cache(maxsize=64)
def scene_versions(directory):
    """period → modification time of the district's scenes, read once per process:
    the viewlet is on every page, the files change only with a deployment."""
    return {
        period: int(path.stat().st_mtime)
        for period, path in scene_files(directory).items()
    }


class SceneViewlet(ViewletBase):
    """``<div id="zw-scene">`` with the server's period and the three scene URLs."""

    index = ViewPageTemplateFile("templates/scene.pt")

    def update(self):
        super().update()
        versions = scene_versions(district_directory(api.portal.get()))
        self.period = current_period()
        self.urls = {
            period: f"{self.site_url}/@@district-scene/{period}?v={version}"
            for period, version in versions.items()
        }

    def render(self):
        return self.index() if self.urls else ""


@implementer(IPublishTraverse)
class DistrictSceneView(BrowserView):
    """``<site>/@@district-scene/<period>``: the district's scene SVG of a period."""

    period = None

    def publishTraverse(self, request, name):
        if self.period is None and name in PERIODS:
            self.period = name
            return self
        raise NotFound(name)

    def __call__(self):
        files = scene_files(district_directory(self.context))
        if self.period not in files:
            raise NotFound(self.period or "")
        response = self.request.response
        response.setHeader("Content-Type", "image/svg+xml")
        response.setHeader("Cache-Control", CACHE_CONTROL)
        response.setHeader("X-Content-Type-Options", "nosniff")
        return files[self.period].read_bytes()
