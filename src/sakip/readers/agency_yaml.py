"""Read an agency's YAML data files into a validated :class:`~sakip.AgencyData`.

An agency keeps its data in a folder its staff can read and edit:

- ``agency.yaml``: the agency, its goals and objectives with their indicators and
  measurements;
- ``programs.yaml``: the program → activity → sub-activity tree, each node with its output
  indicator (or the code of an indicator defined elsewhere, when the node's indicator *is*
  that one), measurements, budget at each stage, problems and remedies, and the names
  particular tables print for it where they differ (``names: {cascading: …}``);
- ``breakdowns.yaml`` (optional): tables that split a figure into parts;
- ``narrative.yaml`` (optional): the agency's own text for its LKjIP document, by section
  (``summary``, ``background``, ``organisation``, ``tasks``, ``strategic_issues``,
  ``closing``).

Numbers are written in Indonesian form. Every error names the file, the line, the path to
the value and what was expected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import partial
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TypeVar

from sakip.arithmetic import ZERO
from sakip.errors import CollectedDataError, DataError
from sakip.gc_pause import paused_gc
from sakip.model.agency_data import NARRATIVE, AgencyData
from sakip.model.budget import BudgetLine, BudgetStage
from sakip.model.indicators import Grade, Indicator, Measurement, RenstraValue, TargetRange
from sakip.model.nomenclature import NomenclatureCode
from sakip.model.periods import Period
from sakip.model.plan import Agency, Goal, Objective
from sakip.model.policy import AchievementPolicy
from sakip.model.programs import (
    Activity,
    Breakdown,
    BreakdownItem,
    ProblemNote,
    Program,
    SubActivity,
)
from sakip.model.references import broken_references
from sakip.numbers import parse_number
from sakip.readers import quick_records
from sakip.readers.yaml_cursor import Cursor, building, required
from sakip.rounding import RoundingPolicy

T = TypeVar("T")

INDICATOR_FIELDS = {
    "code",
    "name",
    "unit",
    "polarity",
    "aggregation",
    "formula",
    "grades",
    "grade_rule",
    "baseline",
    "end_target",
    "measurements",
}
NODE_FIELDS = {"key", "name", "names", "code", "indicator", "measurements", "budget", "problems"}
_NODE_FIELDS_WITH: dict[str | None, set[str]] = {
    "activities": NODE_FIELDS | {"activities", "objective"},  # a program
    "sub_activities": NODE_FIELDS | {"sub_activities"},  # an activity
    None: NODE_FIELDS,  # a sub-activity
}
_STAGES = {stage.value for stage in BudgetStage}
MEASUREMENT_FIELDS = {"target", "actual", "standard", "actual_breakdown"}
RENSTRA_FIELDS = {"year", "value"}


@paused_gc()
def load_agency_data(folder: Path | Traversable | str) -> AgencyData:
    """Read and validate the data files in ``folder`` (a path, or its text).

    :raises DataError: naming the file, line and field of the first bad value.
    """
    if isinstance(folder, str):
        folder = Path(folder)
    agency_file = _open(folder, "agency.yaml")
    programs_file = _open(folder, "programs.yaml")
    breakdowns_file = _open(folder, "breakdowns.yaml", optional=True)
    narrative_file = _open(folder, "narrative.yaml", optional=True)
    assert agency_file is not None
    assert programs_file is not None
    plan = _file_fields(agency_file, PLAN_FIELDS)
    programs = _file_fields(programs_file, {"programs"})
    breakdowns = _file_fields(breakdowns_file, {"breakdowns"}) if breakdowns_file else {}
    narrative = _file_fields(narrative_file, set(NARRATIVE)) if narrative_file else {}
    return _Reader().read(
        plan=(plan, agency_file),
        programs=required(programs, "programs", programs_file),
        breakdowns=breakdowns.get("breakdowns"),
        narrative=narrative,
    )


def read_agency_data(cursor: Cursor) -> AgencyData:
    """An agency's data written in one YAML mapping with the fields of all three files
    (``agency``, ``goals``, ``objectives``, ``programs``, ``breakdowns``), as a test case
    writes it inline.

    :raises DataError: naming the source, line and field of the first bad value.
    """
    fields = _file_fields(cursor, PLAN_FIELDS | {"programs", "breakdowns"})
    plan = {key: value for key, value in fields.items() if key in PLAN_FIELDS}
    return _Reader().read(
        plan=(plan, cursor),
        programs=required(fields, "programs", cursor),
        breakdowns=fields.get("breakdowns"),
    )


PLAN_FIELDS = {"agency", "goals", "objectives"}


def _file_fields(cursor: Cursor, allowed: set[str]) -> dict[str, Cursor]:
    """A file's top-level fields, read in the number form it declares (``numbers: en``)."""
    fields = cursor.mapping(allowed | {"numbers"})
    cursor.with_number_form(fields)
    fields.pop("numbers", None)
    return fields


def _open(folder: Path | Traversable, name: str, *, optional: bool = False) -> Cursor | None:
    path = folder / name
    if not path.is_file():
        if optional:
            return None
        raise DataError(str(path), "", "the file is missing")
    return Cursor.read(path)


def _unit(cursor: Cursor) -> str:
    """A unit (satuan): text, or nothing (``%`` is written quoted, ``"%"``)."""
    return "" if cursor.is_no_value() else cursor.text()


class _Reader:
    def __init__(self) -> None:
        self.errors: list[DataError] = []
        """Every problem found so far: reading goes on with the next record."""
        self.indicators: dict[str, tuple[Indicator, Cursor]] = {}
        self.measurements: list[Measurement] = []
        self.breakdowns: list[Breakdown] = []
        self.programs: list[Program] = []
        self.activities: list[Activity] = []
        self.sub_activities: list[SubActivity] = []
        self.budget_lines: list[BudgetLine] = []
        self.problems: list[ProblemNote] = []
        self.nodes: dict[str, Cursor] = {}
        self.references: list[tuple[str, Cursor]] = []
        """Indicator codes that nodes name instead of defining, checked once all is read."""

    def read(
        self,
        *,
        plan: tuple[dict[str, Cursor], Cursor],
        programs: Cursor,
        breakdowns: Cursor | None,
        narrative: dict[str, Cursor] | None = None,
    ) -> AgencyData:
        top, owner = plan
        agency = self._collect(lambda: self._agency(required(top, "agency", owner)))
        goals = [
            goal
            for cursor in (top["goals"].items() if "goals" in top else ())
            if (goal := self._collect(partial(self._goal, cursor))) is not None
        ]
        objectives = [
            (objective, cursor)
            for cursor in self._collect(lambda: list(required(top, "objectives", owner).items()))
            or ()
            if (objective := self._collect(partial(self._objective, cursor))) is not None
        ]
        for cursor in self._collect(lambda: list(programs.items())) or ():
            self._collect(partial(self._program, cursor))
        if breakdowns is not None:
            for cursor in self._collect(lambda: list(breakdowns.items())) or ():
                found = self._collect(partial(self._breakdown, cursor))
                if found is not None:
                    self.breakdowns.append(found)
        if not self.errors:
            # References are checked once every record reads: a reference to a record that
            # failed would only repeat that record's problem.
            self._check_links(goals, objectives)
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors or agency is None:
            raise CollectedDataError(self.errors)
        return AgencyData(
            agency=agency,
            goals=goals,
            objectives=[objective for objective, _ in objectives],
            indicators=[indicator for indicator, _ in self.indicators.values()],
            measurements=self.measurements,
            programs=self.programs,
            activities=self.activities,
            sub_activities=self.sub_activities,
            budget_lines=self.budget_lines,
            problems=self.problems,
            breakdowns=self.breakdowns,
            narrative={key: text.text() for key, text in (narrative or {}).items()},
        )

    def _collect(self, read: Callable[[], T]) -> T | None:
        """``read()``, or ``None`` with its problem kept, so the next record is read too."""
        try:
            return read()
        except DataError as exc:
            self.errors.append(exc)
            return None

    # --- plan --------------------------------------------------------------------------

    def _agency(self, cursor: Cursor) -> Agency:
        fields = cursor.mapping(
            {"id", "name", "region", "scale", "rounding", "places", "zero", "cap"}
        )
        with building(cursor):
            rounding = RoundingPolicy(
                fields["rounding"].text() if "rounding" in fields else "half-up",
                fields["places"].whole(least=0, most=12) if "places" in fields else 2,
            )
            policy = AchievementPolicy(
                rounding=rounding,
                zero=fields["zero"].text() if "zero" in fields else "error",
                cap=fields["cap"].number() if "cap" in fields else None,
            )
            return Agency(
                id=required(fields, "id", cursor).text(),
                name=required(fields, "name", cursor).text(),
                region=fields["region"].text() if "region" in fields else "",
                policy=policy,
                scale=fields["scale"].text() if "scale" in fields else "permendagri-86-2017",
            )

    def _goal(self, cursor: Cursor) -> Goal:
        fields = cursor.mapping({"key", "name", "indicators"})
        codes = (
            [self._indicator_or_reference(c) for c in fields["indicators"].items()]
            if "indicators" in fields
            else []
        )
        with building(cursor):
            return Goal(
                key=required(fields, "key", cursor).text(),
                name=required(fields, "name", cursor).text(),
                indicators=codes,
            )

    def _objective(self, cursor: Cursor) -> Objective:
        fields = cursor.mapping({"key", "name", "goal", "indicators", "funded_by", "budget"})
        codes = (
            [self._indicator_or_reference(c) for c in fields["indicators"].items()]
            if "indicators" in fields
            else []
        )
        if "budget" in fields:
            # An objective's own allocation (a report's alokasi per sasaran), stated where no
            # funding node carries it.
            self._budget(required(fields, "key", cursor).text(), fields["budget"])
        with building(cursor):
            return Objective(
                key=required(fields, "key", cursor).text(),
                name=required(fields, "name", cursor).text(),
                goal=fields["goal"].text() if "goal" in fields else None,
                indicators=codes,
                funded_by=fields["funded_by"].texts() if "funded_by" in fields else (),
            )

    def _indicator_or_reference(self, cursor: Cursor) -> str:
        """An indicator defined here, or the code of one defined elsewhere (a goal's
        indicator that is also an objective's)."""
        if cursor.is_scalar():
            code = cursor.text()
            self.references.append((code, cursor))
            return code
        return self._indicator(cursor)

    def _indicator(self, cursor: Cursor, default_code: str | None = None) -> str:
        quick = quick_records.indicator(cursor, default_code)
        if quick is not None:
            indicator, measurements = quick
            self._register(indicator, cursor)
            if measurements is not None:
                self._measurements(indicator, cursor.child(measurements, "measurements"))
            return indicator.code
        fields = cursor.mapping(INDICATOR_FIELDS)
        code = fields["code"].text() if "code" in fields else default_code
        if code is None:
            raise cursor.error("the required field 'code' is missing")
        with building(cursor):
            indicator = Indicator(
                code=code,
                name=required(fields, "name", cursor).text(),
                unit=_unit(fields["unit"]) if "unit" in fields else "",
                polarity=fields["polarity"].text() if "polarity" in fields else "higher",
                aggregation=fields["aggregation"].text() if "aggregation" in fields else "last",
                formula=fields["formula"].text() if "formula" in fields else None,
                grades=fields["grades"].texts() if "grades" in fields else (),
                grade_rule=fields["grade_rule"].text() if "grade_rule" in fields else "met",
                baseline=self._renstra(fields["baseline"]) if "baseline" in fields else None,
                end_target=(
                    self._renstra(fields["end_target"]) if "end_target" in fields else None
                ),
            )
        self._register(indicator, cursor)
        if "measurements" in fields:
            self._measurements(indicator, fields["measurements"])
        return code

    def _register(self, indicator: Indicator, cursor: Cursor) -> None:
        code = indicator.code
        if code in self.indicators:
            first = self.indicators[code][1]
            raise cursor.error(f"indicator code {code!r} is already used at {first.place}")
        self.indicators[code] = (indicator, cursor)

    def _renstra(self, cursor: Cursor) -> RenstraValue:
        """A Renstra baseline or end target: ``{year: 2021, value: "70,5"}``."""
        fields = cursor.mapping(RENSTRA_FIELDS)
        with building(cursor):
            return RenstraValue(
                period=_period(required(fields, "year", cursor).text(), fields["year"]),
                value=required(fields, "value", cursor).number(),
            )

    def _value(self, indicator: Indicator, cursor: Cursor) -> Decimal | Grade | None:
        """A target or actual value: a number, a grade of a qualitative indicator, or none
        (``-``, ``n/a``, empty)."""
        if cursor.is_no_value():
            return None
        if not indicator.is_qualitative:
            return cursor.number()
        grade = cursor.text()
        if grade not in indicator.grades:
            raise cursor.error(
                f"{grade!r} is not a grade of indicator {indicator.code}; its grades, best "
                f"first: {', '.join(indicator.grades)}"
            )
        return Grade(grade)

    def _target(self, indicator: Indicator, cursor: Cursor) -> Decimal | TargetRange | Grade | None:
        text = str(cursor.node.value) if cursor.is_scalar() else ""
        if ".." in text and not indicator.is_qualitative:
            low, high = text.split("..", 1)
            with building(cursor):
                return TargetRange(
                    parse_number(low, locale=cursor.locale),
                    parse_number(high, locale=cursor.locale),
                )
        return self._value(indicator, cursor)

    def _measurements(self, indicator: Indicator, cursor: Cursor) -> None:
        quick = quick_records.measurements(indicator, cursor)
        if quick is not None:
            self.measurements.extend(quick)
            return
        for period_text, entry in cursor.mapping().items():
            self._collect(partial(self._measurement, indicator, period_text, entry))

    def _measurement(self, indicator: Indicator, period_text: str, entry: Cursor) -> None:
        code = indicator.code
        period = _period(period_text, entry)
        fields = entry.mapping(MEASUREMENT_FIELDS)
        with building(entry):
            self.measurements.append(
                Measurement(
                    indicator=code,
                    period=period,
                    target=self._target(indicator, fields["target"])
                    if "target" in fields
                    else None,
                    actual=self._value(indicator, fields["actual"]) if "actual" in fields else None,
                    standard=fields["standard"].optional_number() if "standard" in fields else None,
                )
            )
        if "actual_breakdown" in fields:
            parts = fields["actual_breakdown"]
            items = [
                BreakdownItem(label, value.number()) for label, value in parts.mapping().items()
            ]
            with building(parts):
                self.breakdowns.append(
                    Breakdown(
                        key=f"{code}.{period}.actual",
                        title=code,
                        period=period,
                        label_heading="Rincian",
                        value_heading="Jumlah",
                        items=items,
                    )
                )

    # --- program tree ------------------------------------------------------------------

    def _node_fields(self, cursor: Cursor, children: str | None) -> tuple[dict[str, Cursor], str]:
        fields = cursor.mapping(_NODE_FIELDS_WITH[children])
        key = required(fields, "key", cursor).text()
        if key in self.nodes:
            raise fields["key"].error(f"key {key!r} is already used at {self.nodes[key].place}")
        self.nodes[key] = cursor
        return fields, key

    def _node_details(self, fields: dict[str, Cursor], key: str) -> tuple[str, ...]:
        """Read a node's indicator, budget and problems; returns its indicator codes."""
        codes: tuple[str, ...] = ()
        shared = "indicator" in fields and fields["indicator"].is_scalar()
        if shared:
            # The node's indicator is one defined elsewhere (an objective's, say): its values
            # are that indicator's, so they are written once, where it is defined.
            code = fields["indicator"].text()
            self.references.append((code, fields["indicator"]))
            codes = (code,)
        elif "indicator" in fields:
            codes = (self._indicator(fields["indicator"], default_code=key),)
        if "measurements" in fields:
            if not codes:
                raise fields["measurements"].error(
                    "measurements need an 'indicator' on the same node"
                )
            if shared:
                raise fields["measurements"].error(
                    f"the node's indicator is {codes[0]!r}, defined elsewhere: write its "
                    "measurements where it is defined"
                )
            self._measurements(self.indicators[codes[0]][0], fields["measurements"])
        if "budget" in fields:
            self._budget(key, fields["budget"])
        if "problems" in fields:
            for period_text, entry in fields["problems"].mapping().items():
                notes = entry.mapping({"problem", "remedy", "follow_up"})
                with building(entry):
                    self.problems.append(
                        ProblemNote(
                            node=key,
                            period=_period(period_text, entry),
                            **{name: value.text() for name, value in notes.items()},
                        )
                    )
        return codes

    def _program(self, cursor: Cursor) -> None:
        fields, key = self._node_fields(cursor, "activities")
        codes = self._node_details(fields, key)
        with building(cursor):
            self.programs.append(
                Program(
                    key=key,
                    name=required(fields, "name", cursor).text(),
                    code=fields["code"].text() if "code" in fields else None,
                    objective=fields["objective"].text() if "objective" in fields else None,
                    indicators=codes,
                    names=_names(fields),
                )
            )
        for child in _children(fields, "activities"):
            self._collect(partial(self._activity, child, key))

    def _activity(self, cursor: Cursor, program: str) -> None:
        fields, key = self._node_fields(cursor, "sub_activities")
        codes = self._node_details(fields, key)
        with building(cursor):
            activity = Activity(
                key=key,
                name=required(fields, "name", cursor).text(),
                program=program,
                code=fields["code"].text() if "code" in fields else None,
                indicators=codes,
                names=_names(fields),
            )
        self._check_code_prefix(cursor, activity.code, self.programs[-1].code)
        self.activities.append(activity)
        for child in _children(fields, "sub_activities"):
            self._collect(partial(self._sub_activity, child, key))

    def _sub_activity(self, cursor: Cursor, activity: str) -> None:
        fields, key = self._node_fields(cursor, None)
        codes = self._node_details(fields, key)
        with building(cursor):
            sub = SubActivity(
                key=key,
                name=required(fields, "name", cursor).text(),
                activity=activity,
                code=fields["code"].text() if "code" in fields else None,
                indicators=codes,
                names=_names(fields),
            )
        self._check_code_prefix(cursor, sub.code, self.activities[-1].code)
        self.sub_activities.append(sub)

    @staticmethod
    def _check_code_prefix(cursor: Cursor, code: object, parent: object) -> None:

        if (
            isinstance(code, NomenclatureCode)
            and isinstance(parent, NomenclatureCode)
            and code.parent != parent
        ):
            raise cursor.error(f"code {code} does not belong under its parent's code {parent}")

    def _budget(self, key: str, cursor: Cursor) -> None:
        quick = quick_records.budget_lines(key, cursor)
        if quick is not None:
            self.budget_lines.extend(quick)
            return
        for period_text, stages in cursor.mapping().items():
            period = _period(period_text, stages)
            for stage_text, amounts in stages.mapping(_STAGES).items():
                fields = amounts.mapping({"allocation", "spending"})
                if period.is_year:
                    allocation = required(fields, "allocation", amounts).number()
                elif "allocation" in fields:
                    # The allocation (pagu) is a year's; a quarter states what was spent.
                    raise fields["allocation"].error(
                        "a quarter states only its spending; the allocation is the year's"
                    )
                else:
                    allocation = ZERO
                with building(amounts):
                    self.budget_lines.append(
                        BudgetLine(
                            node=key,
                            period=period,
                            stage=BudgetStage(stage_text),
                            allocation=allocation,
                            spending=fields["spending"].number() if "spending" in fields else None,
                        )
                    )

    # --- breakdowns and links ----------------------------------------------------------

    def _breakdown(self, cursor: Cursor) -> Breakdown:
        fields = cursor.mapping(
            {"key", "title", "period", "label_heading", "value_heading", "items"}
        )
        items = []
        for item in required(fields, "items", cursor).items():
            parts = item.mapping({"label", "value"})
            with building(item):
                items.append(
                    BreakdownItem(
                        required(parts, "label", item).text(),
                        required(parts, "value", item).number(),
                    )
                )
        with building(cursor):
            return Breakdown(
                key=required(fields, "key", cursor).text(),
                title=required(fields, "title", cursor).text(),
                period=_period(required(fields, "period", cursor).text(), fields["period"]),
                label_heading=required(fields, "label_heading", cursor).text(),
                value_heading=required(fields, "value_heading", cursor).text(),
                items=items,
            )

    def _check_links(self, goals: list[Goal], objectives: list[tuple[Objective, Cursor]]) -> None:
        """Every reference names a record that exists; each one that does not is a problem."""
        cursors = {objective.key: cursor for objective, cursor in objectives}
        for broken in broken_references(
            goals, [objective for objective, _ in objectives], self.programs, self.nodes
        ):
            at = (
                self.nodes[broken.record] if broken.field == "objective" else cursors[broken.record]
            )
            self.errors.append(at.error(broken.message()))
        for code, cursor in self.references:
            if code not in self.indicators:
                self.errors.append(
                    cursor.error(
                        f"indicator {code!r} is not defined; a node names an indicator defined "
                        "elsewhere by its code, or defines its own with {name: ...}"
                    )
                )


def _names(fields: dict[str, Cursor]) -> dict[str, str]:
    """The names tables print for a node where they differ from its name, by table id."""
    if "names" not in fields:
        return {}
    return {table: name.text() for table, name in fields["names"].mapping().items()}


def _children(fields: dict[str, Cursor], name: str) -> Iterator[Cursor]:
    return fields[name].items() if name in fields else iter(())


def _period(text: str, cursor: Cursor) -> Period:
    with building(cursor):
        return Period.parse(text)
