"""A remote store is configured by its URL and the environment: endpoints, numbers, the state folder, and
credentials (which the URL may not carry); a server behind authentication gets them, and a refusal is clear."""
from __future__ import annotations

import base64
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from graph import StoreError, open_store
from graph.remote_settings import remote_settings
from graph.sparql_client import RemoteStoreError


def test_endpoints_default_to_the_oxigraph_servers_layout():
    s = remote_settings("sparql+http://127.0.0.1:7878", env={})
    assert (s.query_url, s.update_url, s.store_url) == ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update",
                                                        "http://127.0.0.1:7878/store")
    assert s.url == "sparql+http://127.0.0.1:7878" and s.write == "update" and s.timeout == 60.0


def test_url_parameters_name_endpoints_relative_to_the_path_and_environment_wins():
    url = "sparql+https://kg.example/base?query=sparql&update=sparql&store=sparql-graph-crud&timeout=5&write=gsp"
    s = remote_settings(url, env={"FRUS_KG_SPARQL_STORE_URL": "https://other.example/gsp", "FRUS_KG_SPARQL_RETRIES": "7"})
    assert s.query_url == s.update_url == "https://kg.example/base/sparql"
    assert s.store_url == "https://other.example/gsp"
    assert (s.timeout, s.retries, s.write) == (5.0, 7, "gsp")


def test_each_server_gets_its_own_state_folder(tmp_path):
    a = remote_settings("sparql+http://a:1/x", env={"FRUS_KG_STATE": str(tmp_path)}).state
    b = remote_settings("sparql+http://a:1/y", env={"FRUS_KG_STATE": str(tmp_path)}).state
    assert a.parent == b.parent == tmp_path and a != b
    assert remote_settings(f"sparql+http://a:1/x?state={tmp_path / 's'}", env={}).state == tmp_path / "s"


@pytest.mark.parametrize("url,message", [
    ("sparql+http://user:secret@host:1/", "not in the store URL"),
    ("sparql+http://host:1/?timeout=soon", "timeout must be a number"),
    ("sparql+http://host:1/?write=ftp", "write must be"),
    ("http://host:1/", "not a remote store URL"),
])
def test_bad_configuration_is_a_clear_error(url, message):
    with pytest.raises(StoreError, match=message):
        remote_settings(url, env={})


class _Guard(BaseHTTPRequestHandler):
    """Forwards to the real server only what carries the expected Authorization header; else 401."""
    upstream = ""
    expected = ""

    def _forward(self):
        if self.headers.get("Authorization") != self.expected:
            self.send_response(401)
            self.end_headers()
            self.wfile.write(b"who are you?")
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
        answer = httpx.request(self.command, self.upstream + self.path, content=body, headers=headers, timeout=30)
        self.send_response(answer.status_code)
        self.send_header("Content-Type", answer.headers.get("content-type", "text/plain"))
        self.send_header("Content-Length", str(len(answer.content)))
        self.end_headers()
        self.wfile.write(answer.content)

    do_GET = do_POST = do_PUT = _forward

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("env,header", [
    ({"FRUS_KG_SPARQL_TOKEN": "s3cret"}, "Bearer s3cret"),
    ({"FRUS_KG_SPARQL_USER": "frus", "FRUS_KG_SPARQL_PASSWORD": "pw"}, "Basic " + base64.b64encode(b"frus:pw").decode()),
])
def test_credentials_reach_a_server_behind_authentication(oxigraph_server, tmp_path: Path, monkeypatch, env, header):
    guard = type("Guard", (_Guard,), {"upstream": oxigraph_server.base, "expected": header})
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), guard)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    url = f"sparql+http://127.0.0.1:{proxy.server_address[1]}?state={tmp_path / 'state'}"
    try:
        with pytest.raises(RemoteStoreError, match="refused the credentials"):
            open_store(url)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        oxigraph_server.clear()
        db = open_store(url)
        db.replace_graphs({"http://example.org/g": b'<http://example.org/s> <http://example.org/p> "o" <http://example.org/g> .\n'})
        assert db.graph_names() == ["http://example.org/g"]
        db.close()
    finally:
        proxy.shutdown()
