"""Every finding of the built-in checks' cases, word for word, as the auditor reads it.

The cases (tests/cases/checks) pin each finding's severity, place and values; this pins its
message, so a change to what a check says, or to a value it puts in its sentence, is seen.
Each message was read against its case: the figures in it are the case's hand-worked ones
(in the comments of each YAML file). SK301's messages are pinned in its own case file,
three of them here as well.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip import load_registry
from sakip.reviewing.run import review_report
from sakip.testing import CheckCase, load_cases

REGISTRY = load_registry()
FOLDER = Path(__file__).parent / "cases" / "checks"

MESSAGES = {
    ("SK105", "parts that do not add up to the figure beside them", "3.1:1:REALISASI"): (
        "38 Orang 27 (Deportasi) 12 (Meninggal) lists its parts beside it, 27 (Deportasi) + "
        "12 (Meninggal) = 39, not 38."
    ),
    ("SK104", "a total its listed parts do not add up to", "paragraph 1:0:"): (
        "The text states Rp. 55.463.202.837,- and lists 3 parts of it below, which add up to "
        "25.151.040.844, 30.312.161.993 less: the total or a part is misprinted."
    ),
    (
        "SK103",
        "an achievement no formula gives from the sentence's target and realisation",
        "paragraph 1:0:",
    ): (
        "The text states target 15, realisation 11 and achievement 73,30: 11 / 15 × 100 gives "
        "73,3333, which is 73,33 rounded as printed; no lower-is-better formula gives 73,30 "
        "either, nor do the inputs anywhere within their rounding."
    ),
    (
        "SK102",
        "a result its numbers do not give is an error with the value they give",
        "paragraph 1:0:",
    ): (
        "The text computes 12.450 / 13.900 × 100 = 89,60 %, but its numbers give 89,5683, "
        "which is 89,57 rounded as printed, not 89,60 %."
    ),
    (
        "SK102",
        "a result its numbers do not give is an error with the value they give",
        "paragraph 2:0:",
    ): (
        "The text computes 215 dibagi target 240 dikalikan seratus persen sama dengan 89,85 %, "
        "but its numbers give 89,5833, which is 89,58 rounded as printed, not 89,85 %."
    ),
    (
        "SK102",
        "a result its numbers do not give is an error with the value they give",
        "paragraph 3:0:",
    ): (
        "The text computes (2 x 100 - 95) / 100 x 100% = 106%, but its numbers give 105, not 106%."
    ),
    (
        "SK101",
        "a rate printed with fewer decimals, truncated, names that rounding",
        "3.7:1:%",
    ): (
        "76,6% does not follow from ANGGARAN 1.500.000, REALISASI 1.150.000 under the agency's "
        "rounding (rounding half up to 2 decimals), which gives 76,67; truncating to 1 "
        "decimal gives 76,6%."
    ),
    (
        "SK101",
        "an agency rounding half to even, a report rounding half up",
        "3.7:1:%",
    ): (
        "12,35% does not follow from ANGGARAN 200.000, REALISASI 24.690 under the agency's "
        "rounding (rounding half to even to 2 decimals), which gives 12,34; rounding half up "
        "to 2 decimals gives 12,35%."
    ),
    ("SK501", "a spending at both stages is a revision too", "2.2:1:REALISASI"): (
        "Nilai realisasi anggaran sebesar 1.000.000 pada APBD murni (tabel 2.2) dan 1.150.000 "
        "pada APBD perubahan (tabel 3.7): perubahan anggaran, bukan ketidaksesuaian."
    ),
    (
        "SK501",
        "a stage printed twice is told by the figure that agrees with the data",
        "2.2:1:ANGGARAN",
    ): (
        "Nilai anggaran sebesar 1.200.000 pada APBD murni (tabel 2.2) dan 1.500.000 pada APBD "
        "perubahan (tabel 3.8): perubahan anggaran, bukan ketidaksesuaian."
    ),
    ("SK101", "an absorption no rounding explains is an error", "3.7:1:%"): (
        "93,27% does not follow from ANGGARAN 1.000.000, REALISASI 900.000: the "
        "agency's rules give 90,00, and no other rounding gives 93,27%."
    ),
    ("SK101", "a truncated absorption is a warning naming truncation", "3.7:1:%"): (
        "76,66% does not follow from ANGGARAN 1.500.000, REALISASI 1.150.000 under the "
        "agency's rounding (rounding half up to 2 decimals), which gives 76,67; "
        "truncating to 2 decimals gives 76,66%."
    ),
    ("SK101", "an achievement that does not follow from target and actual", "3.1:1:CAPAIAN"): (
        "115 does not follow from TARGET 80, REALISASI 90: the agency's rules give "
        "112,50, and no other rounding gives 115."
    ),
    (
        "SK101",
        "a rate from an input before it was rounded for printing is a warning naming it",
        "3.1:1:CAPAIAN",
    ): (
        "63,36 does not follow from TARGET 0,53, REALISASI 0,34, which give 64,15; it "
        "follows from REALISASI before rounding: a value printed as 0,34 gives 63,36."
    ),
    (
        "SK101",
        "a rate from an input before it was rounded for printing is a warning naming it",
        "3.1:2:CAPAIAN",
    ): (
        "58,34 does not follow from TARGET 3,93, REALISASI 2,29, which give 58,27; it "
        "follows from TARGET or REALISASI before rounding: a value printed as 3,93 or "
        "2,29 gives 58,34."
    ),
    ("SK101", "whole-number inputs are exact, so they explain nothing", "3.1:1:CAPAIAN"): (
        "80,00 does not follow from TARGET 4, REALISASI 3: the agency's rules give "
        "75,00, and no other rounding gives 80,00."
    ),
    ("SK201", "a total printed below its parts", "3.7:1:ANGGARAN"): (
        "1.400.000 bukan jumlah 2 rincian yang tercetak di tabel ini, yang jumlahnya 1.500.000."
    ),
    ("SK201", "a total printed above its parts", "3.7:1:REALISASI"): (
        "1.160.000 bukan jumlah 2 rincian yang tercetak di tabel ini, yang jumlahnya 1.150.000."
    ),
    ("SK302", "a figure printed alike but not as the data gives it", "a:1:REALISASI"): (
        "Tercetak 95, tetapi data instansi memberi 90."
    ),
    ("SK401", "a level met while the only level below is missed", "3.9:1:Realisasi"): (
        "Printed here: 10 of 10 Dokumen, 100,00 %, which meets the target; but no level "
        "below meets its own: Kegiatan Satu: 3 of 4 Kegiatan, 75,00 %."
    ),
    ("SK401", "a level missed while every level below is met", "3.9:1:Realisasi"): (
        "Printed here: 9 of 10 Dokumen, 90,00 %, which misses the target; but every "
        "level below meets its own: Kegiatan Satu: 4 of 4 Kegiatan, 100,00 %."
    ),
    (
        "SK501",
        "a program's budget at both stages is a revision, for information",
        "2.2:1:ANGGARAN",
    ): (
        "Nilai anggaran sebesar 1.200.000 pada APBD murni (tabel 2.2) dan 1.500.000 "
        "pada APBD perubahan (tabel 3.7): perubahan anggaran, bukan ketidaksesuaian."
    ),
    ("SK601", "a level's quarters added up", "3.4:1:TAHUN 2024"): (
        "300 adds up 60; 70; 80; 90, but the indicator is not cumulative (last: the "
        "latest value stands): its value is 90."
    ),
    ("SK601", "a cumulative year that its quarters do not make", "3.4:1:TAHUN 2024"): (
        "30 does not follow from 5; 5; 10; 5 printed beside it: by the indicator's "
        "aggregation (sum: cumulative) they give 25."
    ),
    (
        "SK601",
        "a level's realisation to date that adds last year's to this year's",
        "renja:1:S.D. 2024",
    ): (
        "160 adds up 70; 90, but the indicator is not cumulative (last: the latest "
        "value stands): its value is 90."
    ),
    ("SK602", "a level's year given unlike its last quarter", ""): (
        "The agency's data gives indicator IKU-1 a 2024 actual value of 95, but its "
        "quarters (60; 70; 80; 90) make 90 by its aggregation (last); the year's value "
        "is used as given."
    ),
    ("SK603", "a predicate the printed achievement does not have", "3.1:1:PREDIKAT"): (
        "Sangat Tinggi is not the predicate of 85,00 (the achievement printed beside "
        "it): on the scale Permendagri 86/2017, lima tingkat it is Tinggi."
    ),
    (
        "SK603",
        "without an achievement in its row, the data's achievement decides",
        "3.1:1:PREDIKAT",
    ): (
        "Tinggi is not the predicate of 112,50 (the achievement the agency's data "
        "gives): on the scale Permendagri 86/2017, lima tingkat it is Sangat Tinggi."
    ),
    (
        "SK603",
        "rows passed over do not stop the check before a wrong predicate",
        "3.1:4:PREDIKAT",
    ): (
        "Sedang is not the predicate of 100,00 (the achievement printed beside it): on the "
        "scale Permendagri 86/2017, lima tingkat it is Sangat Tinggi."
    ),
    ("SK604", "grades turned into numbers and divided", "3.1:1:CAPAIAN"): (
        "200 does not follow from the grades printed beside it: a target of WDP and a "
        "realisation of WTP give 100 under the grade rule 'met'. Grades are ranks, not "
        "quantities to divide."
    ),
    ("SK605", "spending above the allocation is a warning", ""): (
        "The agency's data spends 1.094.000 on Sub Satu in 2024 (revised) against an "
        "allocation of 100.000: an absorption above 100 %. Check the figures, or say in "
        "the report why the allocation was exceeded."
    ),
    ("SK606", "a negative number of people is a warning", ""): (
        "The agency's data gives indicator IKU-1 a 2024 actual value of -5 Orang: a "
        "count cannot be negative."
    ),
    ("SK607", "a parent's own allocation unlike its children's sum is a warning", ""): (
        "The agency's data states an allocation of 3.000.000 for Kegiatan Satu (2024, "
        "revised), but the 2 nodes below it state 2.500.000 in all; 3.000.000 is used "
        "and theirs are set aside."
    ),
    (
        "SK401",
        "a level below whose row has no name is named by what it prints",
        "3.9:1:Realisasi",
    ): (
        "Printed here: 10 of 10 Dokumen, 100,00 %, which meets the target; but no level below "
        "meets its own: 3 of 4 Kegiatan, 75,00 %."
    ),
    (
        "SK401",
        "an actual value is set against the target in its own row first",
        "3.9:2:Realisasi",
    ): (
        "Printed here: 10 of 10 Dokumen, 100,00 %, which meets the target; but no level below "
        "meets its own: Kegiatan Satu: 3 of 4 Kegiatan, 75,00 %."
    ),
    (
        "SK101",
        "a rate another rounding explains names the rounding, not an input's rounding",
        "3.1:1:CAPAIAN",
    ): (
        "76,66 does not follow from TARGET 3, REALISASI 2,3 under the agency's rounding "
        "(rounding half up to 2 decimals), which gives 76,67; truncating to 2 decimals gives "
        "76,66."
    ),
    # SK301's cases pin their messages with `says`, a part of the message; these three pin
    # the whole, so that a total named when it should not be, or a sentence joined wrong, is
    # seen.
    (
        "SK301",
        "a misprint carried through an activity into its program, printed before both",
        "a:3:ANGGARAN",
    ): (
        "Printed as 1.000.400 here, but as 1.000.000 in table b and in the agency's data. It "
        "is carried into the total Kegiatan Satu, printed 1.500.400 in table a, where table b "
        "prints 1.500.000. It is carried into the total Program Satu, printed 1.500.400 in "
        "table a, where table b prints 1.500.000."
    ),
    (
        "SK301",
        "a total printed right under a misprinted part, or wrong on its own, carries nothing",
        "a:1:ANGGARAN",
    ): ("Printed as 1.000.400 here, but as 1.000.000 in tables b and c and in the agency's data."),
    (
        "SK301",
        "every quantity the majority decides is reported, not only the first",
        "c:1:2022",
    ): "Printed as 75 here, but as 70 in tables a and b.",
    (
        "SK301",
        "every quantity the majority decides is reported, not only the first",
        "c:2:2022",
    ): "Printed as 3 here, but as 4 in tables a and b.",
}

SK301_WORD_FOR_WORD = {name for code, name, _ in MESSAGES if code == "SK301"}


PINNED_IN_THEIR_CASES = {
    # Several findings with no place in one case: their whole messages are the cases' `says`.
    ("SK602", "each year is compared, whatever the indicators before it"),
    ("SK401", "printed achievements of a level and of every level below it"),
    ("SK605", "every overspent line is named, after lines within their allocation"),
    ("SK606", "a negative target of a count, after an indicator that is no count"),
    ("SK607", "a parent unlike its children, after parents that are passed over"),
    ("SK601", "a mean's quarters added up"),
    ("SK604", "grades divided in a later table, after rows that are right or not graded"),
    ("SK101", "the rates at the very ends of an input's rounding are explained, and no further"),
    ("SK101", "a rate just beyond half a printed unit of the input's rounding is not explained"),
    ("SK601", "a level's year that is neither its last quarter nor their sum"),
    ("SK501", "an absorption at both stages is no revision of its own"),
}


def _cases() -> list[CheckCase]:
    cases = [c for c in load_cases(FOLDER) if isinstance(c, CheckCase) and c.findings]
    return [
        c
        for c in cases
        if (c.check_code != "SK301" or c.name in SK301_WORD_FOR_WORD)
        and (c.check_code, c.name) not in PINNED_IN_THEIR_CASES
    ]


@pytest.mark.parametrize("case", _cases(), ids=str)
def test_each_finding_says_what_its_case_expects_word_for_word(case: CheckCase) -> None:
    found = review_report(
        REGISTRY, case.report, case.data, lang=case.lang, checks=[case.check_code]
    )
    said: dict[tuple[str, str, str], str] = {}
    for finding in found:
        first = finding.places[0] if finding.places else None
        at = f"{first.table}:{first.row}:{first.column}" if first else ""
        said[(case.check_code, case.name, at)] = finding.message
    expected = {
        key: text for key, text in MESSAGES.items() if key[:2] == (case.check_code, case.name)
    }
    assert said == expected


def test_every_pinned_message_belongs_to_a_case() -> None:
    names = {(case.check_code, case.name) for case in _cases()}
    assert {key[:2] for key in MESSAGES} == names


def test_a_number_that_reads_two_ways_is_named_with_the_reading_taken(tmp_path: Path) -> None:
    from sakip import review_document

    # Table 3.1 writes decimals with a dot (9.38, 7.25): its 9.900 is read as 9,9, which
    # could also be nine thousand nine hundred; SK701 names the reading, in both languages.
    text = (
        "BAB III AKUNTABILITAS KINERJA\n"
        "Tabel 3.1 Capaian Indikator Kinerja Tahun 2024\n"
        "No\tINDIKATOR\tTARGET\tREALISASI\tCAPAIAN\n"
        "1\tRata-rata nilai uji kompetensi peserta\t9.38\t9.38\t100\n"
        "2\tJumlah peserta pelatihan yang lulus\t9.900\t9.900\t100\n"
        "3\tIndeks kepuasan peserta pelatihan\t7.25\t7.25\t100\n"
    )
    path = tmp_path / "lkjip.txt"
    path.write_text(text, encoding="utf-8")
    english = review_document(REGISTRY, path, lang="en").findings
    assert [(f.code, f.places[0].column, f.printed, f.expected) for f in english] == [
        ("SK701", "TARGET", "9.900", "9,9"),
        ("SK701", "REALISASI", "9.900", "9,9"),
    ]
    assert english[0].message == (
        "9.900 reads as 9.900 or as 9,9; it was read as 9,9, the way column TARGET writes its "
        "numbers (1,234.5)."
    )
    indonesian = review_document(REGISTRY, path, lang="id").findings
    assert indonesian[1].message == (
        "9.900 dapat dibaca 9.900 atau 9,9; dibaca 9,9, sesuai cara kolom REALISASI menulis "
        "angkanya (1,234.5)."
    )


def test_a_wrong_predicate_names_the_achievement_beside_it_too() -> None:
    case = next(
        c
        for c in _cases()
        if (c.check_code, c.name) == ("SK603", "a predicate the printed achievement does not have")
    )
    (finding,) = review_report(REGISTRY, case.report, case.data, lang="en", checks=["SK603"])
    assert [(p.table, p.row, p.column) for p in finding.places] == [
        ("3.1", 1, "PREDIKAT"),
        ("3.1", 1, "CAPAIAN"),
    ]


def test_number_forms_after_other_assumptions_are_all_named() -> None:
    from attrs import evolve

    from sakip.model.printed import NUMBER_FORM, Assumption, Place

    case = next(c for c in load_cases(FOLDER) if isinstance(c, CheckCase) and c.report.tables)
    place = Place("3.1", 1, "TARGET")
    # What reading a file assumed: first what another cell states (told with the findings on
    # that cell, not by SK701), then a number read in its column's form.
    assumed = (
        Assumption(
            places=[Place("3.1", 1, "REALISASI")],
            message="taken as {what}",
            params={"what": "IKU-1"},
        ),
        Assumption(
            places=[place],
            message="{printed} was read as {read}",
            params={"printed": "9.900", "read": "9,9"},
            kind=NUMBER_FORM,
        ),
    )
    report = evolve(case.report, assumptions=assumed)
    found = review_report(REGISTRY, report, case.data, lang="en", checks=["SK701"])
    assert [(f.code, f.printed, f.expected, f.message) for f in found] == [
        ("SK701", "9.900", "9,9", "9.900 was read as 9,9")
    ]
