"""QR codes (二维码) as SVG, drawn locally with segno: a page's address to open it on
a phone, a booking's reference for the check-in."""

import io

import segno

QR_ERROR = "m"
QR_SCALE = 4
QR_BORDER = 2


def qr_svg(text):
    """The QR code of ``text`` as a standalone SVG document (bytes)."""
    buffer = io.BytesIO()
    segno.make(text, error=QR_ERROR, micro=False).save(
        buffer,
        kind="svg",
        scale=QR_SCALE,
        border=QR_BORDER,
        light="#fff",
        omitsize=True,
    )
    return buffer.getvalue()
