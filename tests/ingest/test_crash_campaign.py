"""The crash campaign (issue 17): kill -9 at seeded random points of a three-volume ingest, aimed at every phase of
the write path, loses no document, and every rerun converges to a clean run; a full disk and an unwritable store
stop the ingest with a clear error and lose nothing.

Slow (about 45 s a trial on two shared cores): `make test-slow`. The kills are aimed by bench/crash.py, which wraps
the phase functions in the ingest's own process (no hook in product code); the bench runs it on real volumes.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench import crash

ROOT = Path(__file__).resolve().parents[2]
TEI = ROOT / "tests" / "fixtures" / "tei"
INPUTS = [TEI / "frus1969-76v01-slice.xml", TEI / "frus1948v05p1-slice.xml", TEI / "frus1949v07p1-slice.xml"]
TRIALS = 20                  # at least two per phase: worker, writer, load, ledger, checkpoint, bulk, finish, anywhere

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def campaign(tmp_path_factory) -> crash.Campaign:
    return crash.run_campaign(INPUTS, tmp_path_factory.mktemp("crash"), trials=TRIALS, seed=17, workers=2,
                              cli_validate_every=20, log=print)


def test_the_campaign_kills_in_every_phase_at_least_20_times(campaign):
    assert len(campaign.trials) >= 20
    assert {t.phase for t in campaign.trials} == set(crash.PHASES)
    killed = [t for t in campaign.trials if t.killed]
    assert len(killed) >= 20, [(t.number, t.phase, t.exit_code) for t in campaign.trials if not t.killed]


def test_after_every_kill_the_store_holds_only_whole_documents(campaign):
    for t in campaign.trials:
        assert not t.partial, f"trial {t.number} ({t.phase}): graphs that differ from the clean run's: {t.partial}"
        assert not t.entries_without_data, f"trial {t.number}: ledger entries without their whole graph"
        assert not t.shacl_violations, f"trial {t.number}: graphs failing the shapes: {t.shacl_violations}"
        assert t.cli_validate in ("not run", "passed") or t.cli_validate.startswith("skipped"), t
        assert t.clear_error, f"trial {t.number}: a traceback on stderr"


def test_some_kills_land_midway_so_the_checks_see_partial_runs(campaign):
    midway = [t for t in campaign.trials if 0 < t.committed < campaign.reference.documents]
    assert len(midway) >= 6


def test_every_rerun_converges_to_the_clean_run_and_no_document_is_lost(campaign):
    for t in campaign.trials:
        assert t.converged, f"trial {t.number} ({t.phase}, {t.mode}, hit {t.hit}): quads differ after the rerun {t.notes}"
        assert t.ledger_equal, f"trial {t.number}: the ledger differs after the rerun"
    assert campaign.lost == 0


def test_a_full_disk_gives_a_clear_error_and_loses_nothing(campaign):
    result = campaign.full_disk
    if "skipped" in result:
        pytest.skip(result["skipped"])
    assert result["exit_code"] != 0 and result["clear_error"], result
    assert re.search("no space left|disk is full", result["message"], re.IGNORECASE), result["message"]
    assert not result["partial"]
    assert result["converged"] and result["lost"] == 0


def test_an_unwritable_store_gives_a_clear_error_and_is_left_unchanged(campaign):
    result = campaign.unwritable
    if "skipped" in result:
        pytest.skip(result["skipped"])
    assert result["first_exit_code"] == 0 and result["committed"] > 0
    assert result["exit_code"] == 3 and result["clear_error"], result
    assert "Read-only file system" in result["message"]
    assert result["unchanged"] and result["converged"] and result["lost"] == 0
