"""The list pages' filter forms, submitted as a browser submits a plain GET form (the form has no script): every
control adds its filter to those already active, which ride along as hidden fields, over HTTP on the sample store."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
import pytest

from test_pages import find_all, get, parse, text_of

JSON_LD = {"Accept": "application/ld+json"}
TYPED = {"f-genre": "Memorandum", "f-text": "human", "f-name": "Clark", "f-office": "deputy-secretary",
         "f-date": "1981-10-26", "search-q": "rights", "search-volume": "frus1981-88v41", "search-from": "1981",
         "search-to": "1981"}


FORMS = ".//h:form[@class='filters']"


def _controls(tree, form_path: str = FORMS) -> list[tuple[str | None, str, str]]:
    """(id, name, value) of each control of the filter form, in order, as a browser would submit them (a checkbox
    when checked; a select's last option marked selected, else its first)."""
    form = find_all(tree, form_path)[0]
    found = []
    for control in form.iter():
        tag = control.tag.rsplit("}", 1)[-1]
        if tag == "input" and control.get("name") and (control.get("type") != "checkbox" or
                                                        control.get("checked") is not None):
            found.append((control.get("id"), control.get("name"), control.get("value") or ""))
        elif tag == "select":
            options = find_all(control, "h:option")
            selected = [o for o in options if o.get("selected") is not None]
            chosen = selected[-1] if selected else options[0]
            found.append((control.get("id"), control.get("name"), chosen.get("value", text_of(chosen))))
    return found


def _choices(tree, control_id: str) -> str:
    """A value to choose in a control: a select's last option, or a word typed into a text field."""
    selects = [s for s in find_all(tree, ".//h:select") if s.get("id") == control_id]
    if not selects:
        return TYPED[control_id]
    option = find_all(selects[0], "h:option")[-1]
    return option.get("value", text_of(option))


def submit(path: str, tree, control_id: str, value: str, form_path: str = FORMS) -> str:
    """The URL the form goes to with `value` chosen in the control `control_id` and the rest left as they are."""
    pairs = [(name, value if cid == control_id else v) for cid, name, v in _controls(tree, form_path)]
    return f"{urlsplit(path).path}?{urlencode(pairs)}"


def _filters(url: str) -> set[tuple[str, str]]:
    return {(k, v) for k, v in parse_qsl(urlsplit(url).query) if v}


@pytest.mark.parametrize("path", ["/claims?about=organizations/un&claimant=people/102617&limit=5",
                                  "/documents?author=people/102617&mentions=people/107031&limit=5",
                                  "/people?sort=documents&limit=5", "/countries?sort=date&limit=5",
                                  "/search?q=human&kind=claim&limit=5"])
def test_every_filter_control_adds_its_filter_to_those_already_active(server, path):
    tree = parse(get(server, path).text)
    controls = [cid for cid, _, _ in _controls(tree) if cid]
    assert controls
    for control_id in controls:
        value = _choices(tree, control_id)
        name = next(n for cid, n, _ in _controls(tree) if cid == control_id)
        url = submit(path, tree, control_id, value)
        kept = {(k, v) for k, v in _filters(path) if k != name or k in ("about", "mentions", "author")}
        assert kept | {(name, value)} <= _filters(url), (control_id, url)
        assert get(server, url).status_code == 200


def test_regression_choosing_a_country_in_about_dropped_the_entity_the_claims_were_about(server):
    """On /claims?about=organizations/un (the UN page's claims about it), choosing the Soviet Union in "About"
    listed all 9 claims about the Soviet Union: the form sent about= twice and the page kept the last. Both now
    hold, as a repeated `about` does for scripts: the 2 claims about the UN and the Soviet Union."""
    path = "/claims?about=organizations/un"
    url = submit(path, parse(get(server, path).text), "f-country", "countries/soviet-union-1991")
    page = parse(get(server, url).text)
    assert text_of(find_all(page, ".//h:h1")[0]) == "Claims about United Nations and Soviet Union"
    assert len(find_all(page, ".//h:ol[@class='claims']/h:li")) == 2
    data = httpx.get(server + url, headers=JSON_LD, timeout=30).json()
    assert data["total"] == 2 and all({"organizations/un", "countries/soviet-union-1991"} <= {
        a["href"].lstrip("/") for a in item["about"]} for item in data["items"])


def test_regression_filtering_a_network_of_two_volumes_kept_only_the_second(launch, document_slices_path):
    """/network?volume=frus1948v05p1&volume=frus1949v07p1 marked both volumes selected in its one-choice select, and
    a browser submits the last: choosing another kind of network dropped frus1948v05p1. The select shows the first
    and the second rides along hidden."""
    _, base = launch(document_slices_path)
    path = "/network?volume=frus1948v05p1&volume=frus1949v07p1"
    tree = parse(get(base, path).text)
    url = submit(path, tree, "f-kind", "person-country", ".//h:form[@id='network-filters']")
    assert {("volume", "frus1948v05p1"), ("volume", "frus1949v07p1"), ("kind", "person-country")} <= _filters(url)
    assert get(base, url).status_code == 200
