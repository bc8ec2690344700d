"""Real published reports of other agencies, reviewed from their Word, PDF and text files
(``tests/real_reports/``): the ground truth of each was worked out by hand, never by sakip.

No file crashes; every file read today is read tomorrow; every inconsistency the review finds
today keeps being found with its expected value, and no more errors are raised on correct
figures than ``tests/real_reports/standing.yaml`` records. The standing is the corpus's score
as measured (``python tests/real_reports/score.py --record``): it may only get better, and the
gap to the whole ground truth (every inconsistency found, no false error, no file refused) is
what issue 21 still asks, printed by ``score.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent / "real_reports"))

import build
import score

REPORTS = build.reports()
STANDING = score.load_standing()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("real-reports")


def test_the_corpus_is_large_and_varied() -> None:
    excerpts = [build.load(slug) for slug in REPORTS]
    agencies = {e.source["agency"] for e in excerpts}
    assert len(agencies) >= 25, sorted(agencies)
    assert sum(not e.ruled for e in excerpts) >= 3  # PDFs whose tables have no ruling lines


@pytest.mark.parametrize("slug", REPORTS)
def test_every_truth_entry_is_worked_out(slug: str) -> None:
    raw = yaml.load((build.HERE / slug / "truth.yaml").read_text("utf-8"), Loader=yaml.BaseLoader)
    for entry in [*(raw.get("inconsistencies") or []), *(raw.get("correct") or [])]:
        assert entry.get("work"), entry
        assert entry.get("printed"), entry


@pytest.mark.parametrize("slug", REPORTS)
@pytest.mark.parametrize("kind", build.KINDS)
def test_a_real_report_is_reviewed_no_worse_than_its_standing(
    slug: str, kind: str, built: Path
) -> None:
    path = build.build(slug, built, [kind])[kind]
    result = score.score_file(slug, kind, path, score.load_truth(slug))
    standing = STANDING.get(f"{slug}.{kind}")
    assert standing is not None, f"{slug}.{kind}: not in standing.yaml; run score.py --record"
    assert not (result.refused or "").startswith("CRASH"), result.refused
    if result.refused is not None:
        assert standing.get("refused"), f"read before, refused now: {result.refused}"
        return
    assert result.found >= standing["found"], result.missed
    assert result.right >= standing["right"], result.wrong_expected
    assert result.false_errors <= standing["false_errors"], result.false
