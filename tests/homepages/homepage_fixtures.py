"""Users and helpers of the homepage tests (a module with its own name: ``from
conftest import`` would pick any test folder's conftest)."""

from plone.testing.zope import Browser

SITE_ADMIN = ("home-admin", "home-admin-secret-1")
DEPARTMENT_EDITOR = ("home-gaj-editor", "home-gaj-editor-secret-1")
ROOT = "http://nohost/nanshan/zh-cn"


def browser(app, user=None, json_=False, follow=True):
    """A test browser, anonymous or logged in as ``user`` (name, password)."""
    page = Browser(app)
    page.handleErrors = True
    page.raiseHttpErrors = False
    page.followRedirects = follow
    if user:
        page.addHeader("Authorization", f"Basic {user[0]}:{user[1]}")
    if json_:
        page.addHeader("Accept", "application/json")
    return page
