"""The voice button of the header (#zw-voice): speak or type a command.

The theme's ``voice.js`` uses the browser's speech recognition (zh-CN or en-US by
the page's language) when the visitor presses "Speak", shows what was heard in
the command box to correct, and sends it to ``@voice-command``; without speech
recognition the box is typed into. Without JavaScript the form goes to
``@@voice-go``, which answers with the page the command opens.
"""

from plone.app.layout.viewlets.common import ViewletBase
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from zhengwu import _
from zhengwu.sites.roots import language_root_of
from zhengwu.voice.normalize import MAX_LENGTH
from zhengwu.voice.normalize import clean
from zhengwu.voice.resolver import resolve
from zhengwu.voice.vocabulary import language_of
from zhengwu.voice.vocabulary import vocabulary_of
from zhengwu.voice.words import voice_words


class VoiceViewlet(ViewletBase):
    """The button and its command box, on every page of a language root."""

    index = ViewPageTemplateFile("templates/voice.pt")
    max_length = MAX_LENGTH

    def update(self):
        super().update()
        self.root = language_root_of(self.context)

    def render(self):
        return self.index() if self.root is not None else ""

    @property
    def root_url(self):
        return self.root.absolute_url()

    @property
    def speech_language(self):
        return "en-US" if language_of(self.root) == "en" else "zh-CN"


class VoiceGo(BrowserView):
    """``@@voice-go?text=``: redirect to what the command opens (no JavaScript)."""

    def __call__(self):
        root = language_root_of(self.context)
        form = self.request.form
        text = " ".join(
            str(form.get("voice_command") or form.get("text") or "").split()
        )
        if root is None or not text or len(text) > MAX_LENGTH:
            self.request.response.setStatus(400)
            message = _("The command could not be understood. Try other words.")
            return translate(message, context=self.request)
        vocabulary = vocabulary_of(root, self.request)
        command = clean(text, voice_words(root.aq_parent.getId()))
        if not command.text:
            return self.request.response.redirect(root.absolute_url())
        url = vocabulary.url(resolve(command, vocabulary.names))
        return self.request.response.redirect(url)
