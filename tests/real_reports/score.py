"""Review every report of the corpus from each of its files and hold the findings against the
ground truth worked out by hand: inconsistencies found at their place (and with the right
expected value), errors raised on figures that are not inconsistent, files refused.

    python tests/real_reports/score.py [SLUG ...] [--kind docx|pdf|txt] [-v] [--json FILE]

Exit status 0 whatever the score: it measures, the test decides.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from attrs import asdict, define, field

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build

from sakip import Finding, SakipError, Severity, load_registry, review_document

HERE = Path(__file__).resolve().parent
STANDING = HERE / "standing.yaml"


@define
class Wanted:
    """One inconsistency of the ground truth."""

    table: str | None
    row: str
    column: str
    printed: str
    expected: str | None
    kind: str
    work: str = ""


@define
class FileScore:
    slug: str
    kind: str
    wanted: int = 0
    found: int = 0
    """Inconsistencies with a finding at their place."""
    right: int = 0
    """… and with the expected value of the ground truth (or none where it has none)."""
    false_errors: int = 0
    refused: str | None = None
    seconds: float = 0.0
    figures: int = 0
    pages: int = 0
    missed: list[str] = field(factory=list)
    wrong_expected: list[str] = field(factory=list)
    false: list[str] = field(factory=list)


def load_truth(slug: str) -> list[Wanted]:
    text = (HERE / slug / "truth.yaml").read_text(encoding="utf-8")
    raw = yaml.load(text, Loader=yaml.BaseLoader) or {}  # every scalar as written
    return [
        Wanted(
            table=build.none_or(item.get("table")),
            row=build.none_or(item.get("row")) or "",
            column=build.none_or(item.get("column")) or "",
            printed=str(item["printed"]),
            expected=build.none_or(item.get("expected")),
            kind=str(item.get("kind", "")),
            work=str(item.get("work", "")),
        )
        for item in raw.get("inconsistencies") or []
    ]


# --- matching ---------------------------------------------------------------------------------


def table_key(text: str | None) -> str:
    """``Tabel 3-2``, ``3.2`` and ``3 .2`` alike: the printed number's parts, lower case."""
    return ".".join(re.findall(r"[0-9a-z]+", (text or "").lower()))


def words(text: str) -> str:
    return " ".join(text.casefold().split())


def number(text: str | None) -> Decimal | None:
    """A figure as the report writes it, read by hand here (not by sakip): ``1.234,5``,
    ``1,234.5``, ``98,75 %``, ``Rp.2.145.870.000``."""
    if text is None:
        return None
    digits = re.sub(r"[^0-9,.\-]", "", text.replace("−", "-"))
    digits = digits.strip(".,")
    if not digits:
        return None
    last_comma, last_dot = digits.rfind(","), digits.rfind(".")
    if last_comma > last_dot:  # Indonesian form: the comma is the decimal mark
        digits = digits.replace(".", "").replace(",", ".")
    elif last_dot > last_comma and last_comma >= 0:
        digits = digits.replace(",", "")
    elif last_dot >= 0 and re.fullmatch(r"-?\d{1,3}(\.\d{3})+", digits):
        digits = digits.replace(".", "")  # 2.500: grouped thousands
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def at_place(finding: Finding, wanted: Wanted) -> bool:
    places = finding.places if wanted.kind == "same-quantity" else finding.places[:1]
    for place in places:
        if wanted.table is not None and table_key(place.table) != table_key(wanted.table):
            continue
        if words(wanted.row) not in words(place.label):
            continue
        if words(wanted.column) not in words(place.column):
            continue
        if place is finding.places[0] and number(finding.printed) != number(wanted.printed):
            continue
        return True
    return False


def describe(finding: Finding) -> str:
    place = finding.places[0]
    return (
        f"{finding.code} {finding.severity.value} Tabel {place.table} row {place.row} "
        f"[{place.label[:40]}] col [{place.column[:30]}] printed {finding.printed} "
        f"expected {finding.expected}: {finding.message[:160]}"
    )


def score_findings(score: FileScore, findings: Sequence[Finding], truth: Sequence[Wanted]) -> None:
    score.wanted = len(truth)
    matched: set[int] = set()
    for wanted in truth:
        hits = [i for i, f in enumerate(findings) if at_place(f, wanted)]
        label = f"Tabel {wanted.table} [{wanted.row}] [{wanted.column}] {wanted.printed}"
        if not hits:
            score.missed.append(f"{label} → {wanted.expected} ({wanted.kind}: {wanted.work})")
            continue
        matched.update(hits)
        score.found += 1
        if wanted.expected is None or any(
            number(findings[i].expected) == number(wanted.expected) for i in hits
        ):
            score.right += 1
        else:
            given = ", ".join(str(findings[i].expected) for i in hits)
            score.wrong_expected.append(f"{label}: wanted {wanted.expected}, given {given}")
    for index, finding in enumerate(findings):
        if finding.severity is Severity.ERROR and index not in matched:
            score.false_errors += 1
            score.false.append(describe(finding))


# --- running ------------------------------------------------------------------------------------


def score_file(slug: str, kind: str, path: Path, truth: Sequence[Wanted]) -> FileScore:
    score = FileScore(slug, kind)
    started = time.perf_counter()
    try:
        review = review_document(REGISTRY, path, lang="en")
    except SakipError as exc:
        score.refused = str(exc)
    except Exception as exc:
        score.refused = f"CRASH {type(exc).__name__}: {exc}"
    else:
        score_findings(score, review.findings, truth)
        score.figures = sum(len(t.subjects) for t in review.inference.report.tables)
    score.seconds = time.perf_counter() - started
    if score.refused is not None:
        score.wanted = len(truth)
        score.missed = [f"(refused) Tabel {w.table} [{w.row}] {w.printed}" for w in truth]
    score.pages = _pages(path)
    return score


def _pages(path: Path) -> int:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return len(PdfReader(str(path)).pages)
    return 0


REGISTRY = load_registry()


def score_corpus(slugs: Iterable[str], kinds: Sequence[str], out: Path) -> list[FileScore]:
    scores = []
    for slug in slugs:
        files = build.build(slug, out, kinds)
        truth = load_truth(slug)
        scores.extend(score_file(slug, kind, files[kind], truth) for kind in kinds)
    return scores


def summary(scores: Sequence[FileScore]) -> dict[str, Any]:
    def total(name: str, of: Sequence[FileScore]) -> int:
        return sum(int(getattr(s, name)) for s in of)

    result: dict[str, Any] = {}
    for kind in ("all", *build.KINDS):
        of = [s for s in scores if kind in ("all", s.kind)]
        if not of:
            continue
        result[kind] = {
            "files": len(of),
            "wanted": total("wanted", of),
            "found": total("found", of),
            "right": total("right", of),
            "false_errors": total("false_errors", of),
            "refused": sum(1 for s in of if s.refused is not None),
        }
    return result


def load_standing() -> dict[str, dict[str, int]]:
    """The score each file had when last recorded: ``{"slug.kind": {found, right,
    false_errors}}``."""
    if not STANDING.exists():
        return {}
    return yaml.safe_load(STANDING.read_text(encoding="utf-8")) or {}


def record(scores: Sequence[FileScore]) -> None:
    """Write the standing the test holds the review to (a file refused today is recorded as
    refused: it may be read tomorrow, never the other way round)."""
    standing = {
        f"{s.slug}.{s.kind}": {
            "found": s.found,
            "right": s.right,
            "false_errors": s.false_errors,
            **({"refused": True} if s.refused is not None else {}),
        }
        for s in scores
    }
    header = (
        "# Each file's score as last recorded by `python tests/real_reports/score.py --record`.\n"
        "# tests/test_real_reports.py holds the review to it: found and right may only grow,\n"
        "# false errors only fall, a file read is never refused again. The ground truth is\n"
        "# truth.yaml; this is only where we are.\n"
    )
    STANDING.write_text(header + yaml.safe_dump(standing, sort_keys=True), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("slugs", nargs="*", help="reports to score (default: all)")
    parser.add_argument("--kind", action="append", choices=build.KINDS)
    parser.add_argument("--out", type=Path, default=Path("/tmp/sakip-real-reports"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--json", type=Path, help="also write every file's score as JSON")
    parser.add_argument(
        "--record", action="store_true", help="write standing.yaml (needs every report, kind)"
    )
    args = parser.parse_args(argv)
    scores = score_corpus(args.slugs or build.reports(), args.kind or build.KINDS, args.out)
    print(f"{'report':40} kind  found/wanted right false-errors refused")
    for s in scores:
        refused = "REFUSED" if s.refused else ""
        print(
            f"{s.slug:40} {s.kind:4} {s.found:>5}/{s.wanted:<6} {s.right:>5} "
            f"{s.false_errors:>12} {refused}"
        )
        if args.verbose:
            if s.refused:
                print(f"    refused: {s.refused}")
            for line in s.missed:
                print(f"    missed: {line}")
            for line in s.wrong_expected:
                print(f"    wrong expected: {line}")
            for line in s.false:
                print(f"    false error: {line}")
    for kind, figures in summary(scores).items():
        print(
            f"{kind}: files {figures['files']}, found {figures['found']}/{figures['wanted']}, "
            f"right expected {figures['right']}, false errors {figures['false_errors']}, "
            f"refused {figures['refused']}"
        )
    if args.record:
        if args.slugs or args.kind:
            parser.error("--record scores the whole corpus: give no report and no --kind")
        record(scores)
    if args.json:
        args.json.write_text(json.dumps([asdict(s) for s in scores], indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
