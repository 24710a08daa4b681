"""``GET <language root>/@voice-command?text=…``: what a spoken command opens.

The answer is ``{"kind": "section" | "department" | "service" | "search",
"target": …, "url": …, "text": …}``: a section's id, a department's full name, a
service id or the search's words (``text``: the command as understood, without
fillers and command words). ``booking`` is true when the service's booking opens.
Text longer than a sentence, empty text or a page outside a language root: 400.
"""

from plone.restapi.services import Service

from zhengwu.services.errors.answer import error_answer
from zhengwu.sites.roots import language_root_of
from zhengwu.voice.normalize import MAX_LENGTH
from zhengwu.voice.normalize import clean
from zhengwu.voice.resolver import resolve
from zhengwu.voice.vocabulary import vocabulary_of
from zhengwu.voice.words import voice_words


class VoiceCommand(Service):
    """Resolve ?text= on the language root it is asked of."""

    def reply(self):
        root = language_root_of(self.context)
        raw = self.request.form.get("text")
        text = " ".join(raw.split()) if isinstance(raw, str) else ""
        if root is None:
            return error_answer(
                self.request, 400, "Ask a language root, e.g. /nanshan/zh-cn."
            )
        if not text or len(text) > MAX_LENGTH:
            return error_answer(
                self.request,
                400,
                f"Give the command as ?text=… (1 to {MAX_LENGTH} characters).",
            )
        vocabulary = vocabulary_of(root, self.request)
        site_id = root.aq_parent.getId()
        command = clean(text, voice_words(site_id))
        if not command.text:
            return error_answer(
                self.request, 400, "The command says nothing but command words."
            )
        resolution = resolve(command, vocabulary.names)
        return {
            "kind": resolution.kind,
            "target": resolution.target,
            "url": vocabulary.url(resolution),
            "text": command.text,
            "booking": resolution.kind == "service"
            and vocabulary.url(resolution)
            != vocabulary.urls.get(("service", resolution.target)),
        }
