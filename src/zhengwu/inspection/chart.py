"""The history of runs as a small server-side SVG line chart (no JavaScript)."""

from html import escape

# A narrow box: on a phone (about 240 px wide) its text stays readable.
WIDTH, HEIGHT, PAD = 320, 140, 24


def history_svg(points, label, first_label="", last_label=""):
    """An SVG of ``points`` (findings per run, oldest first); '' without points."""
    if not points:
        return ""
    top = max(max(points), 1)
    step = (WIDTH - 2 * PAD) / max(len(points) - 1, 1)
    coords = [
        (PAD + i * step, HEIGHT - PAD - (value / top) * (HEIGHT - 2 * PAD))
        for i, value in enumerate(points)
    ]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3"><title>{value}</title></circle>'
        for (x, y), value in zip(coords, points, strict=True)
    )
    base = HEIGHT - PAD
    return (
        f'<svg class="inspection-chart" role="img" width="100%" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'preserveAspectRatio="none" aria-label="{escape(label)}">'
        f'<line x1="{PAD}" y1="{base}" x2="{WIDTH - PAD}" y2="{base}" '
        'stroke="currentColor" stroke-opacity="0.3"/>'
        f'<text x="{PAD}" y="{PAD - 10}" font-size="12">{top}</text>'
        f'<text x="{PAD}" y="{HEIGHT - 8}" font-size="12">{escape(first_label)}</text>'
        f'<text x="{WIDTH - PAD}" y="{HEIGHT - 8}" font-size="12" '
        f'text-anchor="end">{escape(last_label)}</text>'
        f'<polyline fill="none" stroke="#b22222" stroke-width="2" points="{line}"/>'
        f'<g fill="#b22222">{dots}</g></svg>'
    )
