"""The files of a care application: PDF, JPEG or PNG by their content, bounded.

The kind of a file is read from its first bytes (its signature), never from its
name or the type the browser sent: a renamed program stays refused. The number of
files and the size of each come from the registry (``zhengwu.care.*``).
"""

from dataclasses import dataclass

from plone import api

from zhengwu import _

# (signature, content type, extension)
SIGNATURES = (
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
)
DEFAULT_COUNT = 5
DEFAULT_KB = 5120


class AttachmentError(ValueError):
    """A file or a set of files that may not be attached; ``message`` says why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Upload:
    """A checked file: its data, content type and the name it is stored under."""

    kind: str
    data: bytes
    content_type: str
    filename: str


def limits():
    """(most files, most bytes per file) of the registry."""
    count = api.portal.get_registry_record(
        "zhengwu.care.max_attachments", default=DEFAULT_COUNT
    )
    kb = api.portal.get_registry_record(
        "zhengwu.care.max_attachment_kb", default=DEFAULT_KB
    )
    return count or DEFAULT_COUNT, (kb or DEFAULT_KB) * 1024


def sniff(data):
    """(content type, extension) of ``data`` by its signature, or None."""
    for signature, content_type, extension in SIGNATURES:
        if data.startswith(signature):
            return content_type, extension
    return None


def checked_uploads(files, bounds=None):
    """``files`` ([(kind, bytes, name)]) as Uploads; AttachmentError when one is
    empty, too big, not PDF/JPEG/PNG by content, or when there are too many.
    ``bounds`` (most files, most bytes per file) defaults to the care records."""
    most_files, most_bytes = bounds or limits()
    if len(files) > most_files:
        raise AttachmentError(
            _(
                "Please attach at most ${count} files.",
                mapping={"count": most_files},
            )
        )
    uploads = []
    for number, (kind, data, name) in enumerate(files, start=1):
        if not data:
            raise AttachmentError(
                _("The file ${name} is empty.", mapping={"name": name})
            )
        if len(data) > most_bytes:
            raise AttachmentError(
                _(
                    "The file ${name} is larger than ${size} MB.",
                    mapping={"name": name, "size": round(most_bytes / 1048576, 1)},
                )
            )
        found = sniff(data)
        if found is None:
            raise AttachmentError(
                _(
                    "The file ${name} is not a PDF, JPEG or PNG file.",
                    mapping={"name": name},
                )
            )
        content_type, extension = found
        # Stored under a plain name: an uploaded file name may carry a person's name.
        filename = f"{kind}-{number}.{extension}"
        uploads.append(Upload(kind, data, content_type, filename))
    return uploads
