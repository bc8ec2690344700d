"""The ``sakip`` command line.

Every command turns a :class:`~sakip.errors.SakipError` into one line on stderr and exit
status 2; no traceback reaches the user for bad input or a broken plugin.

Each command imports what it needs when it runs, so ``sakip --help`` loads neither the
review, the table builders, YAML nor babel's locale data.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from sakip.errors import SakipError
from sakip.model.indicators import Polarity, TargetRange
from sakip.model.policy import ZeroPolicy
from sakip.rounding import RoundingMode
from sakip.safe_text import safe_text

if TYPE_CHECKING:
    from sakip.rules.formulas import Formula
    from sakip.rules.scales import Scale

# The choices of options, known without importing the modules that use them (a test holds
# them equal to those modules' own lists).
TABLE_FORMATS = ("text", "markdown", "html", "csv", "json", "xlsx")
FINDING_FORMATS = ("text", "json")
LANGUAGES = ("id", "en")
POLARITIES = ("higher", "lower", "range")
REPORT_FORMATS = ("docx", "pdf", "html")

F = TypeVar("F", bound=Callable[..., Any])

BAD_INPUT = 2


class BadInput(click.ClickException):
    """A SakipError shown as one line, exit status 2."""

    exit_code = BAD_INPUT

    def show(self, file: Any = None) -> None:
        click.echo(f"sakip: error: {safe_text(self.format_message())}", err=True)


class SakipGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SakipError as exc:
            raise BadInput(str(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            # The last guard: whatever escaped is named in one line, never a traceback
            # (unless asked for with --debug).
            if ctx.obj and ctx.obj.get("debug"):
                raise
            command = ctx.invoked_subcommand or "sakip"
            raise BadInput(
                f"{command} failed: {type(exc).__name__}: {exc} (run with --debug for the "
                f"traceback, and report it)"
            ) from None


@click.group(cls=SakipGroup)
@click.version_option(package_name="sakip")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """sakip: SAKIP performance-accountability rules (LKjIP)."""
    ctx.obj = {"debug": debug}


def _registry() -> Any:
    """The registry of every plugin that works: a broken plugin is left out and named on
    stderr, so that it stops only the commands that need it."""
    from sakip.plugins.manager import load_registry

    registry = load_registry(isolate=True)
    for plugin, error in registry.broken.items():
        click.echo(f"sakip: warning: plugin {plugin!r} is left out: {safe_text(error)}", err=True)
    return registry


@main.command("plugins")
def plugins_command() -> None:
    """List each plugin and what it registers, and each broken plugin with its error."""
    registry = _registry()
    for plugin, items in registry.plugins.items():
        click.echo(plugin)
        for item in items:
            click.echo(f"  {item}")
    for plugin, error in registry.broken.items():
        click.echo(f"{plugin}  (rusak / broken)")
        click.echo(f"  {safe_text(error)}")


def _number(
    what: str, *, negative: bool = True
) -> Callable[[click.Context, click.Parameter, str | None], Decimal | None]:
    def convert(ctx: click.Context, param: click.Parameter, value: str | None) -> Decimal | None:
        from sakip.errors import NumberError
        from sakip.numbers import to_decimal

        if value is None:
            return None
        number = to_decimal(value, what=what)
        if not negative and number < 0:
            raise NumberError(f"{what}: must not be negative, got {value}")
        return number

    return convert


def _target(ctx: click.Context, param: click.Parameter, value: str) -> Decimal | TargetRange:
    from sakip.numbers import to_decimal

    if ".." in value:
        from sakip.errors import ValidationError

        low, high = value.split("..", 1)
        try:
            return TargetRange(to_decimal(low, what="--target"), to_decimal(high, what="--target"))
        except ValidationError as exc:
            raise ValidationError(f"--target: {exc}") from None
    return to_decimal(value, what="--target")


def _rounding_options(command: F) -> F:
    command = click.option(
        "--places",
        type=click.IntRange(0, 12),
        default=2,
        show_default=True,
        help="Decimals kept.",
    )(command)
    return click.option(
        "--rounding",
        type=click.Choice([m.value for m in RoundingMode]),
        default="half-up",
        show_default=True,
        help="Rounding policy.",
    )(command)


@main.command("achievement")
@click.option(
    "--target",
    required=True,
    callback=_target,
    help="Target in Indonesian form (77,85), or a range LOW..HIGH.",
)
@click.option(
    "--actual",
    required=True,
    callback=_number("--actual"),
    help="Actual value (realisasi) in Indonesian form (94,96).",
)
@click.option(
    "--polarity",
    type=click.Choice(POLARITIES),
    default="higher",
    show_default=True,
    help="Which direction is better.",
)
@click.option("--formula", help="Formula code; default: the polarity's default formula.")
@click.option(
    "--scale",
    "scale_code",
    default="permendagri-86-2017",
    show_default=True,
    help="Predicate scale code.",
)
@click.option("--labels", help="Other band labels for the scale, best first, comma-separated.")
@_rounding_options
@click.option(
    "--cap",
    callback=_number("--cap", negative=False),
    help="Cap the achievement at this value.",
)
@click.option(
    "--zero",
    type=click.Choice([z.value for z in ZeroPolicy]),
    default="error",
    show_default=True,
    help="What a zero denominator gives.",
)
def achievement_command(
    target: Decimal | TargetRange,
    actual: Decimal,
    polarity: str,
    formula: str | None,
    scale_code: str,
    labels: str | None,
    rounding: str,
    places: int,
    cap: Decimal | None,
    zero: str,
) -> None:
    """Compute an achievement (capaian) and its predicate."""
    from sakip.model.policy import AchievementPolicy
    from sakip.numbers import format_number
    from sakip.rounding import RoundingPolicy
    from sakip.rules.achievement import AchievementRule
    from sakip.rules.formulas import DEFAULT_FORMULA

    formula_used, scale = _formula_and_scale(
        formula or DEFAULT_FORMULA[Polarity(polarity)], scale_code
    )
    if labels:
        scale = scale.relabel([label.strip() for label in labels.split(",")])
    policy = AchievementPolicy(rounding=RoundingPolicy(rounding, places), zero=zero, cap=cap)
    value = AchievementRule(formula_used, policy)(target, actual)
    if value is None:
        click.echo("capaian  -  (tidak dapat dihitung: penyebut nol)")
        return
    click.echo(f"capaian  {format_number(value)}")
    click.echo(f"predikat {scale.classify(value)}  ({scale.name})")


def _formula_and_scale(formula_code: str, scale_code: str) -> tuple[Formula, Scale]:
    """The formula and scale by code. The built-in ones need no plugin loaded, which keeps
    the command fast and working when an unrelated plugin is broken; any other code loads
    the plugins (and a misspelt one gets their did-you-mean)."""
    from sakip.rules.formulas import BUILTIN_FORMULAS
    from sakip.rules.scales import BUILTIN_SCALES

    formula = next((f for f in BUILTIN_FORMULAS if f.code == formula_code), None)
    scale = next((s for s in BUILTIN_SCALES if s.code == scale_code), None)
    if formula is None or scale is None:
        registry = _registry()
        return registry.formulas.get(formula_code), registry.scales.get(scale_code)
    return formula, scale


@main.command("absorption")
@click.option(
    "--allocation",
    required=True,
    callback=_number("--allocation"),
    help="Budget allocation (pagu) in Indonesian form: 90.802.691",
)
@click.option(
    "--spending",
    required=True,
    callback=_number("--spending"),
    help="Spending (realisasi anggaran) in Indonesian form: 85.722.792",
)
@_rounding_options
def absorption_command(allocation: Decimal, spending: Decimal, rounding: str, places: int) -> None:
    """Compute budget absorption (serapan): spending / allocation × 100."""
    from sakip.numbers import format_number
    from sakip.rounding import RoundingPolicy
    from sakip.rules.budget import absorption

    value = absorption(allocation, spending, RoundingPolicy(rounding, places))
    click.echo(f"serapan  {format_number(value)}")


@main.command("agencies")
def agencies_command() -> None:
    """List the agencies that plugins register."""
    registry = _registry()
    for agency in registry.agencies:
        click.echo(f"{agency.id}  {agency.name}  (plugin {registry.agencies.plugin_of(agency.id)})")


MANY_HELP = (
    "A data folder's printed report is its report-YEAR.yaml. Several agencies (or --all) "
    "are reviewed one by one, or --jobs at a time; one that fails is reported and the "
    "others go on."
)
MANY_TABLES_HELP = (
    "Several agencies (ids, workbooks or data folders) or --all are built one by one, or "
    "--jobs at a time; one that fails is reported and the others go on."
)
AGENCY_HELP = "AGENCY is a registered agency's id, a workbook (.xlsx) or a YAML data folder."


def _many_options(done: str) -> Callable[[F], F]:
    """``--all`` and ``--jobs``, for the commands that take several agencies."""

    def add(command: F) -> F:
        command = click.option(
            "--jobs",
            type=click.IntRange(1, 256),
            default=1,
            show_default=True,
            help=f"Agencies {done} in parallel (processes).",
        )(command)
        return click.option("--all", "every", is_flag=True, help="Every registered agency.")(
            command
        )

    return add


@main.command("tables", epilog=AGENCY_HELP + " " + MANY_TABLES_HELP)
@click.argument("agencies", metavar="AGENCY...", nargs=-1)
@click.option("--year", type=int, required=True, help="Reporting year, e.g. 2023.")
@click.option(
    "--table", "table_ids", multiple=True, help="Table number (repeatable); default: all."
)
@click.option(
    "--format", "fmt", type=click.Choice(TABLE_FORMATS), default="text", show_default=True
)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file (xlsx: a workbook) or, for csv with several tables, this folder "
    "(one file per table). With several agencies: one row per cell, .parquet, .jsonl or .csv.",
)
@click.option(
    "--separator",
    default=";",
    show_default=True,
    help="CSV field separator (';' for Excel set to Indonesian).",
)
@click.option("--bom", is_flag=True, help="CSV: start with a UTF-8 byte-order mark, for Excel.")
@_many_options("built")
def tables_command(
    agencies: tuple[str, ...],
    year: int,
    table_ids: tuple[str, ...],
    fmt: str,
    output: Path | None,
    separator: str,
    bom: bool,
    every: bool,
    jobs: int,
) -> None:
    """Render agencies' LKjIP tables."""
    _agencies_given(agencies, every)
    if len(agencies) == 1 and not every and jobs == 1:
        _tables_one(agencies[0], year, table_ids, fmt, output, separator, bom)
        return
    from sakip.many import AgencyTables, build_agencies, check_output, write_cells
    from sakip.tables.render import render_tables

    if output is not None:
        check_output(output)
    elif fmt not in ("text", "markdown", "html"):
        raise BadInput(
            f"--format {fmt} with several agencies: give --output FILE (.parquet, .jsonl or "
            ".csv, one row per cell)"
        )
    if every:
        agencies = tuple(agency.id for agency in _registry().agencies)
    results: list[AgencyTables] = _many(
        "sakip tables",
        agencies,
        lambda executor, done: build_agencies(
            agencies, year, executor=executor, table_ids=table_ids, on_done=done
        ),
        jobs,
    )
    if output is not None:
        write_cells(results, output)
    else:
        for result in results:
            if result.error is None:
                click.echo(f"== {result.agency} ==")
                click.echo(render_tables(result.tables, fmt))
    if any(result.error is not None for result in results):
        raise SystemExit(BAD_INPUT)


def _agencies_given(agencies: tuple[str, ...], every: bool) -> None:
    if every and agencies:
        raise BadInput("give agencies or --all, not both")
    if not every and not agencies:
        raise BadInput("give an AGENCY (a registered id, a workbook or a data folder), or --all")


def _many(label: str, agencies: tuple[str, ...], run: Callable[..., Any], jobs: int) -> Any:
    """``run(executor, on_done)`` over the agencies with a progress bar on stderr (when it
    is a terminal), in a pool of ``jobs`` processes when more than one; every agency that
    failed is named on stderr."""
    import sys
    from concurrent.futures import ProcessPoolExecutor

    with click.progressbar(
        length=len(agencies),
        label=label,
        file=sys.stderr,
        show_pos=True,
        hidden=not sys.stderr.isatty(),  # a bar only where someone watches it
    ) as bar:

        def done(_: object) -> None:
            bar.update(1)

        if jobs > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                results = run(pool, done)
        else:
            results = run(None, done)
    for result in results:
        if result.error is not None:
            click.echo(f"sakip: error: {result.agency}: {result.error}", err=True)
    return results


def _tables_one(
    agency: str,
    year: int,
    table_ids: tuple[str, ...],
    fmt: str,
    output: Path | None,
    separator: str,
    bom: bool,
) -> None:
    from sakip.sources import load_source
    from sakip.tables.build import build_from, choose_tables

    registry = _registry()
    source = load_source(registry, agency, year)
    specs = choose_tables(source.id, source.tables, table_ids)
    tables = build_from(registry, source.data, year, specs)
    _write_tables(tables, fmt, output, separator, bom)


def _write_tables(
    tables: list[Any], fmt: str, output: Path | None, separator: str, bom: bool
) -> None:
    from sakip.errors import ValidationError
    from sakip.files import write_text
    from sakip.tables.render import render_tables
    from sakip.tables.spreadsheet import csv_files, csv_text, write_xlsx

    if len(separator) != 1:
        raise ValidationError(f"--separator: expected one character, got {separator!r}")
    if fmt == "xlsx":
        if output is None:
            raise ValidationError("--format xlsx writes a workbook: give --output FILE.xlsx")
        write_xlsx(tables, output)
        click.echo(f"{output}: {len(tables)} tabel", err=True)
    elif fmt == "csv":
        if len(tables) == 1 and (output is None or output.suffix.lower() == ".csv"):
            text = csv_text(tables[0], separator=separator, bom=bom)
            if output is None:
                click.echo(text, nl=False)
            else:
                write_text(output, text, newline="")
            return
        if output is None:
            raise ValidationError(
                f"{len(tables)} tables: CSV holds one table per file; give --output FOLDER"
            )
        for path in csv_files(tables, output, separator=separator, bom=bom):
            click.echo(str(path), err=True)
    else:
        text = render_tables(tables, fmt)
        if output is None:
            click.echo(text)
        else:
            write_text(output, text + "\n")


DOCUMENT_HELP = (
    "With --document FILE, the report is reviewed from its file (.docx, .pdf with a text "
    "layer, .xlsx, or text with tab-separated tables), with no agency and no transcription: "
    "what each figure states is inferred, and a finding that rests on an unsure inference "
    "says what it assumed."
)


@main.command("check", epilog=AGENCY_HELP + " " + MANY_HELP + " " + DOCUMENT_HELP)
@click.argument("agencies", metavar="AGENCY...", nargs=-1)
@click.option(
    "--year", type=int, help="Reporting year, e.g. 2023 (with --document: read from the file)."
)
@click.option(
    "--document",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Review the report from its file, with no agency and no transcription.",
)
@click.option(
    "--rounding",
    type=click.Choice([m.value for m in RoundingMode]),
    help="With --document: the agency's rounding of achievements (default half-up).",
)
@click.option(
    "--places",
    type=click.IntRange(0, 12),
    help="With --document: the decimals of achievements (default: as the report prints them).",
)
@click.option(
    "--scale",
    help="With --document: the code of the predicate scale (default: the registered scale "
    "whose labels the report prints, else permendagri-86-2017).",
)
@click.option(
    "--write-transcript",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --document: also write what was inferred as a transcription (FILE.yaml) and "
    "the data the report gives beside it, to correct and review again.",
)
@click.option(
    "--report",
    "report_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The report as printed (a YAML transcription); default: the one the agency's "
    "plugin registers. With one agency only.",
)
@click.option(
    "--format", "fmt", type=click.Choice(FINDING_FORMATS), default="text", show_default=True
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=LANGUAGES[0],
    show_default=True,
    help="Language of the messages: Indonesian or English.",
)
@click.option(
    "--check", "codes", multiple=True, help="Run only this check code (repeatable); default: all."
)
@_many_options("reviewed")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write one row per finding, with its agency: .parquet, .jsonl or .csv.",
)
def check_command(
    agencies: tuple[str, ...],
    year: int | None,
    document: Path | None,
    rounding: str | None,
    places: int | None,
    scale: str | None,
    write_transcript: Path | None,
    report_file: Path | None,
    fmt: str,
    lang: str,
    codes: tuple[str, ...],
    every: bool,
    jobs: int,
    output: Path | None,
) -> None:
    """Review agencies' printed reports: every finding, grouped by table.

    Exit status 1 when any finding is an error, 0 otherwise, 2 on bad input (also when an
    agency of several could not be reviewed; the others are reviewed all the same).
    """
    if document is not None:
        if agencies or every or report_file is not None or output is not None or jobs != 1:
            raise BadInput(
                "--document reviews one file: give no AGENCY, --all, --report, --output or --jobs"
            )
        _check_document(document, year, rounding, places, scale, write_transcript, fmt, lang, codes)
        return
    for name, value in (
        ("--rounding", rounding),
        ("--places", places),
        ("--scale", scale),
        ("--write-transcript", write_transcript),
    ):
        if value is not None:
            raise BadInput(f"{name} goes with --document")
    if year is None:
        raise BadInput("give --year, e.g. --year 2023")
    _agencies_given(agencies, every)
    if len(agencies) == 1 and not every and jobs == 1 and output is None:
        _check_one(agencies[0], year, report_file, fmt, lang, codes)
        return
    if report_file is not None:
        raise BadInput("--report goes with one agency only")
    _check_many(agencies, every, year, fmt, lang, codes, jobs, output)


def _check_one(
    agency: str,
    year: int,
    report_file: Path | None,
    fmt: str,
    lang: str,
    codes: tuple[str, ...],
) -> None:
    from sakip.model.findings import Severity
    from sakip.reviewing.messages import Messages
    from sakip.reviewing.render import render_findings
    from sakip.reviewing.run import review_report
    from sakip.sources import load_source, printed_report_of

    registry = _registry()
    report = printed_report_of(registry, agency, year, report_file)
    source = load_source(registry, agency, year)
    findings = review_report(registry, report, source.data, lang=lang, checks=codes)
    click.echo(render_findings(findings, fmt, Messages(lang)))
    if any(finding.severity is Severity.ERROR for finding in findings):
        raise SystemExit(1)


def _check_document(
    document: Path,
    year: int | None,
    rounding: str | None,
    places: int | None,
    scale: str | None,
    write_transcript: Path | None,
    fmt: str,
    lang: str,
    codes: tuple[str, ...],
) -> None:
    from sakip.documents.review import review_document
    from sakip.model.findings import Severity
    from sakip.reviewing.messages import Messages
    from sakip.reviewing.render import render_findings
    from sakip.rounding import RoundingPolicy

    policy = None
    if rounding is not None or places is not None:
        policy = RoundingPolicy(rounding or "half-up", 2 if places is None else places)
    registry = _registry()
    if scale is not None:
        registry.scales.get(scale)  # an unknown code fails here, with the codes it knows
    result = review_document(
        registry,
        document,
        year=year,
        rounding=policy,
        scale=scale,
        lang=lang,
        checks=codes,
    )
    if write_transcript is not None:
        from sakip.documents.review import write_transcript as write

        for path in write(result.inference, write_transcript):
            click.echo(str(path), err=True)
    click.echo(render_findings(result.findings, fmt, Messages(lang)))
    if any(finding.severity is Severity.ERROR for finding in result.findings):
        raise SystemExit(1)


def _check_many(
    agencies: tuple[str, ...],
    every: bool,
    year: int,
    fmt: str,
    lang: str,
    codes: tuple[str, ...],
    jobs: int,
    output: Path | None,
) -> None:
    import json

    from sakip.many import AgencyReview, check_output, review_agencies, write_findings
    from sakip.reviewing.messages import Messages
    from sakip.reviewing.render import as_json, render_findings

    if output is not None:
        check_output(output)
    if every:
        agencies = tuple(agency.id for agency in _registry().agencies)
    reviews: list[AgencyReview] = _many(
        "sakip check",
        agencies,
        lambda executor, done: review_agencies(
            agencies, year, executor=executor, lang=lang, checks=codes, on_done=done
        ),
        jobs,
    )
    if output is not None:
        write_findings(reviews, output)
    elif fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "agency": r.agency,
                        "error": r.error,
                        "findings": [as_json(f) for f in r.findings],
                    }
                    for r in reviews
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        say = Messages(lang)
        for review in reviews:
            if review.error is None:
                click.echo(f"== {review.agency} ==")
                click.echo(render_findings(review.findings, fmt, say))
    if any(review.error is not None for review in reviews):
        raise SystemExit(BAD_INPUT)
    if any(review.has_errors for review in reviews):
        raise SystemExit(1)


@main.command("report", epilog=AGENCY_HELP)
@click.argument("agency")
@click.option("--year", type=int, required=True, help="Reporting year, e.g. 2023.")
@click.option(
    "--format", "fmt", type=click.Choice(REPORT_FORMATS), default="docx", show_default=True
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write (lkjip-2023.docx).",
)
@click.option(
    "--with-review",
    is_flag=True,
    help="Add the findings of sakip check on the agency's printed report as an annex.",
)
@click.option(
    "--report",
    "report_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --with-review: the report as printed (default: the plugin's).",
)
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="docx: a Word document whose letterhead, styles and cover the report fills.",
)
def report_command(
    agency: str,
    year: int,
    fmt: str,
    output: Path,
    with_review: bool,
    report_file: Path | None,
    template: Path | None,
) -> None:
    """Write an agency's LKjIP document (PermenPANRB 53/2014): Word, PDF or a web page."""
    from sakip.errors import ValidationError
    from sakip.report.write import write_report
    from sakip.reviewing.run import review_report
    from sakip.sources import load_source, printed_report_of
    from sakip.tables.build import build_from
    from sakip.values.model import ValueModel

    if template is not None and fmt != "docx":
        raise ValidationError("--template fills a Word document: use it with --format docx")
    registry = _registry()
    source = load_source(registry, agency, year)
    tables = build_from(registry, source.data, year, list(source.tables))
    findings = None
    if with_review:
        printed = printed_report_of(registry, agency, year, report_file)
        findings = review_report(registry, printed, source.data)
    write_report(
        ValueModel(source.data, registry),
        tables,
        year,
        fmt,
        output,
        findings=findings,
        template=template,
    )
    click.echo(f"{output}: LKjIP {year} {source.id}", err=True)


@main.group("workbook")
def workbook_group() -> None:
    """Keep an agency's year in an Excel workbook (needs sakip[excel])."""


@workbook_group.command("template")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def workbook_template_command(file: Path) -> None:
    """Write an empty workbook to fill in: every sheet and header, instructions (petunjuk)
    and a worked example (contoh)."""
    from sakip.workbook.writer import template_workbook

    _refuse_overwrite(file)
    template_workbook(file)
    click.echo(f"{file}: buku kerja kosong / empty workbook", err=True)


@workbook_group.command("export")
@click.argument("agency")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def workbook_export_command(agency: str, file: Path) -> None:
    """Write AGENCY's data (a registered id or a data folder) to a workbook."""
    from sakip.plugins.loaders import load_agency
    from sakip.readers.agency_yaml import load_agency_data
    from sakip.workbook.writer import export_workbook

    _refuse_overwrite(file)
    path = Path(agency)
    data = load_agency_data(path) if path.is_dir() else load_agency(_registry(), agency)
    export_workbook(data, file)
    click.echo(f"{file}: {data.agency.id}", err=True)


@workbook_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def workbook_import_command(file: Path, folder: Path) -> None:
    """Read a workbook and write its data as a YAML data folder (for a plugin)."""
    from sakip.workbook.reader import load_workbook_data
    from sakip.writers.agency_yaml import dump_agency_data

    data = load_workbook_data(file)
    if folder.exists() and any(folder.iterdir()):
        from sakip.errors import ValidationError

        raise ValidationError(f"{folder} is not empty: choose a new folder")
    for path in dump_agency_data(data, folder):
        click.echo(str(path), err=True)


def _refuse_overwrite(file: Path) -> None:
    from sakip.errors import ValidationError

    if file.exists():
        raise ValidationError(f"{file} exists already: choose a new file name")


@main.command("new-plugin")
@click.argument("name")
@click.option(
    "--directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    show_default=True,
    help="Where to create the package folder NAME.",
)
@click.option(
    "--year",
    type=click.IntRange(1945, 2200),
    default=date.today().year - 1,
    show_default="last year",
    help="The report year of the example data.",
)
def new_plugin_command(name: str, directory: Path, year: int) -> None:
    """Create a working plugin package for agency NAME (e.g. dinas-kominfo)."""
    from sakip.scaffold import new_plugin

    files = new_plugin(name, directory, year)
    root = directory / name
    click.echo(f"created {root}:")
    for path in files:
        click.echo(f"  {path.relative_to(root)}")
    click.echo(
        f"next: pip install -e '{root}[test]' && sakip tables {name} --year {year} && pytest {root}"
    )
