"""`frus-kg ingest` of a user's own files, as a new user brings them: each file that cannot be ingested is named with
why and where, the command never hangs or leaves a traceback, and what can be ingested still is."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

EXE = str(Path(sys.executable).with_name("frus-kg"))


def ingest(store: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, "ingest", "--store", str(store), *args], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def documents(store: Path) -> set[str]:
    out = subprocess.run([EXE, "query", "--store", str(store), "--format", "csv",
                          "SELECT ?id WHERE { ?d <https://w3id.org/frus-kg/vocab#documentId> ?id }"],
                         capture_output=True, text=True, timeout=300, check=True).stdout
    return set(out.split()[1:])


def test_regression_a_fifo_named_as_input_hung_the_ingest_while_hashing_it(tmp_path, sample_path):
    """`frus-kg ingest memo.txt`, memo.txt a FIFO (a named pipe left by a download script), waited for ever: the ledger
    hashed the file with a plain open() before any reader refused it; a FIFO named volume.xml waited in the count of
    documents for the progress bar. Both are refused by name now, and the rest goes in."""
    fifos = [tmp_path / "memo.txt", tmp_path / "volume.xml"]
    for fifo in fifos:
        os.mkfifo(fifo)
    proc = ingest(tmp_path / "s", *map(str, fifos), str(sample_path), timeout=60)
    assert proc.returncode == 1, proc.stderr
    for fifo in fifos:
        assert f"unreadable: {fifo}: not a regular file (a FIFO, a device or a folder): refused" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert documents(tmp_path / "s") == {"d54"}


def test_regression_workers_100000_started_processes_until_the_machine_ran_out_of_memory(tmp_path):
    """`frus-kg ingest -w 100000 volume.xml.gz` (a slip for -w 1) spawned worker after worker, each loading the name
    indexes, until it was killed out of memory (exit 137). More than 4 per
    CPU is now a usage error (exit 2), before the store is opened; index and remove, whose --workers are processes
    too, say the same."""
    cpus = len(os.sched_getaffinity(0))
    nowhere = str(tmp_path / "nowhere.xml")
    for command in (["ingest", nowhere], ["index"], ["remove", "frus1981-88v41"]):
        proc = subprocess.run([EXE, *command, "--store", str(tmp_path / "s"), "--workers", "100000"],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2, proc.stderr
        assert f"100000 is more than {4 * cpus}, 4 per CPU of the {cpus} this process may use" in proc.stderr
        assert not (tmp_path / "s").exists()
    at_most = ingest(tmp_path / "s", "--workers", str(4 * cpus), nowhere)
    assert at_most.returncode == 2 and f"no such file or folder: {nowhere}" in at_most.stderr


def test_regression_a_document_div_saved_alone_was_committed_and_then_reported_not_a_tei_file(tmp_path):
    """d9's <div type="document"> saved alone as frus1969-76ve09p1.xml (no <TEI>, no header): the ingest committed
    d9, then reported the file "unreadable …:1:1: not a TEI file", "1 committed" beside "1 unreadable". The file is
    now refused whole at the div's line, before anything of it is committed."""
    from lxml import etree

    single = etree.parse(str(Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1969-76ve09p1-d9.xml"))
    [div] = single.getroot().iter("{http://www.tei-c.org/ns/1.0}div")
    path = tmp_path / "frus1969-76ve09p1.xml"
    path.write_bytes(etree.tostring(div, xml_declaration=True, encoding="UTF-8"))
    proc = ingest(tmp_path / "s", str(path))
    assert proc.returncode == 1, proc.stderr
    assert f"unreadable: {path}:2: not a TEI file: no <TEI> root element" in proc.stderr
    assert "│ 0 committed," in proc.stderr
    assert not (tmp_path / "s").exists()        # nothing committed, and no store left where there was none


def test_regression_a_folders_broken_link_fifo_and_linked_subfolder_were_passed_over_in_silence(tmp_path, sample_path):
    """`frus-kg ingest corpus/` listed only regular files: a link to a copy since moved (gone.txt), a FIFO (pipe.xml)
    and every volume of a subfolder linked in (linked/ -> the 1948 slice's folder) were left out without a word, and
    the run said "failed 0". Each broken entry is now named as unreadable, and linked folders are walked (once each:
    a link back up the tree is no loop)."""
    corpus, elsewhere = tmp_path / "corpus", tmp_path / "elsewhere"
    (corpus / "a").mkdir(parents=True)
    elsewhere.mkdir()
    (corpus / "d54.txt").write_bytes(sample_path.read_bytes())
    (corpus / "gone.txt").symlink_to(tmp_path / "moved" / "gone.txt")
    os.mkfifo(corpus / "a" / "pipe.xml")
    (corpus / "a" / "up").symlink_to(corpus)
    slice_ = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1948v05p1-slice.xml"
    (elsewhere / slice_.name).write_bytes(slice_.read_bytes())
    (corpus / "linked").symlink_to(elsewhere)
    proc = ingest(tmp_path / "s", str(corpus), timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert f"unreadable: {corpus / 'gone.txt'}: a symbolic link to {tmp_path / 'moved' / 'gone.txt'}, which does not " \
           "exist" in proc.stderr
    assert f"unreadable: {corpus / 'a' / 'pipe.xml'}: not a regular file" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert documents(tmp_path / "s") == {"d54", "d1", "d2", "d3", "d4"}


def test_regression_the_words_of_an_element_outside_the_tei_namespace_were_dropped_in_silence(tmp_path):
    """A volume whose d2 holds markup of the user's own (`<my:place xmlns:my="urn:example:mine">`) or none (`<b
    xmlns="">`, pasted from HTML) lost those words from the document's text, with no word said; an unknown element in
    the TEI namespace keeps its words. Now all do; only the FRUS editors' own elements (frus:file, frus:pdf…) hold no
    text of the document."""
    today = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1969-76ve09p1-today.xml"
    text = today.read_text(encoding="utf-8")
    own = ('<p><my:place xmlns:my="urn:example:mine">Algiers harbour</my:place> and <b xmlns="">the bold words</b>, '
           '<madeup>an unknown TEI element</madeup>. 828. For Eagleton')
    assert text.count("<p>828. For Eagleton") == 1
    path = tmp_path / "frus1969-76ve09p1.xml"
    path.write_text(text.replace("<p>828. For Eagleton", own), encoding="utf-8")
    proc = ingest(tmp_path / "s", str(path))
    assert proc.returncode == 0, proc.stderr
    out = subprocess.run([EXE, "query", "--store", str(tmp_path / "s"), "--format", "csv",
                          "SELECT ?t WHERE { <https://w3id.org/frus-kg/id/historicaldocuments/frus1969-76ve09p1/d2> "
                          "<http://schema.org/text> ?t }"], capture_output=True, text=True, timeout=300, check=True).stdout
    assert "Algiers harbour and the bold words, an unknown TEI element. 828. For Eagleton" in out


def test_regression_a_copy_saved_as_utf16_by_notepad_was_refused_as_byte_0xff_and_nothing_more(tmp_path, sample_path):
    """The sample copy saved as "Unicode" by Windows Notepad (UTF-16 with its byte-order mark) was refused as
    "memo.txt:1:1: not UTF-8 text (byte 0xff)", which tells a user neither what the file is nor what to do; a Latin-1
    copy got "(byte 0xb9)" the same way. Each is now named, at its place, with the remedy."""
    text = sample_path.read_text(encoding="utf-8")
    notepad, latin1 = tmp_path / "notepad.txt", tmp_path / "latin1.txt"
    notepad.write_bytes(text.encode("utf-16"))
    latin1.write_bytes(text.replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-")
                       .replace("↵", "").encode("latin-1"))
    proc = ingest(tmp_path / "s", str(notepad), str(latin1))
    assert proc.returncode == 1, proc.stderr
    assert (f"unreadable: {notepad}:1:1: not UTF-8 text: NUL bytes (0x00), as in UTF-16 or UTF-32 text (what Windows "
            "Notepad saves as 'Unicode') or a file that is no text; save the copy as UTF-8") in proc.stderr
    first_mark = text.splitlines()[8].index("¹") + 1                # the heading's footnote mark, line 9
    assert (f"unreadable: {latin1}:9:{first_mark}: not UTF-8 text (byte 0xb9, perhaps Latin-1 or Windows-1252): save "
            "the copy as UTF-8") in proc.stderr


def test_regression_a_copy_of_blank_lines_was_called_an_empty_file(tmp_path):
    """A copy holding only spaces, tabs and blank lines (a page saved before it loaded) was refused as "empty file",
    though it has bytes, which sent its user looking for a failed download; the TEI reader already told the two apart."""
    blank, empty = tmp_path / "blank.txt", tmp_path / "empty.txt"
    blank.write_text("  \n\n\t \r\n")
    empty.write_text("")
    proc = ingest(tmp_path / "s", str(blank), str(empty))
    assert proc.returncode == 1, proc.stderr
    assert f"unreadable: {blank}: file holds only whitespace: expected a history.state.gov document copy" in proc.stderr
    assert f"unreadable: {empty}: empty file: expected a history.state.gov document copy" in proc.stderr


def test_regression_an_ingest_beside_another_told_its_user_to_stop_the_server(tmp_path, sample_path):
    """A second `frus-kg ingest` while a first one was writing said "(is `frus-kg serve` or another ingest running?).
    Stop it": but a server opens the store read-only and never holds its lock (ingesting beside it is documented), so
    users stopped their server for nothing. The message now names what does hold it, exit 3 as before."""
    store = tmp_path / "s"
    slice_ = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1948v05p1-slice.xml"
    log = (tmp_path / "first.log").open("w+")
    first = subprocess.Popen([EXE, "ingest", "--store", str(store), "--workers", "0", str(slice_)], stderr=log,
                             stdout=subprocess.DEVNULL, env={**os.environ, "FRUS_KG_INGEST_PAUSE_AFTER": "1"})
    try:
        for _ in range(600):
            if "paused after" in (tmp_path / "first.log").read_text():
                break
            assert first.poll() is None, (tmp_path / "first.log").read_text()
            time.sleep(0.5)
        second = ingest(store, str(sample_path))
    finally:
        first.kill()
        first.wait()
        log.close()
    assert second.returncode == 3, second.stderr
    assert ("the store is open in another process that writes to it (another `frus-kg ingest`, `index`, `remove` or "
            "`load`, or an update `frus-kg serve` is applying; a server alone never holds it)") in second.stderr
    assert "Stop it" not in second.stderr


def test_regression_a_tag_left_open_in_a_small_volume_lost_the_whole_documents_before_it(tmp_path):
    """A `<hi>` left open in d3 of a 47 KB volume: "0 committed", though d1 and d2 closed before the break, while the
    same break in a larger file committed every document before it. The reader fed the file in 64 KB pieces and lost
    the elements of the piece that broke. Now the documents closed before the break go in wherever it falls, as
    docs/ingest.md says, and the error gives the file, the line and the column."""
    today = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1969-76ve09p1-today.xml"
    lines = today.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if 'xml:id="d3"' in line)
    at = next(i for i in range(at, len(lines)) if lines[i].startswith("<p>"))
    lines[at] = lines[at].replace("<p>", "<p><hi>", 1)
    path = tmp_path / "frus1969-76ve09p1.xml"
    path.write_text("\n".join(lines), encoding="utf-8")
    proc = ingest(tmp_path / "s", str(path))
    assert proc.returncode == 1, proc.stderr
    place = re.search(rf"unreadable: {re.escape(str(path))}:(\d+):(\d+): malformed XML: Opening and ending tag "
                      rf"mismatch: hi line {at + 1} and p", proc.stderr)
    assert place and int(place[1]) == at + 1 and len(lines[at]) - len("</p>") < int(place[2]) <= len(lines[at]) + 1
    assert documents(tmp_path / "s") == {"d1", "d2"}
