"""The analysis of BAB III written out: Indonesian sentences per objective and indicator,
each figure in them quoted from the value model (never typed, never computed here).

What PermenPANRB 53/2014 asks of BAB III per indicator: this year's target against its
realisation, against previous years, against the Renstra end target, against a national
standard, efficiency, the programs behind the result, and the problems and remedies.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from sakip.model.budget import BudgetStage
from sakip.model.indicators import Indicator
from sakip.model.periods import Period
from sakip.model.plan import Objective
from sakip.model.programs import Activity, Program
from sakip.model.subjects import Measure, Subject
from sakip.report.blocks import Paragraph, Quote
from sakip.tables.layout import unit_suffix
from sakip.values.display import Display, money, show
from sakip.values.model import ValueModel

M = Measure


class _Text:
    """A paragraph being written: sentences, and the figures they quote."""

    def __init__(self, values: ValueModel) -> None:
        self.values = values
        self.sentences: list[str] = []
        self.quotes: list[Quote] = []
        self.counts: list[int] = []

    def quote(self, subject: Subject, display: Display = show, suffix: str = "") -> str | None:
        """The figure of ``subject`` as written, or ``None`` when the data has none."""
        value = self.values.value(subject)
        if value is None:
            return None
        text = display(value, suffix)
        self.quotes.append(Quote(subject, text))
        return text

    def magnitude(self, subject: Subject, suffix: str = "") -> tuple[str, Decimal] | None:
        """A difference written without its sign (the sentence says which way it went)."""
        value = self.values.value(subject)
        if value is None:
            return None
        text = show(abs(value), suffix)
        self.quotes.append(Quote(subject, text))
        return text, value

    def label(self, subject: Subject) -> str | None:
        return self.values.label(subject)

    def count(self, number: int) -> str:
        """A count of the data's records (2 program), written as a number."""
        self.counts.append(number)
        return str(number)

    def add(self, sentence: str) -> None:
        self.sentences.append(sentence)

    def paragraph(self) -> Paragraph | None:
        if not self.sentences:
            return None
        return Paragraph(" ".join(self.sentences), tuple(self.quotes), counts=tuple(self.counts))


def indicator_paragraph(values: ValueModel, indicator: Indicator, year: int) -> Paragraph | None:
    """Everything BAB III says of one indicator in ``year``."""
    text = _Text(values)
    period, code, unit = Period(year), indicator.code, unit_suffix(indicator)
    if indicator.is_qualitative:
        _graded(text, indicator, period)
    else:
        _this_year(text, indicator, period, unit)
        _previous_year(text, code, period, unit)
        _renstra(text, indicator, period, unit)
        _standard(text, code, period, unit)
        _quarters(text, code, period, unit)
    return text.paragraph()


def _this_year(text: _Text, indicator: Indicator, period: Period, unit: str) -> None:
    code = indicator.code
    target = text.quote(Subject(code, M.TARGET, period), show, unit)
    actual = text.quote(Subject(code, M.ACTUAL, period), show, unit)
    if target is None or actual is None:
        return
    achievement = text.quote(Subject(code, M.ACHIEVEMENT, period), show, "%")
    predicate = text.label(Subject(code, M.PREDICATE, period))
    sentence = (
        f"Pada tahun {period.year}, indikator {indicator.name} ditargetkan {target} dan "
        f"terealisasi {actual}"
    )
    if achievement is not None:
        sentence += f", sehingga capaian kinerjanya {achievement}"
        if predicate:
            sentence += f" dengan predikat {predicate}"
    text.add(sentence + ".")


def _graded(text: _Text, indicator: Indicator, period: Period) -> None:
    code = indicator.code
    target = text.label(Subject(code, M.TARGET, period))
    actual = text.label(Subject(code, M.ACTUAL, period))
    if target is None or actual is None:
        return
    achievement = text.values.value(Subject(code, M.ACHIEVEMENT, period))
    met = achievement is not None and achievement >= 100
    text.add(
        f"Pada tahun {period.year}, indikator {indicator.name} menargetkan predikat {target} "
        f"dan memperoleh {actual}: target {'tercapai' if met else 'tidak tercapai'}."
    )


def _previous_year(text: _Text, code: str, period: Period, unit: str) -> None:
    before = Period(period.year - 1)
    previous = text.quote(Subject(code, M.ACTUAL, before), show, unit)
    change = text.magnitude(Subject(code, M.CHANGE, period), unit)
    if previous is None or change is None:
        return
    amount, value = change
    if value == 0:
        text.add(f"Realisasi ini sama dengan realisasi tahun {before.year} ({previous}).")
        return
    direction = "naik" if value > 0 else "turun"
    # A change of a percentage is in points, not per cent of itself.
    amount = amount.removesuffix("%") + " poin persen" if unit == "%" else amount
    text.add(
        f"Dibandingkan dengan realisasi tahun {before.year} sebesar {previous}, realisasi "
        f"{direction} {amount}."
    )


def _renstra(text: _Text, indicator: Indicator, period: Period, unit: str) -> None:
    if indicator.end_target is None:
        return
    code = indicator.code
    end = text.quote(Subject(code, M.END_TARGET, period), show, unit)
    done = text.quote(Subject(code, M.TO_DATE, period), show, unit)
    progress = text.quote(Subject(code, M.ACHIEVEMENT_TO_DATE, period), show, "%")
    if end is None or done is None or progress is None:
        return
    text.add(
        f"Terhadap target akhir Renstra tahun {indicator.end_target.period.year} sebesar {end}, "
        f"realisasi sampai dengan tahun {period.year} sebesar {done}, atau {progress} dari "
        "target akhir."
    )


def _standard(text: _Text, code: str, period: Period, unit: str) -> None:
    standard = text.quote(Subject(code, M.STANDARD, period), show, unit)
    gap = text.magnitude(Subject(code, M.STANDARD_GAP, period), unit)
    if standard is None or gap is None:
        return
    amount, value = gap
    if value == 0:
        text.add(f"Realisasi ini sama dengan standar nasional ({standard}).")
        return
    side = "di atas" if value > 0 else "di bawah"
    amount = amount.removesuffix("%") + " poin persen" if unit == "%" else amount
    text.add(f"Standar nasional indikator ini {standard}; realisasinya {amount} {side} standar.")


def _quarters(text: _Text, code: str, period: Period, unit: str) -> None:
    names = ("TW I", "TW II", "TW III", "TW IV")
    parts = []
    for name, quarter in zip(names, period.quarters(), strict=True):
        actual = text.quote(Subject(code, M.ACTUAL, quarter), show, unit)
        if actual is not None:
            parts.append(f"{name} {actual}")
    if len(parts) > 1:
        text.add(f"Realisasi per triwulan: {'; '.join(parts)}.")


def objective_paragraph(
    values: ValueModel, objective: Objective, year: int, stage: BudgetStage
) -> Paragraph | None:
    """The budget, efficiency and programs behind an objective."""
    text = _Text(values)
    period = Period(year)
    allocation = text.quote(Subject(objective.key, M.ALLOCATION, period, stage), money)
    spending = text.quote(Subject(objective.key, M.SPENDING, period, stage), money)
    absorption = text.quote(Subject(objective.key, M.ABSORPTION, period, stage), show, "%")
    if allocation and spending and absorption:
        text.add(
            f"Sasaran ini didukung anggaran Rp {allocation} dengan realisasi Rp {spending}, "
            f"atau serapan {absorption}."
        )
    for code in objective.indicators:
        indicator = values.data.indicator(code)
        index = text.quote(Subject(code, M.EFFICIENCY_INDEX, period, stage))
        category = text.label(Subject(code, M.EFFICIENCY_CATEGORY, period, stage))
        if index is not None and category is not None:
            text.add(
                f"Indeks efisiensi indikator {indicator.name}, yaitu capaian kinerja dibagi "
                f"serapan anggaran, sebesar {index}, sehingga penggunaan sumber dayanya "
                f"tergolong {category}."
            )
    programs = [
        p.name for p in values.data.programs if values.data.served_objective(p.key) == objective.key
    ]
    if programs:
        noun = "program" if len(programs) == 1 else f"{text.count(len(programs))} program, yaitu"
        text.add(f"Sasaran ini didukung oleh {noun} {listing(programs)}.")
    return text.paragraph()


def listing(items: list[str]) -> str:
    """``A``, ``A dan B``, ``A, B, dan C``: a list as an Indonesian sentence writes it."""
    if len(items) <= 2:
        return " dan ".join(items)
    return f"{', '.join(items[:-1])}, dan {items[-1]}"


def sentence(text: str) -> str:
    """``text`` ending as a sentence ends: with a full stop unless it has its own mark."""
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def problems_paragraphs(values: ValueModel, objective: Objective, year: int) -> list[Paragraph]:
    """The problems and remedies the agency recorded for the programs serving an objective,
    in its own words."""
    data, period = values.data, Period(year)
    keys = {p.key for p in data.programs if data.served_objective(p.key) == objective.key}
    keys |= {n.key for n in data.activities if n.program in keys}
    keys |= {n.key for n in data.sub_activities if n.activity in keys}
    found = []
    for note in data.problems:
        if note.node in keys and note.period == period and (note.problem or note.remedy):
            node = data.node(note.node)
            kind = (
                "program"
                if isinstance(node, Program)
                else "kegiatan"
                if isinstance(node, Activity)
                else "sub kegiatan"
            )
            parts = []
            if note.problem:
                parts.append(f"permasalahan yang dihadapi adalah {_inside(note.problem)}")
            if note.remedy:
                parts.append(f"upaya yang dilakukan adalah {_inside(note.remedy)}")
            found.append(
                Paragraph(
                    sentence(f"Pada {kind} {node.name}, {'; '.join(parts)}"), agency_text=True
                )
            )
    return found


def _inside(text: str) -> str:
    """The agency's words set inside a sentence: no full stop of their own, and a first
    capital lowered unless it starts an acronym (``PMI``)."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def summary_paragraph(
    values: ValueModel,
    year: int,
    stage: BudgetStage | None,
    *,
    predicates: bool = True,
    closing: bool = False,
) -> Paragraph:
    """How many indicators reached each predicate, and the agency's whole budget and
    absorption: what the Ikhtisar Eksekutif summarises, BAB III B says of the budget alone
    (``predicates=False``), and BAB IV concludes (``closing``): the same figures, each place
    in sentences of its own, so that no sentence of the document is said twice."""
    text = _Text(values)
    period = Period(year)
    codes = [code for o in values.data.objectives for code in o.indicators]
    labels = Counter(
        label
        for code in codes
        if (label := values.label(Subject(code, M.PREDICATE, period))) is not None
    )
    counts: list[int] = []
    if labels and predicates:
        order = [band.label for band in values.scale.bands]  # best first
        ranked = sorted(labels.items(), key=lambda item: order.index(item[0]))
        counts += [len(codes), *(count for _, count in ranked)]
        first, *rest = [f"{count} indikator {label}" for label, count in ranked]
        reached = listing([first.replace(" indikator ", " indikator mencapai predikat ", 1), *rest])
        if closing:
            text.add(
                f"Secara keseluruhan, kinerja tahun {year} diukur dengan {len(codes)} indikator "
                f"sasaran: {reached}."
            )
        else:
            text.add(f"Dari {len(codes)} indikator sasaran tahun {year}, {reached}.")
    if stage is not None:
        total = Subject("@programs", M.ALLOCATION, period, stage)
        allocation = text.quote(total, money)
        spending = text.quote(total.having(M.SPENDING), money)
        absorption = text.quote(total.having(M.ABSORPTION), show, "%")
        if allocation and spending and absorption:
            if closing:
                text.add(
                    f"Kinerja tersebut dicapai dengan realisasi anggaran Rp {spending} dari pagu "
                    f"Rp {allocation}, atau serapan {absorption}."
                )
            elif not predicates:
                text.add(
                    f"Pada tahun {year}, dari pagu anggaran Rp {allocation} telah direalisasikan "
                    f"Rp {spending}, sehingga serapan anggaran mencapai {absorption}."
                )
            else:
                text.add(
                    f"Anggaran instansi sebesar Rp {allocation} terealisasi Rp {spending}, "
                    f"dengan tingkat serapan {absorption}."
                )
    paragraph = text.paragraph() or Paragraph("")
    return Paragraph(paragraph.text, paragraph.quotes, counts=tuple(counts))
