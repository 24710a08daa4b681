"""Zhengwu (政务): a government portal for Chinese district governments."""

from zope.i18nmessageid import MessageFactory

_ = MessageFactory("zhengwu")
