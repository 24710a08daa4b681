"""Sharing a page: its QR code (#zw-share) and Open Graph / WeChat metadata.

The QR code encodes the context's own URL and nothing else (no parameter can
change it), so the site never hands out QR codes for other addresses. The Open
Graph tags replace Plone's own social tags (same viewlet names, our layer), so
each tag appears once.
"""

from Acquisition import aq_base
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getMultiAdapter

from zhengwu.browser.chrome.share_image import HEIGHT
from zhengwu.browser.chrome.share_image import VERSION
from zhengwu.browser.chrome.share_image import WIDTH
from zhengwu.browser.chrome.share_image import share_image
from zhengwu.qr import qr_svg

QR_CACHE_CONTROL = "public, max-age=86400"
IMAGE_CACHE_CONTROL = "public, max-age=31536000, immutable"
LEAD_IMAGE_SCALE = "large"
LOCALES = {"zh": "zh_CN", "en": "en_US"}


class QRCodeView(BrowserView):
    """``<content>/@@qrcode.svg``: the QR code of the content's own URL."""

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "image/svg+xml")
        response.setHeader("Cache-Control", QR_CACHE_CONTROL)
        response.setHeader("X-Content-Type-Options", "nosniff")
        return qr_svg(self.context.absolute_url())


class ShareImageView(BrowserView):
    """``<site>/@@og-image.png``: the site's picture for shared links (1200×630)."""

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "image/png")
        response.setHeader("Cache-Control", IMAGE_CACHE_CONTROL)
        return share_image(self.context.getId())


def canonical(context, request):
    """The object a page stands for: a folder rather than its default page."""
    state = getMultiAdapter((context, request), name="plone_context_state")
    return state.canonical_object()


class ShareViewlet(ViewletBase):
    """The QR code block: open the page on a phone."""

    index = ViewPageTemplateFile("templates/share.pt")

    def update(self):
        super().update()
        self.qr_url = f"{canonical(self.context, self.request).absolute_url()}"
        self.qr_url += "/@@qrcode.svg"


def lead_image(obj):
    """(url, width, height, type) of the object's lead image scale, or None."""
    image = getattr(aq_base(obj), "image", None)
    if image is None or not getattr(image, "getSize", lambda: 0)():
        return None
    scales = obj.restrictedTraverse("@@images", None)
    scale = scales.scale("image", scale=LEAD_IMAGE_SCALE) if scales else None
    if scale is None:
        return None
    return scale.url, scale.width, scale.height, image.contentType


class OpenGraphViewlet(ViewletBase):
    """``og:*`` and ``itemprop`` meta tags (WeChat reads the latter) in <head>."""

    index = ViewPageTemplateFile("templates/opengraph.pt")

    def update(self):
        super().update()
        self.tags = []
        if not api.portal.get_registry_record("plone.share_social_data", default=True):
            return
        obj = canonical(self.context, self.request)
        navroot = self.portal_state.navigation_root()
        portal = self.portal_state.portal()
        title = obj.Title() or navroot.Title()
        description = obj.Description() or navroot.Description()
        description = description or portal.Description()
        url = obj.absolute_url()
        language = (self.portal_state.language() or "zh").split("-")[0]
        image = lead_image(obj) or (
            f"{self.site_url}/@@og-image.png?v={VERSION}",
            WIDTH,
            HEIGHT,
            "image/png",
        )
        kind = "website" if aq_base(obj) is aq_base(navroot) else "article"
        self.tags = [
            {"property": "og:title", "content": title},
            {"property": "og:description", "content": description},
            {"property": "og:url", "content": url},
            {"property": "og:type", "content": kind},
            {"property": "og:site_name", "content": navroot.Title()},
            {"property": "og:locale", "content": LOCALES.get(language, "zh_CN")},
            {"property": "og:image", "content": image[0]},
            {"property": "og:image:width", "content": str(image[1])},
            {"property": "og:image:height", "content": str(image[2])},
            {"property": "og:image:type", "content": image[3]},
            {"itemprop": "name", "content": title},
            {"itemprop": "description", "content": description},
            {"itemprop": "image", "content": image[0]},
        ]


class NoBodySocialTagsViewlet(ViewletBase):
    """Replaces Plone's ``itemprop`` tags in the body: ours are in <head>."""

    def render(self):
        return ""
