"""`/documents?text=` narrowed through the search index answers as the scan of every text does."""
from __future__ import annotations

import shutil

import pytest

import api.resources.documents as documents
from api.resources.documents import DocumentFilter, document_list
from api.resources.paging import Page
from graph import open_store, search_index_path

_TEXTS = ["human rights", "Human Rights Policy", "the soviet", "n rights is at the co", "Rights of labor", "xyzzy",
          "e core of our foreign", "., ", "fenwick", "Ambassador"]


def _answer(store, text: str) -> dict:
    return document_list(store, DocumentFilter(text=text.lower(), params={"text": text}), Page(limit=2))


@pytest.mark.parametrize("text", _TEXTS)
def test_the_index_narrowed_answer_is_the_scans(sample_store, monkeypatch, text):
    narrowed = _answer(sample_store, text)
    assert documents.text_candidates(sample_store, DocumentFilter(text=text.lower())).only is not None
    with monkeypatch.context() as patched:
        patched.setattr(documents, "text_candidates", lambda store, filt: filt)
        assert narrowed == _answer(sample_store, text)


def test_a_store_without_a_search_index_scans(sample_store, sample_store_path, tmp_path):
    shutil.copytree(sample_store_path, tmp_path / "store")
    search_index_path(tmp_path / "store").unlink()
    bare = open_store(tmp_path / "store", read_only=True)
    assert documents.text_candidates(bare, DocumentFilter(text="human rights")).only is None
    answers = [_answer(bare, text) for text in _TEXTS]
    assert answers == [_answer(sample_store, text) for text in _TEXTS]
    assert sum(answer["total"] for answer in answers) >= 5
