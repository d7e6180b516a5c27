"""Hostile and broken TEI input: refused or reported with file, line and column, never a traceback or a leak."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from ingest.errors import SourceError
from ingest.secure_xml import xml_events
from ingest.tei_reader import read_tei

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "tei"
E09 = FIXTURES / "frus1969-76ve09p1-slice.xml"
NS = 'xmlns="http://www.tei-c.org/ns/1.0"'
DOC = f'<TEI {NS} xml:id="frus1969-76v01"><text><body><div type="document" xml:id="d1" n="1"><head>1. {{}}</head><p>Text.</p></div></body></text></TEI>'


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_all(path: Path) -> list:
    return list(read_tei(path))


def test_xxe_external_entity_is_refused_before_parsing(tmp_path):
    path = write(tmp_path, "xxe.xml", '<?xml version="1.0"?>\n<!DOCTYPE TEI [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
                 + DOC.format("&xxe;"))
    with pytest.raises(SourceError) as err:
        read_all(path)
    assert "entit" in err.value.message and (err.value.line, err.value.column) == (3, 3)
    assert str(err.value).startswith(f"{path}:3:3: ")


def test_billion_laughs_is_refused(tmp_path):
    lols = "".join(f'  <!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">\n' for i in range(1, 10))
    path = write(tmp_path, "lol.xml", f'<?xml version="1.0"?>\n<!DOCTYPE TEI [\n  <!ENTITY lol0 "lol">\n{lols}]>\n'
                 + DOC.format("&lol9;"))
    with pytest.raises(SourceError, match="entit") as err:
        read_all(path)
    assert err.value.line == 3


def test_parameter_entity_pointing_outside_is_refused(tmp_path):
    path = write(tmp_path, "pe.xml", '<!DOCTYPE TEI [ <!ENTITY % ext SYSTEM "http://127.0.0.1:9/evil.dtd"> %ext; ]>\n'
                 + DOC.format("x"))
    with pytest.raises(SourceError, match="entit"):
        read_all(path)


def test_an_external_dtd_is_neither_loaded_nor_fatal(tmp_path):
    path = write(tmp_path, "dtd.xml", '<!DOCTYPE TEI SYSTEM "file:///nonexistent/tei.dtd">\n' + DOC.format("Heading"))
    [record] = read_all(path)
    assert record.heading == "1. Heading"


def test_xinclude_is_refused_not_followed(tmp_path):
    secret = write(tmp_path, "secret.txt", "TOP-SECRET-CONTENT")
    path = write(tmp_path, "xi.xml", DOC.format(
        f'Heading<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret}" parse="text"/>'))
    with pytest.raises(SourceError, match="XInclude refused") as err:
        read_all(path)
    assert "TOP-SECRET" not in str(err.value) and err.value.line == 1


def test_undefined_entity_reference_is_a_clear_error(tmp_path):
    path = write(tmp_path, "undef.xml", DOC.format("caf&eacute;"))
    with pytest.raises(SourceError, match="entity") as err:
        read_all(path)
    assert err.value.line == 1 and err.value.column


def test_malformed_xml_names_line_and_column(tmp_path):
    path = write(tmp_path, "bad.xml", f'<TEI {NS}>\n<text><body>\n<div type="document" xml:id="d1"><head>1. X</div>\n</body></text></TEI>')
    with pytest.raises(SourceError, match="malformed XML") as err:
        read_all(path)
    assert err.value.line == 3 and err.value.column


def test_truncated_gz_is_reported_after_the_documents_before_the_cut(tmp_path):
    data = gzip.compress(E09.read_bytes())
    path = write(tmp_path, "cut.xml.gz", data[: len(data) * 3 // 4])
    got = []
    with pytest.raises(SourceError, match=r"truncated \.gz") as err:
        for record in read_tei(path):
            got.append(record.doc_id)
    assert got[:2] == ["d1", "d2"] and err.value.line > 100


def test_corrupt_gz_is_reported(tmp_path):
    data = bytearray(gzip.compress(E09.read_bytes()))
    data[len(data) // 2: len(data) // 2 + 64] = b"\x00" * 64
    path = write(tmp_path, "corrupt.xml.gz", bytes(data))
    with pytest.raises(SourceError, match=r"\.gz|malformed|UTF-8"):
        read_all(path)


def test_non_utf8_bytes_name_the_place(tmp_path):
    path = write(tmp_path, "latin1.xml", DOC.format("Caf\xe9 au lait").encode("latin-1"))
    with pytest.raises(SourceError, match="not UTF-8") as err:
        read_all(path)
    assert err.value.line == 1 and err.value.column


def test_utf16_is_refused(tmp_path):
    path = write(tmp_path, "utf16.xml", DOC.format("x").encode("utf-16"))
    with pytest.raises(SourceError, match="UTF-16"):
        read_all(path)


@pytest.mark.parametrize("name,data,message", [
    ("empty.xml", b"", "empty file"),
    ("blank.xml", b"  \n\n ", "only whitespace"),
    ("empty.xml.gz", gzip.compress(b"", mtime=0), "empty file"),
])
def test_empty_input(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    with pytest.raises(SourceError, match=message) as err:
        read_all(path)
    assert str(err.value).startswith(str(path))


def test_not_tei_and_tei_without_documents(tmp_path):
    with pytest.raises(SourceError, match="not a TEI file"):
        read_all(write(tmp_path, "page.xml", "<html><body><p>Hello</p></body></html>"))
    with pytest.raises(SourceError, match='no <div type="document">'):
        read_all(write(tmp_path, "nodocs.xml", f"<TEI {NS}><text><body><p>x</p></body></text></TEI>"))
    with pytest.raises(SourceError, match="no such file"):
        read_all(tmp_path / "missing.xml")


def test_events_stream_in_chunks_from_gzip(tmp_path):
    path = write(tmp_path, "v.xml.gz", gzip.compress(E09.read_bytes()))
    ends = [el.get("n") for ev, el in xml_events(path, ("end",), ["{http://www.tei-c.org/ns/1.0}div"])
            if el.get("type") == "document"]
    assert ends == ["1", "2", "3", "4", "9"]


def test_error_place_is_not_taken_from_an_earlier_file(tmp_path):
    """Regression: libxml2 keeps a per-thread log; an earlier file's error must not name this file's place."""
    earlier = write(tmp_path, "earlier.xml", "\n" * 50 + f'<TEI {NS}><text><body><div type="document"')
    with pytest.raises(SourceError):
        read_all(earlier)
    with pytest.raises(SourceError, match="eacute") as err:
        read_all(write(tmp_path, "undef.xml", DOC.format("caf&eacute;")))
    assert err.value.line == 1
