"""Geometry for a server-drawn SVG bar chart (no script), drawn by
templates/components/bar_chart.svg.html; the report's table beside it carries the same figures."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float
    label_x: float


def bar_chart(points: list[tuple[str, float]], *, width: int = 720, height: int = 240) -> dict:
    """Bars for (label, value) pairs, scaled to the largest value."""
    left, bottom, top = 8, 28, 12
    plot_h = height - bottom - top
    slot = (width - left * 2) / max(len(points), 1)
    largest = max((float(v) for _, v in points), default=0) or 1
    bars = []
    for i, (label, value) in enumerate(points):
        h = plot_h * float(value) / largest
        x = left + i * slot
        bars.append(
            Bar(
                label=label,
                value=float(value),
                x=round(x + slot * 0.15, 1),
                y=round(top + plot_h - h, 1),
                width=round(slot * 0.7, 1),
                height=round(h, 1),
                label_x=round(x + slot / 2, 1),
            )
        )
    return {
        "width": width,
        "height": height,
        "baseline": top + plot_h,
        "label_y": height - 8,
        "bars": bars,
        "largest": largest,
    }
