"""Export and load between backends keeps every quad: embedded -> Oxigraph server -> Virtuoso -> embedded, with the
sample document's real graphs (texts, dates, language tags, typed numbers) and the authority graphs."""
from __future__ import annotations

import io

import pyoxigraph as ox

from graph import open_store


def _canonical(quads) -> ox.Dataset:
    data = ox.Dataset(quads)
    data.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return data


def _export(db) -> bytes:
    buf = io.BytesIO()
    db.export(buf, "nquads")
    return buf.getvalue()


def test_embedded_to_oxigraph_server_to_virtuoso_and_back_keeps_every_quad(sample_store, oxigraph_server,
                                                                           virtuoso_server, tmp_path):
    original = _export(sample_store)
    oxigraph_server.clear()
    virtuoso_server.clear()
    data = original
    for i, url in enumerate([oxigraph_server.store_url(tmp_path / "s1"), virtuoso_server.store_url(tmp_path / "s2")]):
        db = open_store(url)
        db.load(data, "nquads")
        data = _export(db)
        db.close()
    back = open_store(tmp_path / "back")
    back.load(data, "nquads")
    assert back.quad_count() == sample_store.quad_count() > 1000
    assert _canonical(back.quads()) == _canonical(ox.parse(original, format=ox.RdfFormat.N_QUADS))
    back.close()
