"""Shared by the ingest tests that read documents cut unchanged from FRUS volumes into tests/fixtures/tei."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.entities import EntityExtractor
from ingest.tei_reader import read_tei

TEI_SLICES = Path(__file__).resolve().parent.parent / "fixtures" / "tei"


@pytest.fixture(scope="module")
def slice_document():
    """slice_document("frus1964-68v16-syg.xml", "d49"): that document, read and with its entities extracted."""
    extractor = EntityExtractor(title_only=True)     # as ingest runs it (extract_entities)

    def read(name: str, doc_id: str):
        (record,) = [r for r in read_tei(TEI_SLICES / name) if r.doc_id == doc_id]
        extractor.run(record)
        return record
    return read


@pytest.fixture(scope="module")
def memorandum():
    """memorandum(body, volume, date): a memorandum of that volume and date holding `body`, its entities extracted as
    `frus-kg evaluate` extracts them (no title-only mentions)."""
    from ingest.records import DocumentRecord, Page, VolumeRecord
    extractor = EntityExtractor()

    def read(body: str, volume: str, date: str = "1955-09-02",
             heading: str = "256. Memorandum From the Acting Secretary of State to the Secretary of State"):
        text = f"{heading}\n\nWashington, {date}.\n\n{body}"
        number = heading.split(".", 1)[0]
        record = DocumentRecord(VolumeRecord(volume, "t"), f"d{number}", number, heading, text, "<test>", date=date,
                                pages=[Page("1", 0, len(text))])
        extractor.run(record)
        return record
    return read
