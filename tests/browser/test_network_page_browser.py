"""The network page in a real browser: it draws the network, a clicked tie lists its passages, a clicked node opens
its page, the time slider, search, size and colour work, and nothing breaks the page's Content Security Policy.

The store holds the sample memo (Clark and Kennedy wrote to Haig) and two TEI volume slices (1969-1974, several
people per document), so the time slider has months to move over.
"""
from __future__ import annotations

import base64
import re
import shutil
from pathlib import Path

import pytest

from chromium import served

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "examples" / "frus1981-88v41-d54.txt", ROOT / "tests" / "fixtures" / "tei" / "frus1969-76v01-slice.xml",
           ROOT / "tests" / "fixtures" / "tei" / "frus1969-76ve09p1-slice.xml"]
PEOPLE = "https://w3id.org/frus-kg/id/people/"
CLARK, HAIG = PEOPLE + "102617", PEOPLE + "105381"
LETTERS = "/network?kind=correspondence&volume=frus1981-88v41"


@pytest.fixture(scope="module")
def browser_server(tmp_path_factory):
    """Overrides the shared fixture for this module: `browser_page` serves this store."""
    from graph import open_store
    from ingest import ingest_paths
    from ingest.authorities.rdf import ensure_authority_graphs

    path = tmp_path_factory.mktemp("network") / "store"
    db = open_store(path)
    ensure_authority_graphs(db)
    summary = ingest_paths(SOURCES, db)
    assert summary.documents == 14 and not summary.failures, summary.failures
    db.close()
    with served(path) as base:
        yield base
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def page(csp_page):
    return csp_page


def open_network(page, path: str) -> None:
    page.goto(path)
    page.wait_for_function("() => window.frusNetwork && window.frusNetwork.ready", timeout=60_000)


def node_points(page) -> dict[str, dict]:
    """Each node's label, colour and position in the drawing (pixels from the canvas's top left)."""
    return page.evaluate("""() => {
      const {graph, renderer} = window.frusNetwork, out = {};
      graph.forEachNode((key, a) => {
        const p = renderer.graphToViewport({x: a.x, y: a.y});
        out[key] = {label: a.label, color: a.color, size: a.size, x: p.x, y: p.y};
      });
      return out;
    }""")


def painted(page, points: list[tuple[float, float]]) -> list[str]:
    """The colours (#rrggbb) of the drawing's pixels at `points`, read from a screenshot of it."""
    shot = base64.b64encode(page.locator("#network").screenshot()).decode()
    return page.evaluate("""async ([shot, points]) => {
      const image = new Image();
      image.src = "data:image/png;base64," + shot;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width; canvas.height = image.height;
      const context = canvas.getContext("2d");
      context.drawImage(image, 0, 0);
      return points.map(([x, y]) => {
        const [r, g, b] = context.getImageData(Math.round(x), Math.round(y), 1, 1).data;
        return "#" + [r, g, b].map(v => v.toString(16).padStart(2, "0")).join("");
      });
    }""", [shot, points])


def close(colour: str, other: str, tolerance: int = 24) -> bool:
    a, b = bytes.fromhex(colour[1:]), bytes.fromhex(other[1:])
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def click_at(page, x: float, y: float) -> None:
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def test_the_letters_of_the_sample_memo_are_drawn_each_node_in_its_colour(page):
    open_network(page, LETTERS)
    points = node_points(page)
    assert sorted(p["label"] for p in points.values()) == [
        "Alexander Meigs Haig, Jr.", "Richard Thomas Kennedy", "William Patrick Clark"]
    box = page.locator("#network").bounding_box()
    for p in points.values():
        assert 0 < p["x"] < box["width"] and 0 < p["y"] < box["height"], p
    colours = painted(page, [(p["x"], p["y"]) for p in points.values()])
    assert [close(c, p["color"]) for c, p in zip(colours, points.values())] == [True] * 3, (colours, points)
    assert page.locator("#network").get_attribute("data-edges") == "2"
    assert "3 nodes and 2 ties" in page.locator("#network-status").inner_text()


def test_clicking_a_tie_lists_its_passages_each_linked_to_its_document_at_the_passage(page):
    open_network(page, LETTERS)
    points = node_points(page)
    clark, haig = points[CLARK], points[HAIG]
    click_at(page, (clark["x"] + haig["x"]) / 2, (clark["y"] + haig["y"]) / 2)
    page.locator('#details-body[data-state="ready"]').wait_for(timeout=30_000)
    assert page.evaluate("frusNetwork.selectedEdge") is not None
    assert page.locator("#details-body h3").inner_text() == "William Patrick Clark → Alexander Meigs Haig, Jr."
    (item,) = page.locator("#details-body ol.passages > li").all()
    text = item.locator("blockquote").inner_text()
    assert "(Clark)" in text and "Haig" in text
    link = item.get_by_role("link", name="frus1981-88v41, document 54")
    assert re.fullmatch(r"/documents/frus1981-88v41/d54#char=\d+,\d+:~:text=\S+", link.get_attribute("href"))
    link.click()
    page.wait_for_url("**/documents/frus1981-88v41/d54#char=*")
    assert "Reinvigoration of Human Rights Policy" in page.locator("main").inner_text()


def test_regression_a_ties_passages_had_no_page_numbers(page):
    """The passages beside the drawing named their document but not the page it prints them on: the memo's heading,
    the passage of Clark's letter to Haig, is on page 167 of frus1981-88v41."""
    open_network(page, LETTERS)
    page.get_by_role("button", name="William Patrick Clark → Alexander Meigs Haig, Jr.").click()
    page.locator('#details-body[data-state="ready"]').wait_for(timeout=30_000)
    (item,) = page.locator("#details-body ol.passages > li").all()
    assert item.locator(".page").inner_text() == ", page 167"


def test_a_tie_chosen_in_the_list_of_ties_lists_the_same_passages(page):
    open_network(page, LETTERS)
    page.get_by_role("button", name="Richard Thomas Kennedy → Alexander Meigs Haig, Jr.").click()
    page.locator('#details-body[data-state="ready"]').wait_for(timeout=30_000)
    assert page.evaluate("document.activeElement.id") == "details-heading"
    text = page.locator("#details-body blockquote").first.inner_text()
    assert "(Kennedy)" in text and "Haig" in text


def test_regression_a_ties_passages_showed_a_plain_text_copys_asterisks(page):
    """The sentence the memo gives for the Soviet Union and the United States holds "*…*" italics: the passage beside
    the drawing printed the asterisks; it shows italics, as the document page does."""
    open_network(page, "/network?kind=country-country&window=sentence&volume=frus1981-88v41")
    page.locator("#ties button[data-edge]", has_text="Soviet Union").filter(has_text="United States").first.click()
    page.locator('#details-body[data-state="ready"]').wait_for(timeout=30_000)
    quotes = page.locator("#details-body blockquote.passage")
    assert quotes.count() >= 1 and "*" not in " ".join(quotes.all_inner_texts())
    italic = quotes.locator("em").first
    assert italic.evaluate("e => getComputedStyle(e).fontStyle") == "italic" and italic.inner_text()


def test_clicking_a_node_opens_its_page(page):
    open_network(page, LETTERS)
    haig = node_points(page)[HAIG]
    click_at(page, haig["x"], haig["y"])
    page.wait_for_url("**/people/105381")
    assert "Alexander Meigs Haig" in page.locator("h1").inner_text()


def test_the_time_slider_keeps_only_the_ties_active_in_its_months(page):
    open_network(page, "/network?kind=person-person")
    months = page.evaluate("frusNetwork.months")
    assert months[0] == "1969-02" and months[-1] == "1981-10"
    everything = page.evaluate("frusNetwork.graph.size")
    page.get_by_label("until").fill(str(months.index("1970-12")))
    page.wait_for_function("() => document.getElementById('network-status').textContent.includes('until 1970-12')")
    active = page.evaluate("""() => {
      const {graph, renderer} = window.frusNetwork;
      return graph.mapEdges((key, a) => ({start: a.start, end: a.end, told: a.told,
                                          shown: renderer.getEdgeDisplayData(key).visibility !== "hidden"}));
    }""")
    shown = [e for e in active if e["shown"]]

    def told_within(e):         # an undated editorial note counts when the whole interval it tells of lies within
        return any(last <= "1970-12" for _, last in e["told"])

    assert 0 < len(shown) < everything
    assert all((e["start"] and e["start"] <= "1970-12") or told_within(e) for e in shown)
    assert all((e["start"] is None or e["start"] > "1970-12") and not told_within(e) for e in active if not e["shown"])
    assert page.locator("#ties > li").count() == min(len(shown), 50)


def test_search_finds_a_node_and_size_and_colour_follow_the_chosen_metric_and_kind(page):
    open_network(page, "/network?kind=person-country")
    page.get_by_label("Find a node").fill("kissinger")
    page.get_by_role("button", name="Find").click()
    found = page.evaluate("frusNetwork.focus")
    assert page.evaluate(f"frusNetwork.graph.getNodeAttribute({found!r}, 'label')") == "Henry A. Kissinger"
    assert page.locator("#network-status").inner_text().startswith("Henry A. Kissinger:")
    assert page.locator("#details-body h3 a").get_attribute("href") == "/people/" + found.rsplit("/", 1)[1]
    tie = page.locator("#details-body ol.node-ties button").first
    assert "Henry A. Kissinger" in tie.inner_text()
    tie.click()
    page.locator('#details-body[data-state="ready"]').wait_for(timeout=30_000)
    assert page.locator("#details-body ol.passages > li").count() >= 1

    page.get_by_label("Node size").select_option("betweenness")
    nodes = page.evaluate("frusNetwork.graph.mapNodes((k, a) => [a.betweenness, a.size, a.kind, a.color])")
    by_metric = sorted(nodes, key=lambda n: n[0])
    assert by_metric[-1][1] == max(n[1] for n in nodes) and by_metric[0][1] == min(n[1] for n in nodes)
    assert "size=betweenness" in page.url

    page.get_by_label("Colour by").select_option("kind")
    colours = {}
    for _, _, kind, colour in page.evaluate("frusNetwork.graph.mapNodes((k, a) => [0, 0, a.kind, a.color])"):
        colours.setdefault(kind, set()).add(colour)
    assert set(colours) == {"person", "country"} and all(len(c) == 1 for c in colours.values())
    assert colours["person"] != colours["country"]
    legend = page.locator("#network-legend li").all_inner_texts()
    assert sorted(item.split(" (")[0] for item in legend) == ["country", "person"]


def test_the_filter_form_reloads_the_page_with_its_parameters_and_no_empty_ones(page):
    open_network(page, "/network")
    page.get_by_label("Network", exact=True).select_option("correspondence")
    page.get_by_label("Volume").select_option("frus1981-88v41")
    page.get_by_role("button", name="Show the network").click()
    page.wait_for_url("**/network?kind=correspondence*")
    assert "from=" not in page.url and "to=" not in page.url and "volume=frus1981-88v41" in page.url
    page.wait_for_function("() => window.frusNetwork && window.frusNetwork.ready", timeout=60_000)
    assert page.evaluate("frusNetwork.graph.order") == 3


def test_regression_a_label_at_the_drawings_edge_was_cut_off(page):
    """At 1280 px the co-mention network of the sample memo drew "Alexander Meigs Haig, Jr." as "Alexa": the camera
    fitted the nodes, not their labels, into the drawing (sigma's autoRescaleContent)."""
    open_network(page, "/network?kind=person-person&volume=frus1981-88v41")
    boxes = page.evaluate("""() => {
      const {graph, renderer} = window.frusNetwork, out = [];
      const context = document.createElement("canvas").getContext("2d");
      context.font = `${renderer.getSetting("labelWeight")} ${renderer.getSetting("labelSize")}px ${renderer.getSetting("labelFont")}`;
      const width = document.getElementById("network").clientWidth;
      graph.forEachNode((key, a) => {
        const p = renderer.graphToViewport({x: a.x, y: a.y});
        const size = renderer.getNodeDisplayData(key).size;
        out.push({label: a.label, left: p.x - size, right: p.x + size + 3 + context.measureText(a.label).width, width});
      });
      return out;
    }""")
    assert len(boxes) >= 3
    for box in boxes:
        assert 0 <= box["left"] and box["right"] <= box["width"], box


def test_regression_the_network_select_cut_off_its_own_choice(page):
    """The filters' column was 14rem: "People mentioned together" showed as "People mentioned toget"."""
    open_network(page, "/network?kind=person-person&volume=frus1981-88v41")
    fits = page.evaluate("""() => [...document.querySelectorAll(".network-filters select")].map(select => {
      const style = getComputedStyle(select), context = document.createElement("canvas").getContext("2d");
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.options[select.selectedIndex].text;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return [text, context.measureText(text).width <= room];
    })""")
    assert fits and all(ok for _, ok in fits), fits


def test_regression_the_page_never_said_what_the_coverage_warning_of_its_network_says(page):
    """`/network` warns when the editors' person markup covers the people's years unevenly (here the memo, a plain-text
    copy of 1981, beside the marked-up volumes of 1969-1974), and every export carries the warning; the page drew the
    network from the same answer and showed nothing of it, so its reader compared raw counts. It says it above the
    drawing, and a network without the warning (of countries) shows none."""
    open_network(page, "/network?kind=person-person")
    note = page.locator("#network-coverage")
    assert note.is_visible()
    assert "person markup is uneven across 1969" in note.inner_text() and "documents_per_marked" in note.inner_text()
    open_network(page, "/network?kind=country-country")
    assert not page.locator("#network-coverage").is_visible()
