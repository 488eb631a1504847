"""Charts for the report: where a block compares several figures with the same period of the previous year, the
comparison reads better as bars. Rendered with matplotlib's Agg backend (no display) in DejaVu Sans, the font
matplotlib ships, which has every Vietnamese letter."""

from __future__ import annotations

import io
import textwrap
from decimal import Decimal

from canhgiac.reports.numbers import grouped


def comparison_chart(rows: list[dict], period: str, previous_year: int) -> bytes:
    """A PNG of horizontal bars: for each figure, the previous year's value beside this period's."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    labels = ["\n".join(textwrap.wrap(row["label"], 38)) for row in rows]
    current = [float(Decimal(row["value"] or 0)) for row in rows]
    previous = [float(Decimal(row["previous"] or 0)) for row in rows]
    figure = Figure(figsize=(7.5, 0.9 + 0.75 * len(rows)), dpi=150)
    axes = figure.subplots()
    positions = list(range(len(rows)))
    height = 0.38
    bars_before = axes.barh([p + height / 2 for p in positions], previous, height, color="#9aa5b1")
    bars_now = axes.barh([p - height / 2 for p in positions], current, height, color="#1f4e79")
    bars_before.set_label(f"Cùng kỳ năm {previous_year}")
    bars_now.set_label(period[:1].upper() + period[1:])
    for bars in (bars_before, bars_now):
        for bar in bars:
            width = bar.get_width()
            text = grouped(int(width)) if width == int(width) else grouped(Decimal(str(round(width, 2))))
            axes.annotate(text, (width, bar.get_y() + bar.get_height() / 2), xytext=(3, 0),
                          textcoords="offset points", va="center", fontsize=8)  # fmt: skip
    axes.set_yticks(positions, labels, fontsize=8)
    axes.invert_yaxis()
    from matplotlib.ticker import MaxNLocator

    axes.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    axes.xaxis.set_major_formatter(lambda value, _pos: grouped(int(value)))
    axes.tick_params(axis="x", labelsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_xlim(0, max([*current, *previous, 1]) * 1.15)
    axes.legend(fontsize=8, loc="best", frameon=False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def report_charts(context: dict) -> dict[str, bytes]:
    """The charts the context's blocks name, by name."""
    charts = {}
    previous_year = int(context["end"][:4]) - 1
    for part in context["parts"]:
        for block in part["blocks"]:
            if block.get("chart"):
                charts[block["chart"]] = comparison_chart(block["rows"], context["period"], previous_year)
    return charts
