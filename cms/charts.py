"""Geometry for the impact page's bar chart, drawn by its template as inline SVG."""


def chart_svg(rows: list, width: int = 720, height: int = 260) -> dict:
    """Geometry for a two-series bar chart (rows of selectors.impact.MonthRow)."""
    left, bottom, top = 8, 28, 16
    plot_h = height - bottom - top
    slot = (width - left * 2) / max(len(rows), 1)
    max_hours = max((r.hours for r in rows), default=0) or 1
    max_families = max((r.families for r in rows), default=0) or 1
    bars = []
    for i, r in enumerate(rows):
        x = left + i * slot
        h_hours = plot_h * r.hours / max_hours
        h_families = plot_h * r.families / max_families
        bars.append(
            {
                "label": r.month.strftime("%b"),
                "label_x": round(x + slot / 2, 1),
                "hours_x": round(x + slot * 0.15, 1),
                "families_x": round(x + slot * 0.5, 1),
                "bar_w": round(slot * 0.35, 1),
                "hours_y": round(top + plot_h - h_hours, 1),
                "hours_h": round(h_hours, 1),
                "families_y": round(top + plot_h - h_families, 1),
                "families_h": round(h_families, 1),
                "row": r,
            }
        )
    return {
        "width": width,
        "height": height,
        "baseline": top + plot_h,
        "bars": bars,
        "label_y": height - 8,
        "max_hours": max_hours,
        "max_families": max_families,
    }
