"""Charts of the LKjIP, drawn with matplotlib from the value model's figures: target against
realisation per indicator, the trend over the years known, achievement per quarter, and
absorption per program. Labelled in Indonesian, numbers in Indonesian form; drawn the same
way every time (no date or version in the files), as PNG for documents and SVG for the web
page."""

from __future__ import annotations

import io
from collections.abc import Sequence
from contextvars import ContextVar
from decimal import Decimal
from typing import Any

from sakip.extras import require
from sakip.model.budget import BudgetStage
from sakip.model.indicators import Indicator
from sakip.model.periods import Period
from sakip.model.plan import Objective
from sakip.model.subjects import Measure, Subject
from sakip.numbers import format_number
from sakip.report.blocks import Chart
from sakip.values.model import ValueModel

M = Measure
BLUE, ORANGE = "#1f5f99", "#e07b20"
QUARTERS = ("TW I", "TW II", "TW III", "TW IV")


def _pyplot() -> Any:
    matplotlib = require("matplotlib", "drawing the report's charts")
    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "sakip"  # the same ids in every SVG
    matplotlib.rcParams["font.size"] = 9
    return require("matplotlib.pyplot", "drawing the report's charts")


def _indonesian(value: float, _position: object = None) -> str:
    """An axis tick in Indonesian form: 1.500.000, 97,5."""
    decimal = Decimal(repr(float(value)))  # the tick's shortest text: no binary arithmetic
    if decimal == decimal.to_integral_value():
        return format_number(decimal.to_integral_value())
    return format_number(decimal.normalize())


IMAGES: ContextVar[frozenset[str]] = ContextVar("IMAGES", default=frozenset({"png", "svg"}))
"""The image forms the document being written needs: PNG for Word and PDF, SVG for the web
page. A chart is drawn only in those (drawing both doubled a large report's time)."""


def _draw(figure: Any, title: str, description: str) -> Chart:
    pyplot = _pyplot()
    images = IMAGES.get()
    png, svg = io.BytesIO(), io.StringIO()
    if "png" in images:
        figure.savefig(png, format="png", dpi=150, metadata={"Software": None})
    if "svg" in images:
        figure.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    pyplot.close(figure)
    return Chart(title=title, png=png.getvalue(), svg=svg.getvalue(), description=description)


def _short(text: str, width: int = 28) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)  # drawing only: no calculation


def _unit_of(indicator: Indicator) -> str:
    return indicator.unit or ""


def _value_text(value: Decimal, unit: str) -> str:
    """A figure as a label writes it: ``94,96%``, ``46.470 orang``."""
    return f"{format_number(value)}{unit if unit in ('', '%') else ' ' + unit}"


def _by_unit(
    items: Sequence[tuple[Indicator, Any]],
) -> list[tuple[str, list[tuple[Indicator, Any]]]]:
    """Items grouped by their indicator's unit, in the order first met: one panel each, so
    that no axis carries two units (62 poin beside 46.470 orang would hide the first)."""
    groups: dict[str, list[tuple[Indicator, Any]]] = {}
    for item in items:
        groups.setdefault(_unit_of(item[0]), []).append(item)
    return list(groups.items())


def _axis_label(unit: str, what: str) -> str:
    return f"{what} ({unit})" if unit else what


def _legend_below(figure: Any, axis: Any) -> None:
    """The legend under the plot, outside the data (it never covers a bar or its label)."""
    handles, labels = axis.get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside lower center", ncols=len(labels), fontsize=7)


def target_and_actual(values: ValueModel, objective: Objective, year: int) -> Chart | None:
    """Target against realisation of each numeric indicator of an objective, one panel per
    unit, bars from zero."""
    period = Period(year)
    rows = []
    for code in objective.indicators:
        indicator = values.data.indicator(code)
        target = values.value(Subject(code, M.TARGET, period))
        actual = values.value(Subject(code, M.ACTUAL, period))
        if target is not None and actual is not None:
            rows.append((indicator, (target, actual)))
    if not rows:
        return None
    pyplot = _pyplot()
    panels = _by_unit(rows)
    heights = [0.6 + 0.7 * len(group) for _, group in panels]
    figure, axes = pyplot.subplots(
        len(panels),
        1,
        figsize=(6.5, 0.6 + sum(heights)),
        height_ratios=heights,
        layout="constrained",
        squeeze=False,
    )
    for axis, (unit, group) in zip(axes[:, 0], panels, strict=True):
        positions = range(len(group))
        targets = [_number(t) for _, (t, _) in group]
        actuals = [_number(a) for _, (_, a) in group]
        axis.barh([p - 0.2 for p in positions], targets, 0.4, label="Target", color=BLUE)
        axis.barh([p + 0.2 for p in positions], actuals, 0.4, label="Realisasi", color=ORANGE)
        for p, (_, (target, actual)) in zip(positions, group, strict=True):
            for offset, value in ((-0.2, target), (0.2, actual)):
                label = " " + _value_text(value, unit)
                axis.text(float(value), p + offset, label, va="center", fontsize=7)
        axis.set_yticks(list(positions), [_short(i.name) for i, _ in group])
        axis.invert_yaxis()
        largest = max(max(t or 0.0, a or 0.0) for t, a in zip(targets, actuals, strict=True))
        axis.set_xlim(0, (largest or 1.0) * 1.3)  # from zero; room for the labels
        axis.xaxis.set_major_formatter(pyplot.FuncFormatter(_indonesian))
        axis.set_xlabel(_axis_label(unit, "Nilai"), fontsize=8)
    axes[0, 0].set_title(f"Target dan realisasi {year}", fontsize=9)
    _legend_below(figure, axes[0, 0])
    title = f"Target dan realisasi indikator sasaran: {objective.name}"
    return _draw(figure, title, "Batang biru: target; batang jingga: realisasi.")


def trend(values: ValueModel, indicators: Sequence[Indicator], year: int) -> Chart | None:
    """The realisation of each indicator over the years the data knows, up to ``year``, one
    panel per unit."""
    years = sorted(
        {
            m.period.year
            for m in values.data.measurements
            if m.period.is_year and m.period.year <= year
        }
    )
    lines = []
    for indicator in indicators:
        points = [
            (y, v)
            for y in years
            if (v := values.value(Subject(indicator.code, M.ACTUAL, Period(y)))) is not None
        ]
        if len(points) >= 2:
            lines.append((indicator, points))
    if not lines:
        return None
    pyplot = _pyplot()
    panels = _by_unit(lines)
    figure, axes = pyplot.subplots(
        len(panels), 1, figsize=(6.5, 0.8 + 2.6 * len(panels)), layout="constrained", squeeze=False
    )
    for axis, (unit, group) in zip(axes[:, 0], panels, strict=True):
        if len(group) == 1:  # one line: its name above it, no legend needed
            axis.set_title(_short(group[0][0].name, 70), fontsize=8)
        for number, (indicator, points) in enumerate(group):
            axis.plot(
                [y for y, _ in points],
                [_number(v) for _, v in points],
                marker="o",
                label=_short(indicator.name, 40),
            )
            if len(group) > 2:
                continue  # three lines or more: their values would collide; the axis reads them
            below = number == 1  # a second line's values under its points, the first's above
            for y, v in points:
                axis.annotate(
                    _value_text(v, unit),
                    (y, float(v)),
                    textcoords="offset points",
                    xytext=(0, -11 if below else 5),
                    ha="center",
                    fontsize=7,
                )
        axis.set_xticks(years, [str(y) for y in years])
        axis.set_xmargin(0.08)
        axis.set_ymargin(0.2)
        axis.yaxis.set_major_formatter(pyplot.FuncFormatter(_indonesian))
        axis.set_ylabel(_axis_label(unit, "Realisasi"), fontsize=8)
        if len(group) > 1:  # the legend under the panel, outside its data
            axis.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False)
    figure.suptitle("Realisasi dari tahun ke tahun", fontsize=9)
    return _draw(
        figure, "Perkembangan realisasi indikator", "Realisasi setiap tahun yang tercatat."
    )


def quarterly(values: ValueModel, indicators: Sequence[Indicator], year: int) -> Chart | None:
    """The achievement of each indicator in each quarter of ``year``."""
    series = []
    for indicator in indicators:
        points = [
            values.value(Subject(indicator.code, M.ACHIEVEMENT, quarter))
            for quarter in Period(year).quarters()
        ]
        if sum(p is not None for p in points) >= 2:
            series.append((indicator, points))
    if not series:
        return None
    pyplot = _pyplot()
    figure, axis = pyplot.subplots(figsize=(6.5, 3.4), layout="constrained")
    width = 0.8 / len(series)
    upright = len(series) > 2  # narrow bars: their labels stand upright, clear of each other
    for index, (indicator, points) in enumerate(series):
        xs = [q + index * width - 0.4 + width / 2 for q in range(4)]
        heights = [_number(p) or 0.0 for p in points]
        axis.bar(xs, heights, width, label=_short(indicator.name, 40))
        for x, p in zip(xs, points, strict=True):
            if p is not None:
                axis.text(
                    x,
                    float(p),
                    " " + _value_text(p, "%") if upright else _value_text(p, "%"),
                    ha="center",
                    va="bottom",
                    fontsize=6 if upright else 7,
                    rotation=90 if upright else 0,
                )
    axis.axhline(100, color="grey", linewidth=0.8, linestyle="--")
    axis.set_xticks(range(4), list(QUARTERS))
    axis.set_ylim(0, max(110.0, max(_number(p) or 0.0 for _, ps in series for p in ps) * 1.25))
    axis.yaxis.set_major_formatter(pyplot.FuncFormatter(_indonesian))
    axis.set_ylabel("Capaian (%)", fontsize=8)
    axis.set_title(f"Capaian per triwulan {year}", fontsize=9)
    _legend_below(figure, axis)
    return _draw(figure, "Capaian kinerja per triwulan", "Garis putus-putus: capaian 100%.")


MAX_BARS = 25
"""The programs an absorption chart shows at most: past that, the lowest absorptions (the
full list is the budget table's); the chart keeps a readable size whatever the agency."""


def absorption(values: ValueModel, year: int, stage: BudgetStage) -> Chart | None:
    """The absorption of each program's budget (of the :data:`MAX_BARS` lowest, for an
    agency with more programs)."""
    period = Period(year)
    rows = [
        (program.name, value)
        for program in values.data.programs
        if (value := values.value(Subject(program.key, M.ABSORPTION, period, stage))) is not None
    ]
    if not rows:
        return None
    title, description = "Serapan anggaran per program", "Realisasi dibagi pagu, per program."
    if len(rows) > MAX_BARS:
        rows = sorted(rows, key=lambda row: row[1])[:MAX_BARS]
        title = f"{MAX_BARS} program dengan serapan anggaran terendah"
        description = (
            f"Realisasi dibagi pagu, {MAX_BARS} terendah dari {len(values.data.programs)} "
            "program; semua program ada di tabel realisasi anggaran."
        )
    pyplot = _pyplot()
    figure, axis = pyplot.subplots(figsize=(6.5, 0.9 + 0.45 * len(rows)), layout="constrained")
    positions = range(len(rows))
    axis.barh(list(positions), [_number(v) for _, v in rows], 0.6, color=BLUE)
    for p, (_, value) in zip(positions, rows, strict=True):
        axis.text(float(value), p, " " + _value_text(value, "%"), va="center", fontsize=7)
    axis.set_yticks(list(positions), [_short(name, 40) for name, _ in rows])
    axis.invert_yaxis()
    axis.set_xlim(0, max(110.0, max(float(v) for _, v in rows) * 1.15))
    axis.xaxis.set_major_formatter(pyplot.FuncFormatter(_indonesian))
    axis.set_xlabel("Serapan (%)", fontsize=8)
    axis.set_title(f"{title} {year}", fontsize=9)
    return _draw(figure, title, description)
