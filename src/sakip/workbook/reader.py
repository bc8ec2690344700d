"""Read an agency's year from a workbook (``.xlsx``) into a validated :class:`~sakip.AgencyData`.

Every problem of the workbook is collected, each naming its sheet and cell (``capaian!C14``),
the value and what was expected, and reported together as one
:class:`~sakip.errors.WorkbookError`: nothing is built from a workbook with a problem.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from attrs import define, field

from sakip.errors import SakipError, WorkbookError
from sakip.extras import require
from sakip.model.agency_data import NARRATIVE, AgencyData
from sakip.model.budget import BudgetLine, BudgetStage
from sakip.model.indicators import Grade, Indicator, Measurement, RenstraValue, TargetRange
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
from sakip.rounding import RoundingPolicy
from sakip.untrusted import checked_package
from sakip.workbook import cells, layout
from sakip.workbook.cells import CellProblem
from sakip.workbook.layout import Sheet

T = TypeVar("T")


@define
class Row:
    """One data row of a sheet: its cells by column, and where it is."""

    sheet: str
    number: int
    values: dict[str, Any]
    letters: dict[str, str]
    percent: frozenset[str] = frozenset()
    """The columns whose cell in this row Excel shows as a percentage (``0%``, ``0.00%``)."""

    def at(self, column: str) -> str:
        """``capaian!C14``: where a column's cell of this row is."""
        return f"{self.sheet}!{self.letters.get(column, 'A')}{self.number}"

    def raw(self, column: str) -> Any:
        return self.values.get(column)


@define
class _Problems:
    found: list[str] = field(factory=list)

    def add(self, where: str, message: str) -> None:
        self.found.append(f"{where}: {message}")


def _stored_rows(worksheet: Any) -> list[list[Any]]:
    """The rows of the cells the sheet stores, in order: never its declared rectangle (one
    cell at XFD1048576 would make that seventeen billion cells)."""
    by_row: dict[int, list[Any]] = {}
    for (row, _), cell in worksheet._cells.items():  # openpyxl's store of the real cells
        by_row.setdefault(row, []).append(cell)
    return [sorted(by_row[row], key=lambda c: c.column) for row in sorted(by_row)]


def load_workbook_data(path: Path) -> AgencyData:
    """Read and validate an agency's workbook.

    :raises WorkbookError: listing every problem, each with its sheet and cell.
    :raises MissingExtraError: when openpyxl (``sakip[excel]``) is not installed.
    """
    openpyxl = require("openpyxl", "reading a workbook")
    letter = require("openpyxl.utils", "reading a workbook").get_column_letter
    invalid = require("openpyxl.utils.exceptions", "reading a workbook").InvalidFileException
    checked_package(path)
    try:
        book = openpyxl.load_workbook(path, data_only=False)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, invalid) as exc:
        # Not an .xlsx: another kind of file, an old .xls, a damaged or password-protected one.
        raise WorkbookError(
            str(path), [f"not a readable Excel workbook (.xlsx): {exc or type(exc).__name__}"]
        ) from None
    return _WorkbookReader(str(path), book, letter).read()


class _WorkbookReader:
    def __init__(self, source: str, book: Any, letter: Callable[[int], str]) -> None:
        self.source = source
        self.book = book
        self.letter = letter
        self.problems = _Problems()
        self.locale = "id"
        self.seen: dict[str, str] = {}
        """Every key of the plan and the program tree, with the cell it is defined at."""
        self.objective_rows: dict[str, Row] = {}
        self.node_keys: set[str] = set()
        """Every key of the program sheet, built or refused (a refused one is reported at
        its own row, not again where it is named)."""

    # --- cells and rows --------------------------------------------------------------------

    def rows(self, sheet: Sheet) -> list[Row]:
        """The sheet's data rows; a sheet left out has none."""
        if sheet.name not in self.book.sheetnames:
            return []
        worksheet = self.book[sheet.name]
        for merged in worksheet.merged_cells.ranges:
            self.problems.add(
                f"{sheet.name}!{merged.coord}",
                "merged cells: unmerge them, one value per cell",
            )
        lines = _stored_rows(worksheet)
        if not lines:
            return []
        header = lines[0] if lines[0][0].row == 1 else []  # the headers are row 1's
        columns = self._header(sheet, header)
        found = []
        for line in lines[1:] if header else lines:
            values = {columns[c.column]: c.value for c in line if c.column in columns}
            if all(cells.is_blank(v) for v in values.values()):
                continue
            letters = {
                columns[c.column]: self.letter(c.column) for c in line if c.column in columns
            }
            percent = frozenset(
                columns[c.column]
                for c in line
                if c.column in columns and "%" in str(c.number_format or "")
            )
            found.append(Row(sheet.name, line[0].row, values, letters, percent))
        return found

    def _header(self, sheet: Sheet, header: Any) -> dict[int, str]:
        columns: dict[int, str] = {}
        for cell in header:
            if cell.value is None or str(cell.value).strip() == "":
                continue
            name = str(cell.value).strip().lower()
            if name not in sheet.columns:
                self.problems.add(
                    f"{sheet.name}!{cell.coordinate}",
                    f"unknown column {name!r}; the columns of {sheet.name} are "
                    f"{', '.join(sheet.columns)}",
                )
                continue
            columns[cell.column] = name
        for name in sheet.required:
            if name not in columns.values():
                self.problems.add(f"{sheet.name}!1", f"the column {name!r} is missing")
        return columns

    def get(self, row: Row, column: str, read: Callable[[Any], T]) -> T | None:
        """A cell read by ``read``; a problem (recorded) gives ``None``."""
        try:
            return read(row.raw(column))
        except CellProblem as exc:
            self.problems.add(row.at(column), str(exc))
        except SakipError as exc:
            self.problems.add(row.at(column), str(exc))
        return None

    def text(self, row: Row, column: str) -> str | None:
        return self.get(row, column, cells.text)

    def number(self, row: Row, column: str, max_decimals: int) -> Decimal | None:
        """A number cell as the agency sees it: one shown as a percentage (``85%``, stored
        by Excel as 0,85) is the percentage shown."""
        percent = column in row.percent
        return self.get(
            row,
            column,
            lambda v: cells.number(
                v, locale=self.locale, max_decimals=max_decimals, percent=percent
            ),
        )

    def period(self, row: Row, column: str) -> Period | None:
        value = self.text(row, column)
        if value is None:
            self.problems.add(row.at(column), f"{column} is required: a year such as 2023")
            return None
        try:
            return Period.parse(value)
        except SakipError as exc:
            self.problems.add(row.at(column), str(exc))
            return None

    def build(self, row: Row, make: Callable[..., T], **fields: Any) -> T | None:
        """A record from a row's fields; its own validation error is reported at the row."""
        try:
            return make(**fields)
        except (SakipError, ValueError, TypeError) as exc:
            self.problems.add(f"{row.sheet}!A{row.number}", str(exc))
            return None

    # --- the workbook ------------------------------------------------------------------------

    def read(self) -> AgencyData:
        self._unknown_sheets()
        agency = self._agency()
        goals = self._goals()
        objectives = self._objectives()
        nodes = self._nodes()
        self._references(goals, objectives)
        indicators, owners = self._indicators(goals, objectives, nodes)
        parts = _Parts(
            goals=goals,
            objectives=objectives,
            nodes=nodes,
            indicators=indicators,
            owners=owners,
            measurements=self._measurements(indicators),
            lines=self._budget(),
            problems=self._problem_notes(),
            breakdowns=self._breakdowns(),
            serves=self._cascade(objectives),
            names=self._table_names(),
            narrative=self._narrative(),
        )
        if self.problems.found or agency is None:
            raise WorkbookError(self.source, self.problems.found)
        try:
            return parts.data(agency)
        except (SakipError, ValueError) as exc:
            raise WorkbookError(self.source, [str(exc)]) from None

    def _unknown_sheets(self) -> None:
        for name in self.book.sheetnames:
            if name not in layout.BY_NAME and name not in layout.NOT_DATA:
                self.problems.add(
                    f"{name}!A1",
                    f"unknown sheet {name!r}; the sheets are "
                    f"{', '.join(s.name for s in layout.SHEETS)}",
                )

    # --- instansi ----------------------------------------------------------------------------

    def _agency(self) -> Agency | None:
        if layout.INSTANSI.name not in self.book.sheetnames:
            self.problems.add("instansi!A1", "the sheet 'instansi' is missing")
            return None
        keys: dict[str, tuple[Any, Row]] = {}
        for row in self.rows(layout.INSTANSI):
            key = self.text(row, "kunci")
            if key is None:
                continue
            if key not in layout.AGENCY_KEYS:
                self.problems.add(
                    row.at("kunci"),
                    f"unknown key {key!r}; the keys are {', '.join(layout.AGENCY_KEYS)}",
                )
            elif key in keys:
                self.problems.add(row.at("kunci"), f"the key {key!r} is given twice")
            else:
                keys[key] = (row.raw("nilai"), row)
        form = self._choice(keys, "bentuk_angka", layout.NUMBER_FORMS, "id")
        self.locale = form
        rounding = self._choice(keys, "pembulatan", layout.ROUNDINGS, "half-up")
        places = self._integer(keys, "desimal", 2)
        for required in ("id", "nama"):
            if required not in keys:
                self.problems.add("instansi!A1", f"the key {required!r} is missing")
        if "id" not in keys or "nama" not in keys:
            return None
        id_row, name_row = keys["id"][1], keys["nama"][1]
        zero = self._plain(keys, "nol")
        cap = None
        if "batas" in keys:
            cap = self.number(keys["batas"][1], "nilai", layout.VALUE_DECIMALS)
        return self.build(
            id_row,
            Agency,
            id=self.text(id_row, "nilai") or "",
            name=self.text(name_row, "nilai") or "",
            region=self._plain(keys, "wilayah") or "",
            policy=AchievementPolicy(
                rounding=RoundingPolicy(rounding, places),
                zero=zero or "error",
                cap=cap,
            ),
            scale=self._plain(keys, "skala") or "permendagri-86-2017",
        )

    def _plain(self, keys: dict[str, tuple[Any, Row]], key: str) -> str | None:
        return self.text(keys[key][1], "nilai") if key in keys else None

    def _choice(
        self, keys: dict[str, tuple[Any, Row]], key: str, choices: tuple[str, ...], default: str
    ) -> str:
        value = self._plain(keys, key)
        if value is None:
            return default
        if value not in choices:
            self.problems.add(
                keys[key][1].at("nilai"),
                f"{key}: {value!r} is not one of {', '.join(choices)}",
            )
            return default
        return value

    def _integer(self, keys: dict[str, tuple[Any, Row]], key: str, default: int) -> int:
        if key not in keys:
            return default
        row = keys[key][1]
        value = self.number(row, "nilai", 0)
        if value is None or not 0 <= value <= 12:
            self.problems.add(
                row.at("nilai"), f"{key}: expected a whole number of decimals, 0 to 12"
            )
            return default
        return int(value)

    # --- plan and programs -------------------------------------------------------------------

    def _keyed(self, sheet: Sheet, key: str, seen: dict[str, str]) -> Iterator[tuple[Row, str]]:
        """Each row with its key, duplicates (across the plan and the program tree) refused."""
        for row in self.rows(sheet):
            value = self.text(row, key)
            if value is None:
                self.problems.add(row.at(key), f"{key} is required")
                continue
            if value in seen:
                self.problems.add(row.at(key), f"{value!r} is already used at {seen[value]}")
                continue
            seen[value] = row.at(key)
            yield row, value

    def _goals(self) -> dict[str, Goal]:
        goals: dict[str, Goal] = {}
        for row, key in self._keyed(layout.TUJUAN, "kode", self.seen):
            goal = self.build(row, Goal, key=key, name=self.text(row, "nama") or "")
            if goal is not None:
                goals[key] = goal
        return goals

    def _objectives(self) -> dict[str, Objective]:
        objectives: dict[str, Objective] = {}
        for row, key in self._keyed(layout.SASARAN, "kode", self.seen):
            funded = self.text(row, "didanai") or ""
            objective = self.build(
                row,
                Objective,
                key=key,
                name=self.text(row, "nama") or "",
                goal=self.text(row, "tujuan"),
                funded_by=[part.strip() for part in funded.split(",") if part.strip()],
            )
            if objective is not None:
                objectives[key] = objective
                self.objective_rows[key] = row
        return objectives

    def _references(self, goals: dict[str, Goal], objectives: dict[str, Objective]) -> None:
        """A sasaran's tujuan and didanai name rows that exist: each that does not, at its
        cell (before, a wrong didanai left the objective's budget empty without a word)."""
        for broken in broken_references(goals.values(), objectives.values(), (), self.node_keys):
            column = "tujuan" if broken.field == "goal" else "didanai"
            self.problems.add(self.objective_rows[broken.record].at(column), broken.message(column))

    def _nodes(self) -> dict[str, Program | Activity | SubActivity]:
        pending = list(self._keyed(layout.PROGRAM, "kunci", self.seen))
        parents = {key: self.text(row, "induk") for row, key in pending}
        self.node_keys = set(parents)
        nodes: dict[str, Program | Activity | SubActivity] = {}
        for row, key in pending:
            parent = parents[key]
            depth, up, trail = 0, parent, {key}
            while up is not None and up in parents and up not in trail:
                trail.add(up)
                depth, up = depth + 1, parents[up]
            if up is not None and up not in parents:
                if up == parent:  # the mistake is in this row; rows under it are not blamed
                    self.problems.add(
                        row.at("induk"), f"{up!r} is no program or kegiatan in this sheet"
                    )
                continue
            if up is not None or depth > 2:
                self.problems.add(
                    row.at("induk"),
                    "a program holds kegiatan and a kegiatan holds sub kegiatan: no deeper, "
                    "and no circle",
                )
                continue
            code = self.text(row, "kode")
            name = self.text(row, "nama") or ""
            node: Program | Activity | SubActivity | None
            if depth == 0:
                node = self.build(row, Program, key=key, name=name, code=code)
            elif depth == 1:
                node = self.build(row, Activity, key=key, name=name, program=parent, code=code)
            else:
                node = self.build(row, SubActivity, key=key, name=name, activity=parent, code=code)
            if node is not None:
                nodes[key] = node
        return nodes

    # --- indicators and measurements --------------------------------------------------------

    def _indicators(
        self,
        goals: dict[str, Goal],
        objectives: dict[str, Objective],
        nodes: dict[str, Program | Activity | SubActivity],
    ) -> tuple[dict[str, Indicator], dict[str, list[str]]]:
        owners_known = {*goals, *objectives, *nodes}
        first: dict[str, Row] = {}
        owners: dict[str, list[str]] = {}
        for row in self.rows(layout.INDIKATOR):
            code, owner = self.text(row, "kode"), self.text(row, "milik")
            if code is None or owner is None:
                for column in ("kode", "milik"):
                    if self.text(row, column) is None:
                        self.problems.add(row.at(column), f"{column} is required")
                continue
            if code in first:
                self._same_as_first(row, first[code])
            else:
                first[code] = row  # described even when its owner is wrong: one problem, not many
            if owner not in owners_known:
                self.problems.add(
                    row.at("milik"),
                    f"{owner!r} is no tujuan, sasaran, program, kegiatan or sub kegiatan",
                )
                continue
            owners.setdefault(owner, []).append(code)
        indicators: dict[str, Indicator] = {}
        for code, row in first.items():
            indicator = self._indicator(code, row)
            if indicator is not None:
                indicators[code] = indicator
        return indicators, owners

    def _same_as_first(self, row: Row, first: Row) -> None:
        for column in layout.INDIKATOR.columns[2:]:
            value = row.raw(column)
            if not cells.is_blank(value) and value != first.raw(column):
                self.problems.add(
                    row.at(column),
                    f"indicator {self.text(row, 'kode')!r} is described at {first.at(column)} "
                    "already: leave its other rows blank but for kode and milik",
                )

    def _indicator(self, code: str, row: Row) -> Indicator | None:
        polarity = self._word(row, "polaritas", layout.POLARITIES, "higher")
        aggregation = self._word(row, "agregasi", layout.AGGREGATIONS, "last")
        grades = [g.strip() for g in (self.text(row, "predikat") or "").split(",") if g.strip()]
        baseline = self._renstra(row, "baseline_tahun", "baseline")
        end = self._renstra(row, "target_akhir_tahun", "target_akhir")
        return self.build(
            row,
            Indicator,
            code=code,
            name=self.text(row, "nama") or "",
            unit=self.text(row, "satuan") or "",
            polarity=polarity,
            aggregation=aggregation,
            formula=self.text(row, "rumus"),
            grades=grades,
            baseline=baseline,
            end_target=end,
        )

    def _word(self, row: Row, column: str, words: dict[str, str], default: str) -> str:
        value = self.text(row, column)
        if value is None:
            return default
        if value.lower() not in words:
            known = ", ".join(w for w in words if w.isascii())
            self.problems.add(row.at(column), f"{value!r} is not one of {known}")
            return default
        return words[value.lower()]

    def _renstra(self, row: Row, year: str, value: str) -> RenstraValue | None:
        when, amount = self.text(row, year), self.number(row, value, layout.VALUE_DECIMALS)
        if when is None and amount is None:
            return None
        if when is None or amount is None:
            missing = year if when is None else value
            self.problems.add(
                row.at(missing), f"{missing} is required with {year if when else value}"
            )
            return None
        return self.build(row, RenstraValue, period=when, value=amount)

    def _measurements(self, indicators: dict[str, Indicator]) -> list[Measurement]:
        found: dict[tuple[str, Period], str] = {}
        measurements = []
        for row in self.rows(layout.CAPAIAN):
            code = self.text(row, "indikator")
            period = self.period(row, "periode")
            if code is None or code not in indicators:
                self.problems.add(
                    row.at("indikator"), f"{code!r} is no indicator of the indikator sheet"
                )
                continue
            if period is None:
                continue
            if (code, period) in found:
                self.problems.add(
                    row.at("periode"),
                    f"{code} {period} is given already at {found[(code, period)]}",
                )
                continue
            found[(code, period)] = row.at("periode")
            indicator = indicators[code]
            target = self._value(row, "target", indicator, ranges=True)
            actual = self._value(row, "realisasi", indicator, ranges=False)
            standard = self.number(row, "standar_nasional", layout.VALUE_DECIMALS)
            measurement = self.build(
                row,
                Measurement,
                indicator=code,
                period=period,
                target=target,
                actual=actual,
                standard=standard,
            )
            if measurement is not None:
                measurements.append(measurement)
        return measurements

    def _value(
        self, row: Row, column: str, indicator: Indicator, *, ranges: bool
    ) -> Decimal | Grade | TargetRange | None:
        raw = row.raw(column)
        if indicator.is_qualitative:
            grade = self.text(row, column)
            if grade is not None and grade not in indicator.grades:
                self.problems.add(
                    row.at(column),
                    f"{grade!r} is not a grade of indicator {indicator.code}: "
                    f"{', '.join(indicator.grades)}",
                )
                return None
            return None if grade is None else Grade(grade)
        if ranges and isinstance(raw, str) and ".." in raw:
            low, high = raw.split("..", 1)
            bounds = [self.get(row, column, partial(self._bound, bound)) for bound in (low, high)]
            if bounds[0] is None or bounds[1] is None:
                return None
            return self.build(row, TargetRange, lower=bounds[0], upper=bounds[1])
        return self.number(row, column, layout.VALUE_DECIMALS)

    def _bound(self, text: str, _raw: Any) -> Decimal | None:
        return cells.number(text, locale=self.locale, max_decimals=layout.VALUE_DECIMALS)

    # --- budget, problems, breakdowns, links ------------------------------------------------

    def _budget(self) -> list[BudgetLine]:
        lines = []
        seen: dict[tuple[str, Period, str], str] = {}
        for row in self.rows(layout.ANGGARAN):
            key, period = self.text(row, "kunci"), self.period(row, "tahun")
            stage = self._word(row, "tahap", layout.STAGES, "")
            if key is None or not self._is_node(key):
                self.problems.add(
                    row.at("kunci"), f"{key!r} is no program, kegiatan or sub kegiatan"
                )
                continue
            if period is None or not stage:
                if not stage:
                    self.problems.add(row.at("tahap"), "tahap is required: murni or perubahan")
                continue
            if (key, period, stage) in seen:
                self.problems.add(
                    row.at("kunci"),
                    f"{key} {period} {stage} is given already at {seen[(key, period, stage)]}",
                )
                continue
            seen[(key, period, stage)] = row.at("kunci")
            allocation = self.number(row, "pagu", layout.MONEY_DECIMALS)
            spending = self.number(row, "realisasi", layout.MONEY_DECIMALS)
            if period.is_year and allocation is None:
                if cells.is_blank(row.raw("pagu")):  # else its problem is reported already
                    self.problems.add(row.at("pagu"), "pagu is required for a year")
                continue
            if not period.is_year and allocation is not None:
                self.problems.add(
                    row.at("pagu"), "a quarter states only its realisasi; the pagu is the year's"
                )
                continue
            line = self.build(
                row,
                BudgetLine,
                node=key,
                period=period,
                stage=BudgetStage(stage),
                allocation=allocation if allocation is not None else Decimal(0),
                spending=spending,
            )
            if line is not None:
                lines.append(line)
        return lines

    def _is_node(self, key: str) -> bool:
        return key in self.seen and self.seen[key].startswith(f"{layout.PROGRAM.name}!")

    def _problem_notes(self) -> list[ProblemNote]:
        notes = []
        for row in self.rows(layout.MASALAH):
            key, period = self.text(row, "kunci"), self.period(row, "tahun")
            if key is None or not self._is_node(key):
                self.problems.add(
                    row.at("kunci"), f"{key!r} is no program, kegiatan or sub kegiatan"
                )
                continue
            if period is None:
                continue
            note = self.build(
                row,
                ProblemNote,
                node=key,
                period=period,
                problem=self.text(row, "permasalahan") or "",
                remedy=self.text(row, "upaya") or "",
            )
            if note is not None:
                notes.append(note)
        return notes

    def _breakdowns(self) -> list[Breakdown]:
        items, first = self._breakdown_items()
        headings = self._breakdown_headings(items)
        breakdowns = []
        for key, parts in items.items():
            breakdown = self._breakdown(key, parts, first[key], headings.get(key))
            if breakdown is not None:
                breakdowns.append(breakdown)
        return breakdowns

    def _breakdown_items(self) -> tuple[dict[str, list[BreakdownItem]], dict[str, Row]]:
        items: dict[str, list[BreakdownItem]] = {}
        first: dict[str, Row] = {}
        for row in self.rows(layout.RINCIAN):
            key, label = self.text(row, "rincian"), self.text(row, "label")
            value = self.number(row, "nilai", layout.VALUE_DECIMALS)
            if key is None or label is None or value is None:
                for column in ("rincian", "label", "nilai"):
                    if cells.is_blank(row.raw(column)):
                        self.problems.add(row.at(column), f"{column} is required")
                continue
            first.setdefault(key, row)
            items.setdefault(key, []).append(BreakdownItem(label, value))
        return items, first

    def _breakdown_headings(self, items: dict[str, list[BreakdownItem]]) -> dict[str, Row]:
        headings: dict[str, Row] = {}
        for row in self.rows(layout.JUDUL_RINCIAN):
            key = self.text(row, "rincian")
            if key is None or key not in items:
                self.problems.add(row.at("rincian"), f"{key!r} is no rincian of the rincian sheet")
                continue
            headings[key] = row
        return headings

    def _breakdown(
        self, key: str, parts: list[BreakdownItem], first: Row, heading: Row | None
    ) -> Breakdown | None:
        if heading is None:
            period = _period_in_key(key)
            if period is None:
                self.problems.add(
                    first.at("rincian"),
                    f"the year of rincian {key!r} is unknown: give it in the sheet judul_rincian",
                )
                return None
            return self.build(
                first,
                Breakdown,
                key=key,
                title=key,
                period=period,
                label_heading="Rincian",
                value_heading="Jumlah",
                items=parts,
            )
        period = self.period(heading, "tahun")
        if period is None:
            return None
        return self.build(
            first,
            Breakdown,
            key=key,
            title=self.text(heading, "judul") or key,
            period=period,
            label_heading=self.text(heading, "kolom_label") or "Rincian",
            value_heading=self.text(heading, "kolom_nilai") or "Jumlah",
            items=parts,
        )

    def _cascade(self, objectives: dict[str, Objective]) -> dict[str, str]:
        serves: dict[str, str] = {}
        for row in self.rows(layout.POHON_KINERJA):
            program, objective = self.text(row, "program"), self.text(row, "sasaran")
            if program is None or not self._is_node(program):
                self.problems.add(
                    row.at("program"), f"{program!r} is no program of the program sheet"
                )
                continue
            if objective is None or objective not in objectives:
                self.problems.add(row.at("sasaran"), f"{objective!r} is no sasaran")
                continue
            serves[program] = objective
        return serves

    def _narrative(self) -> dict[str, str]:
        sections = {indonesian: key for key, indonesian in NARRATIVE.items()}
        found: dict[str, str] = {}
        first: dict[str, str] = {}
        for row in self.rows(layout.NARASI):
            part, text = self.text(row, "bagian"), self.text(row, "teks")
            if part not in sections:
                self.problems.add(row.at("bagian"), f"{part!r} is not one of {', '.join(sections)}")
                continue
            if part in first:  # the first text would be dropped without a word
                self.problems.add(
                    row.at("bagian"),
                    f"the section {part!r} is written already at {first[part]}: write a section "
                    "in one cell, its paragraphs separated by line breaks (Alt+Enter)",
                )
                continue
            first[part] = row.at("bagian")
            if text is not None:
                found[sections[part]] = text
        return found

    def _table_names(self) -> dict[str, dict[str, str]]:
        names: dict[str, dict[str, str]] = {}
        for row in self.rows(layout.NAMA_TABEL):
            key, table, name = (
                self.text(row, "kunci"),
                self.text(row, "tabel"),
                self.text(row, "nama"),
            )
            if key is None or not self._is_node(key):
                self.problems.add(
                    row.at("kunci"), f"{key!r} is no program, kegiatan or sub kegiatan"
                )
                continue
            if table and name:
                names.setdefault(key, {})[table] = name
        return names


@define
class _Parts:
    """What the sheets gave, put together into the agency's data once all is read."""

    goals: dict[str, Goal]
    objectives: dict[str, Objective]
    nodes: dict[str, Program | Activity | SubActivity]
    indicators: dict[str, Indicator]
    owners: dict[str, list[str]]
    measurements: list[Measurement]
    lines: list[BudgetLine]
    problems: list[ProblemNote]
    breakdowns: list[Breakdown]
    serves: dict[str, str]
    names: dict[str, dict[str, str]]
    narrative: dict[str, str]

    def data(self, agency: Agency) -> AgencyData:
        owners, names, nodes = self.owners, self.names, self.nodes.values()
        return AgencyData(
            agency=agency,
            goals=[_with_indicators(g, owners) for g in self.goals.values()],
            objectives=[_with_indicators(o, owners) for o in self.objectives.values()],
            indicators=list(self.indicators.values()),
            measurements=self.measurements,
            programs=[
                _node(n, owners, names, objective=self.serves.get(n.key))
                for n in nodes
                if isinstance(n, Program)
            ],
            activities=[_node(n, owners, names) for n in nodes if isinstance(n, Activity)],
            sub_activities=[_node(n, owners, names) for n in nodes if isinstance(n, SubActivity)],
            budget_lines=self.lines,
            problems=self.problems,
            breakdowns=self.breakdowns,
            narrative=self.narrative,
        )


def _period_in_key(key: str) -> Period | None:
    """The year of an indicator's breakdown of its actual value: ``IKU-1.2023.actual``."""
    parts = key.split(".")
    if len(parts) >= 3 and parts[-1] == "actual":
        try:
            return Period.parse(parts[-2])
        except SakipError:
            return None
    return None


def _with_indicators(record: T, owners: dict[str, list[str]]) -> T:
    import attrs

    key = record.key  # type: ignore[attr-defined]
    return attrs.evolve(record, indicators=owners.get(key, []))  # type: ignore[misc]


def _node(
    node: T,
    owners: dict[str, list[str]],
    names: dict[str, dict[str, str]],
    *,
    objective: str | None = None,
) -> T:
    import attrs

    key = node.key  # type: ignore[attr-defined]
    changes: dict[str, object] = {
        "indicators": owners.get(key, []),
        "names": names.get(key, {}),
    }
    if objective is not None:
        changes["objective"] = objective
    return attrs.evolve(node, **changes)  # type: ignore[misc]
