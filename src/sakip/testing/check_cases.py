"""Table-driven check tests: an agency's data and a printed table or two in, the findings
out, all in one YAML file (as :mod:`sakip.testing.cases` does for formulas)::

    check: SK101                       # the check tried, by code
    data:                              # the agency's data, inline: the fields of agency.yaml,
      agency: {id: dinas-uji, name: Dinas Uji}        # programs.yaml and breakdowns.yaml
      goals: [{key: T1, name: Tujuan}]
      objectives: [{key: S1, goal: T1, name: Sasaran, funded_by: P1}]
      programs:
        - key: P1
          name: Program Satu
          budget: {"2024": {revised: {allocation: 1.000, spending: 900}}}
    cases:
      - name: a misprinted absorption is an error
        report:                        # a transcription (agency defaults to the data's)
          year: 2024
          tables:
            - id: "3.7"
              title: Anggaran
              stage: revised
              columns:
                - URAIAN
                - {heading: ANGGARAN, measure: allocation}
                - {heading: REALISASI, measure: spending}
                - {heading: "%", measure: absorption}
              rows:
                - {of: P1, cells: [Program Satu, "1.000", "900", "95,00%"]}
        findings:                      # exactly these, in any order; [] for none
          - {severity: error, at: "3.7:1:%", printed: "95,00%", expected: "90,00"}

``at`` is the first place of the finding (table, row from 1, column heading), left out for a
finding about the agency's data rather than a printed figure; ``expected`` may be left out
for a finding with none; ``says`` is a part of the message, in the
language of ``lang`` (Indonesian by default).
"""

from __future__ import annotations

from attrs import frozen

from sakip.model.agency_data import AgencyData
from sakip.model.findings import Finding, Severity
from sakip.model.printed import PrintedReport
from sakip.plugins.registry import Registry
from sakip.readers.agency_yaml import read_agency_data
from sakip.readers.transcript_yaml import read_printed_report
from sakip.readers.yaml_cursor import Cursor, required
from sakip.reviewing.run import review_report

FILE_FIELDS = {"check", "data", "lang", "cases"}
CASE_FIELDS = {"name", "data", "report", "findings"}
FINDING_FIELDS = {"severity", "at", "printed", "expected", "says"}


@frozen
class ExpectedFinding:
    """What a case expects one finding to be."""

    severity: Severity
    at: str
    """``table:row:column`` of the finding's first place."""
    printed: str
    expected: str | None
    says: str | None

    def matches(self, finding: Finding) -> bool:
        first = finding.places[0] if finding.places else None
        at = f"{first.table}:{first.row}:{first.column}" if first else ""
        return (
            (finding.severity, at, finding.printed, finding.expected)
            == (self.severity, self.at, self.printed, self.expected)
        ) and (self.says is None or self.says in finding.message)

    def __str__(self) -> str:
        expected = f", expected {self.expected}" if self.expected is not None else ""
        at = self.at or "the agency's data"
        return f"{self.severity.value} at {at}: printed {self.printed}{expected}"


@frozen
class CheckCase:
    """One case of a check: the data, the report as printed and the findings expected."""

    source: str
    line: int
    name: str
    check_code: str
    lang: str
    data: AgencyData
    report: PrintedReport
    findings: tuple[ExpectedFinding, ...]

    def __str__(self) -> str:
        return f"{self.check_code}: {self.name}"

    def check(self, registry: Registry) -> None:
        """Review the case's report with its check alone; the findings must be exactly the
        expected ones.

        :raises AssertionError: naming the case file and line, with what was found.
        """
        where = f"{self.source}, line {self.line} ({self.name})"
        found = review_report(
            registry, self.report, self.data, lang=self.lang, checks=[self.check_code]
        )
        unexpected = [f for f in found if not any(e.matches(f) for e in self.findings)]
        missing = [e for e in self.findings if not any(e.matches(f) for f in found)]
        if unexpected or missing or len(found) != len(self.findings):
            lines = [f"{where}:"]
            lines += [f"  missing: {e}" for e in missing]
            lines += [f"  unexpected: {_describe(f)}" for f in unexpected]
            if not (missing or unexpected):
                lines.append(f"  {len(found)} findings for {len(self.findings)} expected")
            raise AssertionError("\n".join(lines))


def _describe(finding: Finding) -> str:
    first = finding.places[0] if finding.places else None
    at = f"{first.table}:{first.row}:{first.column}" if first else "the agency's data"
    return (
        f"{finding.severity.value} at {at}: printed {finding.printed}, expected "
        f"{finding.expected} — {finding.message}"
    )


def read_check_cases(root: Cursor) -> list[CheckCase]:
    """The cases of one check-case file, already parsed."""
    fields = root.mapping(FILE_FIELDS)
    code = required(fields, "check", root).text()
    lang = fields["lang"].text() if "lang" in fields else "id"
    shared = read_agency_data(fields["data"]) if "data" in fields else None
    cases = []
    for index, cursor in enumerate(required(fields, "cases", root).items(), start=1):
        entries = cursor.mapping(CASE_FIELDS)
        if "data" in entries:
            data = read_agency_data(entries["data"])
        elif shared is not None:
            data = shared
        else:
            raise cursor.error("the case needs the agency's 'data', here or for the whole file")
        report = read_printed_report(required(entries, "report", cursor), agency=data.agency.id)
        expected = tuple(_finding(c) for c in required(entries, "findings", cursor).items())
        cases.append(
            CheckCase(
                source=root.source,
                line=cursor.node.start_mark.line + 1,
                name=entries["name"].text() if "name" in entries else f"case {index}",
                check_code=code,
                lang=lang,
                data=data,
                report=report,
                findings=expected,
            )
        )
    return cases


def _finding(cursor: Cursor) -> ExpectedFinding:
    fields = cursor.mapping(FINDING_FIELDS)
    severity_cursor = required(fields, "severity", cursor)
    try:
        severity = Severity(severity_cursor.text())
    except ValueError:
        known = ", ".join(s.value for s in Severity)
        raise severity_cursor.error(f"expected a severity: {known}") from None
    at = fields.get("at")
    if at is not None and at.text().count(":") < 2:
        raise at.error("expected the place as table:row:column, e.g. 3.7:14:%")
    return ExpectedFinding(
        severity=severity,
        at=at.text() if at is not None else "",
        printed=required(fields, "printed", cursor).text(),
        expected=fields["expected"].text() if "expected" in fields else None,
        says=fields["says"].text() if "says" in fields else None,
    )
