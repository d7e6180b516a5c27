"""What processes derive from the bundled authority data is kept on disk under a key of the data, the code and the
IRI settings; a cache that cannot be read or written is never an error."""
from __future__ import annotations

import json

import pytest

from ingest.authorities import derived_cache
from ingest.authorities.derived_cache import cached_json, fingerprint
from ingest.authorities.load import Authorities


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("FRUS_KG_CACHE_DIR", str(folder))
    return folder


def test_a_value_is_built_once_then_read_from_the_cache(cache):
    calls = []

    def build():
        calls.append(1)
        return {"forrestal": ["103655"]}

    assert cached_json("index", build) == cached_json("index", build) == {"forrestal": ["103655"]}
    assert len(calls) == 1
    assert [p.name for p in cache.iterdir()] == [f"index-{fingerprint()}.json"]


def test_a_damaged_cache_file_is_built_again_and_replaced(cache):
    cached_json("index", lambda: {"a": 1})
    path = cache / f"index-{fingerprint()}.json"
    path.write_text('{"a": ', encoding="utf-8")
    assert cached_json("index", lambda: {"a": 2}) == {"a": 2}
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": 2}


def test_an_empty_setting_keeps_no_cache_and_an_unwritable_folder_is_no_error(tmp_path, monkeypatch):
    monkeypatch.setenv("FRUS_KG_CACHE_DIR", "")
    assert cached_json("index", lambda: {"a": 1}) == {"a": 1}
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("FRUS_KG_CACHE_DIR", str(blocker / "cache"))       # under a file: cannot be made
    assert cached_json("index", lambda: {"a": 3}) == {"a": 3}


def test_the_key_changes_with_the_iri_base_and_an_entry_for_another_key_is_dropped(cache, monkeypatch):
    cached_json("index", lambda: {"a": 1})
    before = fingerprint()
    fingerprint.cache_clear()
    monkeypatch.setenv("FRUS_KG_BASE", "https://example.org/id/")
    try:
        after = fingerprint()
        assert after != before
        assert cached_json("index", lambda: {"a": 2}) == {"a": 2}
        assert [p.name for p in cache.iterdir()] == [f"index-{after}.json"]
    finally:
        fingerprint.cache_clear()


def test_the_name_indexes_read_from_the_cache_are_the_indexes_built(cache):
    first, second = Authorities(), Authorities()
    assert first.full_index == second.full_index == first._full_index()
    assert first.surname_index == second.surname_index == first._surname_index()
    assert {p.name.rsplit("-", 1)[0] for p in cache.iterdir()} == {"full-index", "surname-index"}
    assert derived_cache.cache_dir() == cache
