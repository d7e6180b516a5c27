"""The pages in a real browser: the editor runs queries, claims lead to their passages, search finds the memo."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DOCS_QUERY_TITLE = "Documents with their date, place, classification and archival file"


def test_editor_runs_a_documented_example_and_its_rows_link_to_pages(browser_page):
    page = browser_page
    page.goto("/query")
    page.get_by_role("link", name=DOCS_QUERY_TITLE).click()
    page.locator(".yasqe_queryButton").last.click()
    link = page.locator('.yasr table a[href^="/id/historicaldocuments/frus1981-88v41/d54"]').first
    link.wait_for(timeout=15_000)
    assert link.get_attribute("target") is None
    assert "1981-10-26" in page.locator(".yasr table").inner_text()


def test_regression_the_editor_opened_on_an_example_that_finds_nothing_on_the_sample(browser_page):
    """The editor's first tab held the LCSH example (0 rows on the sample, and a test's `# store:` line)."""
    from api.examples import default_example, examples

    opening = examples()[default_example(examples())]
    page = browser_page
    page.goto("/query")
    editor = page.locator(".tabPanel.active .CodeMirror").first
    editor.wait_for()
    shown = editor.inner_text()
    assert next(line for line in opening.query.splitlines() if line.startswith("SELECT")) in shown
    assert "# store:" not in shown
    page.locator(".yasqe_queryButton").last.click()
    page.locator(".yasr table tbody tr").first.wait_for(timeout=15_000)


def test_editor_loads_a_shared_link_with_its_query(browser_page):
    page = browser_page
    page.goto("/query?query=" + "SELECT%20%3Fshared%20WHERE%20%7B%7D")
    page.locator(".CodeMirror").first.wait_for()
    assert "?shared" in page.locator(".tabPanel.active .CodeMirror").inner_text()


def test_a_claim_on_a_person_page_opens_its_passage_highlighted_in_the_document(browser_page):
    page = browser_page
    page.goto("/people/102617")
    item = page.locator("ol.claims > li", has_text="We recommend a two-track policy").first
    item.locator("a.claim-source").click()
    page.wait_for_url("**/documents/frus1981-88v41/d54#claim-*")
    anchor = page.url.rsplit("#", 1)[1]
    passage = page.locator(f"#{anchor}")
    assert "We recommend a two-track policy" in passage.inner_text()
    assert passage.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(254, 215, 170)"
    assert passage.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    others = page.locator(".claim.selected").count()
    assert others == page.locator(f'.claim[data-claim="{anchor}"]').count() >= 1


def test_regression_a_claim_iri_opened_in_a_browser_showed_a_bare_table_not_its_highlighted_passage(browser_page):
    """The claim's IRI, as a reader finds it in a SPARQL result or another dataset, opens its document at the
    claim: the page scrolled to the passage, every part of it highlighted."""
    page = browser_page
    page.goto("/id/historicaldocuments/frus1981-88v41/d54/claims/9")
    assert page.url == page.base + "/documents/frus1981-88v41/d54#claim-9"
    passage = page.locator("#claim-9")
    assert passage.evaluate("e => e.classList.contains('selected')")
    assert passage.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(254, 215, 170)"
    assert passage.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    assert page.locator(".claim.selected").count() == page.locator('.claim[data-claim="claim-9"]').count() >= 1


def test_selecting_a_claim_beside_the_text_highlights_its_passage(browser_page):
    page = browser_page
    page.goto("/documents/frus1981-88v41/d54")
    link = page.locator("aside a.claim-link", has_text="Americans don").first
    anchor = link.get_attribute("data-claim")
    link.click()
    assert page.locator(f"#{anchor}").evaluate("e => e.classList.contains('selected')")
    assert page.locator(".claim.selected").count() == page.locator(f'.claim[data-claim="{anchor}"]').count()


def test_regression_the_memos_italics_showed_their_asterisks_and_a_claim_inside_them_is_highlighted_at_its_words(browser_page):
    """The plain-text copy prints italics as *…*; the stored text keeps the asterisks (offsets point into it), the
    page shows italics. The claim "If we act as if offenses …" starts inside the italics and ends past them."""
    page = browser_page
    page.goto("/documents/frus1981-88v41/d54")
    text = page.locator(".document-text")
    assert "*" not in text.inner_text()
    italic = text.locator("em", has_text="Our ability to resist the Soviets")
    assert italic.evaluate("e => getComputedStyle(e).fontStyle") == "italic"
    assert italic.inner_text().endswith("persuade others of it.")
    page.locator("aside a.claim-link", has_text="If we act as if offenses").first.click()
    selected = " ".join(page.locator(".claim.selected").all_inner_texts())
    assert selected.startswith("If we act ") and "as if offenses against freedom" in selected   # [Page 169] between
    assert "Communist violations, and few abroad" in selected and selected.rstrip().endswith("preserving freedom.")
    assert text.locator(".claim.selected em").count() >= 1


def test_searching_human_rights_finds_the_sample_memo(browser_page):
    page = browser_page
    page.goto("/")
    page.get_by_label("Search the documents").first.fill("human rights")
    page.get_by_label("Search the documents").first.press("Enter")
    page.wait_for_url("**/search?q=human+rights")
    assert page.locator(".search-hit .snippet mark").count() >= 2
    claim = page.locator('.search-hit a[href^="/documents/frus1981-88v41/d54#claim-"]').first
    assert claim.inner_text() == "In frus1981-88v41, document 54"
    page.get_by_role("checkbox", name="Documents").check()
    page.get_by_role("button", name="Search", exact=True).last.click()
    page.wait_for_url("**/search?q=human+rights&kind=document*")
    hit = page.locator(".search-hit a", has_text="Memorandum From the Deputy Secretary of State (Clark)")
    assert hit.count() == 1
    hit.click()
    page.wait_for_url("**/documents/frus1981-88v41/d54")
    assert "Reinvigoration of Human Rights Policy" in page.locator("main").inner_text()


def test_a_reader_filters_the_claims_and_pages_through_them_and_back(browser_page):
    page = browser_page
    page.goto("/")
    page.locator("header nav").get_by_role("link", name="Claims").click()
    page.wait_for_url("**/claims")
    page.get_by_label("Volume").select_option("frus1981-88v41")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/claims?volume=frus1981-88v41*")
    total = int(page.locator("p.tools").inner_text().split(" in all")[0].replace(",", ""))
    assert total > 20 and page.locator("ol.claims > li").count() == 20
    first = page.locator("ol.claims > li").first.inner_text()
    page.get_by_role("link", name="Next →").click()
    page.wait_for_url("**cursor=*")
    assert page.locator("ol.claims").get_attribute("start") == "21"
    assert page.get_by_label("Volume").input_value() == "frus1981-88v41"
    assert page.locator("ol.claims > li").first.inner_text() != first
    page.get_by_role("link", name="← Previous").click()
    page.wait_for_function("() => document.querySelector('ol.claims').getAttribute('start') === '1'")
    assert page.locator("ol.claims > li").first.inner_text() == first
    page.locator("ol.claims > li a.claim-source").first.click()
    page.wait_for_url("**/documents/frus1981-88v41/d54#claim-*")


@pytest.mark.parametrize("path", ["/people/102617", "/documents?volume=frus1981-88v41", "/countries/el-salvador",
                                  "/documents/frus1981-88v41/d54", "/claims", "/"])
def test_regression_pages_scrolled_sideways_on_a_narrow_screen(browser_page, path):
    """At 390 px a SPARQL <code>, the documents table, the filters' <select> and the search box widened the page."""
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_regression_the_editors_query_endpoint_and_format_controls_had_no_label(browser_page):
    """docs/pages.md promises a label for every form control; YASGUI's five (the query's textarea, the endpoint,
    the tab's name, both result formats) had none a screen reader reads, its <label>s naming no control."""
    page = browser_page
    page.goto("/query")
    page.locator(".tabPanel.active .CodeMirror").first.wait_for()
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('#yasgui input, #yasgui select, #yasgui textarea')]
        .filter(e => e.type !== 'hidden' && !e.labels?.length && !e.getAttribute('aria-label')).map(e => e.outerHTML)""")
    assert unlabelled == []
    assert page.get_by_label("SPARQL query").count() >= 1
    assert page.get_by_label("Result format, Ask / Select queries").count() >= 1


def test_regression_the_editor_offered_construct_results_in_formats_the_endpoint_answers_406(browser_page):
    """'Construct / Describe' offered JSON (application/rdf+json), CSV and TSV: choosing one, every CONSTRUCT of
    the tab failed with 406."""
    import httpx

    page = browser_page
    page.goto("/query")
    page.locator(".tabPanel.active .CodeMirror").first.wait_for()
    offered = page.get_by_label("Result format, Construct / Describe queries").first.evaluate(
        "s => [...s.options].map(o => o.value)")
    assert "text/turtle" in offered and "application/rdf+json" not in offered
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1"
    for media in offered:
        answer = httpx.post(page.base + "/sparql", data={"query": construct}, headers={"Accept": media}, timeout=30)
        assert answer.status_code == 200, (media, answer.text[:200])
