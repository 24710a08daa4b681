"""An inline SVG bar chart drawn on the server: booked places against capacity.

Plain geometry for the template (no JavaScript, no chart library): one bar per
day for the places held, a mark for the day's capacity, a few axis labels. The
SVG scales with its ``viewBox``; the page's table says the same for screen readers.
"""

WIDTH = 720
HEIGHT = 240
LEFT = 36
BOTTOM = 24
TOP = 8


def nice_top(value):
    """A round number at least ``value`` (the top of the axis)."""
    value = max(int(value), 1)
    step = 1
    while step * 10 <= value:
        step *= 10
    for multiple in (1, 2, 5, 10):
        if step * multiple >= value:
            return step * multiple
    return step * 10


def load_chart(rows):
    """Bars and marks for ``rows`` (dicts with ``booked``, ``capacity``, ``label``
    and the axis' ``short`` label)."""
    top = nice_top(max([1] + [max(r["capacity"], r["booked"]) for r in rows]))
    plot_height = HEIGHT - TOP - BOTTOM
    slot_width = (WIDTH - LEFT) / max(len(rows), 1)
    bar_width = max(slot_width * 0.7, 1)

    def y(value):
        return TOP + plot_height - plot_height * value / top

    bars = []
    label_every = max(len(rows) // 8, 1)
    for n, row in enumerate(rows):
        x = LEFT + n * slot_width + (slot_width - bar_width) / 2
        bars.append(
            {
                "x": round(x, 1),
                "y": round(y(row["booked"]), 1),
                "width": round(bar_width, 1),
                "height": round(y(0) - y(row["booked"]), 1),
                "cap_y": round(y(row["capacity"]), 1),
                "full": row["capacity"] and row["booked"] >= row["capacity"],
                "label": row["short"] if n % label_every == 0 else "",
                "label_x": round(x + bar_width / 2, 1),
                "title": f"{row['label']}: {row['booked']} / {row['capacity']}",
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "base_y": round(y(0), 1),
        "top_y": round(y(top), 1),
        "top": top,
        "label_y": HEIGHT - 6,
        "bars": bars,
    }
