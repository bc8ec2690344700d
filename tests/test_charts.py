"""The charts of the three examples, checked from matplotlib's own objects as they are drawn:
no two pieces of text overlap, no axis carries two units, and bars start at zero."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from sakip import ValueModel, build_tables, load_agency, load_registry
from sakip.report import charts
from sakip.report.compose import compose

REGISTRY = load_registry()
EXAMPLES = [("sampang-disnaker", 2023), ("dinkes-contoh", 2024), ("kominfo-contoh", 2024)]
FIGURE = re.compile(r"^\s*-?[\d.]+(?:,\d+)?(.*)$")


def _texts(figure: Any, renderer: Any) -> list[tuple[str, Any]]:
    """Every piece of text the figure shows, with its box on the canvas."""
    found = []
    artists: list[Any] = [*figure.texts, *(t for legend in figure.legends for t in legend.texts)]
    for axis in figure.axes:
        artists += [*axis.texts, axis.title, axis.xaxis.label, axis.yaxis.label]
        artists += [*_shown_ticks(axis.xaxis), *_shown_ticks(axis.yaxis)]
        if axis.get_legend() is not None:
            artists += axis.get_legend().texts
    for artist in artists:
        if artist.get_visible() and artist.get_text().strip():
            found.append((artist.get_text(), artist.get_window_extent(renderer)))
    return found


def _shown_ticks(scale: Any) -> list[Any]:
    """The tick labels drawn: those within the axis's view (matplotlib keeps the others)."""
    low, high = sorted(scale.get_view_interval())
    return [
        label
        for tick, label in zip(scale.get_majorticklocs(), scale.get_ticklabels(), strict=True)
        if low <= tick <= high
    ]


def _check(figure: Any, title: str) -> list[str]:
    figure.canvas.draw()  # the layout as saved
    renderer = figure.canvas.get_renderer()
    problems = []
    texts = _texts(figure, renderer)
    for (one, box), (two, other) in itertools.combinations(texts, 2):
        overlap_x = min(box.x1, other.x1) - max(box.x0, other.x0)
        overlap_y = min(box.y1, other.y1) - max(box.y0, other.y0)
        if overlap_x > 1 and overlap_y > 1:  # more than a pixel each way
            problems.append(f"{title}: {one!r} overlaps {two!r}")
    for axis in figure.axes:
        units = {m[1].strip() for t in axis.texts if (m := FIGURE.match(t.get_text()))}
        if len(units) > 1:
            problems.append(f"{title}: one axis, units {sorted(units)}")
        named = f"{axis.get_xlabel()} {axis.get_ylabel()}"
        if units - {"", "%"} and not all(f"({unit})" in named for unit in units):
            problems.append(f"{title}: the axis does not name its unit {units}: {named!r}")
        for legend in [axis.get_legend(), *figure.legends]:
            if legend is None:
                continue
            frame = legend.get_window_extent(renderer)
            for text, box in texts:
                if text in [t.get_text() for t in legend.texts]:
                    continue
                if box.overlaps(frame) and frame.x0 < box.x1 - 1 and box.x0 < frame.x1 - 1:
                    problems.append(f"{title}: the legend covers {text!r}")
        if axis.containers:  # bars: the value axis from zero
            horizontal = axis.get_yticks().size and axis.containers[0].orientation == "horizontal"
            low = axis.get_xlim()[0] if horizontal else axis.get_ylim()[0]
            if low != 0:
                problems.append(f"{title}: bars start at {low}, not at zero")
    return problems


@pytest.mark.parametrize(("agency", "year"), EXAMPLES)
def test_every_chart_keeps_its_texts_apart_and_one_unit_an_axis(
    agency: str, year: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    problems: list[str] = []
    drawn: list[str] = []
    draw = charts._draw

    def checked(figure: Any, title: str, description: str) -> Any:
        problems.extend(_check(figure, title))
        drawn.append(title)
        return draw(figure, title, description)

    monkeypatch.setattr(charts, "_draw", checked)
    values = ValueModel(load_agency(REGISTRY, agency), REGISTRY)
    compose(values, build_tables(REGISTRY, agency, year), year)
    assert len(drawn) >= 4  # target and realisation, trend, absorption, at least
    assert problems == []


def test_the_check_sees_an_overlap_and_two_units() -> None:
    """The check itself: two labels at one place, and two units on one axis, are seen."""
    pyplot = charts._pyplot()
    figure, axis = pyplot.subplots()
    axis.barh([0, 1], [62, 46470])
    axis.text(10, 0, "62 poin")
    axis.text(10, 0, "46.470 orang")
    problems = _check(figure, "uji")
    pyplot.close(figure)
    assert any("overlaps" in p for p in problems)
    assert any("units" in p for p in problems)


def _many_programs(count: int) -> Any:
    """An agency of ``count`` programs, program n spending n of 100 (absorption n %)."""
    from sakip import Activity, Agency, AgencyData, BudgetLine, Program, SubActivity

    programs, activities, subs, lines = [], [], [], []
    for n in range(1, count + 1):
        programs.append(Program(key=f"P{n}", name=f"Program {n}"))
        activities.append(Activity(key=f"P{n}.K1", name=f"Kegiatan {n}", program=f"P{n}"))
        subs.append(SubActivity(key=f"P{n}.K1.S1", name=f"Sub {n}", activity=f"P{n}.K1"))
        lines.append(
            BudgetLine(node=f"P{n}.K1.S1", period=2024, stage="revised", allocation=100, spending=n)
        )
    return AgencyData(
        agency=Agency(id="dinas-besar", name="Dinas Besar"),
        goals=[],
        objectives=[],
        indicators=[],
        measurements=[],
        programs=programs,
        activities=activities,
        sub_activities=subs,
        budget_lines=lines,
    )


def test_the_absorption_chart_of_many_programs_shows_the_lowest_at_a_bounded_size() -> None:
    """40 programs absorbing 1 % to 40 %: the chart shows the 25 lowest (1 % to 25 %), at
    the height of 25 bars, whatever the number of programs."""
    from io import BytesIO

    from PIL import Image

    from sakip import BudgetStage

    values = ValueModel(_many_programs(40), REGISTRY)
    chart = charts.absorption(values, 2024, BudgetStage.REVISED)
    assert chart is not None
    assert chart.title == "25 program dengan serapan anggaran terendah"
    assert "25 terendah dari 40 program" in chart.description
    assert "Program 25" in chart.svg
    assert "Program 26" not in chart.svg
    height = Image.open(BytesIO(chart.png)).height
    # (0,9 + 0,45 × 25) inches at 150 dpi = 1822,5 pixels; 40 bars would be 2835.
    assert height <= 1823


def test_a_document_draws_its_charts_only_in_the_form_it_needs() -> None:
    values = ValueModel(load_agency(REGISTRY, "dinkes-contoh"), REGISTRY)
    tables = build_tables(REGISTRY, "dinkes-contoh", 2024)
    for images, has_png, has_svg in ((("png",), True, False), (("svg",), False, True)):
        document = compose(values, tables, 2024, images=images)
        drawn = [b for b in document.blocks if b.__class__.__name__ == "Chart"]
        assert drawn
        assert all(bool(c.png) is has_png and bool(c.svg) is has_svg for c in drawn)  # type: ignore[attr-defined]
