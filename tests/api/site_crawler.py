"""A reader's crawl of a served site: from the home page, breadth-first, every same-host link a page prints.

What a page prints: `a[href]`, `link[href]`, `script[src]`, `img[src]` (and `iframe`, `source`, `embed` sources),
and each GET form's action with the values its fields hold, as a reader pressing its button sends it. Links are
requested as a browser would (its `Accept` for pages, `*/*` for assets), and a link that announces a media type
(`link rel="alternate" type=…`, `a type=…`) with that type as `Accept`, as an RDF client does. Redirects are
followed.

The bound: the site is endless (every list pages, filters and sorts; every page links its SPARQL), so a crawl visits
at most `per_shape` URLs of each shape, a shape being the path with its identifiers left out (`/people/*`,
`/id/historicaldocuments/*/*/mentions/*`, each static file its own) and the names of its query parameters; the first
ones found, breadth-first, so the pages nearest home come first. Every link keeps the page that printed it, so a
failure names both."""
from __future__ import annotations

import time
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urldefrag, urlencode, urljoin, urlsplit

import html5lib
import httpx

__all__ = ["Link", "Visit", "Crawl", "crawl", "shape", "BROWSER_ACCEPT", "XHTML"]

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
XHTML = "{http://www.w3.org/1999/xhtml}"
SOURCES = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src",
           "embed": "src"}
LOADED = {"link", "script", "img", "iframe", "source", "embed"}      # what a browser loads with the page itself


@dataclass(frozen=True)
class Link:
    page: str               # the page that printed it
    url: str                # absolute, without its fragment
    element: str            # a, link, script, img, form, …
    rel: str = ""
    type: str = ""          # the media type it announces

    @property
    def loaded(self) -> bool:
        """A browser loads it with the page (a stylesheet, a script, an image), where a reader follows an `a`."""
        return self.element in LOADED and "alternate" not in self.rel.split()

    @property
    def accept(self) -> str:
        if self.type and (self.element == "a" or "alternate" in self.rel.split()):
            return self.type
        return BROWSER_ACCEPT if self.element in ("a", "form") else "*/*"


@dataclass
class Visit:
    link: Link
    status: int
    media: str              # the answer's Content-Type without parameters
    url: str                # where the redirects ended
    body: bytes
    redirects: list[httpx.Response] = field(default_factory=list)
    parse_error: str | None = None      # for an HTML page: html5lib's first error in strict mode
    lang: str | None = None
    ids: Counter = field(default_factory=Counter)                       # each `id` on the page, with its count
    fragments: list[tuple[str, str]] = field(default_factory=list)      # (page, fragment) of each `a href="…#x"`


@dataclass
class Crawl:
    visits: list[Visit]
    elsewhere: list[Link]   # what a page loads from another host
    seconds: float

    def pages(self) -> list[Visit]:
        return [v for v in self.visits if v.media == "text/html"]


def shape(url: str, element: str = "page", media: str = "") -> tuple:
    """(the path with its identifiers as `*`, the names of its query parameters, what links it, the type announced)."""
    parts = urlsplit(url)
    segments = parts.path.strip("/").split("/")
    if segments[0] == "static":
        path = parts.path
    else:
        path = "/".join("*" if i and _identifier(s, segments[i - 1]) else s for i, s in enumerate(segments))
    return path, tuple(sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})), element, media


# the segments that name the thing after them: /countries/el-salvador, /id/…/d54/names/hippocratic
NAMING = frozenset({"people", "countries", "organizations", "regions", "volumes", "positions", "places", "persons",
                    "terms", "names"})


def _identifier(segment: str, before: str) -> bool:
    """A path segment naming one thing (`102617`, `d54`, `frus1981-88v41`, `el-salvador`), not a route's own word
    (`mentions`, `claims`, `co-mentioned`)."""
    return any(c.isdigit() for c in segment) or before in NAMING


def _form_url(page: str, form) -> str:
    """The URL a GET form sends with its fields as they are: checked boxes, selected options (else the first)."""
    pairs = []
    for el in form.iter():
        tag, name = _tag(el), el.get("name")
        if not name or el.get("disabled") is not None:
            continue
        if tag == "input":
            kind = (el.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and el.get("checked") is None or kind in ("submit", "button", "image",
                                                                                     "reset", "file"):
                continue
            pairs.append((name, el.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "select":
            options = list(el.iter(XHTML + "option"))
            chosen = [o for o in options if o.get("selected") is not None] or options[:1]
            pairs += [(name, o.get("value", "".join(o.itertext()).strip())) for o in chosen]
        elif tag == "textarea":
            pairs.append((name, "".join(el.itertext())))
    action = urljoin(page, form.get("action") or page)
    return urldefrag(action.split("?", 1)[0] + "?" + urlencode(pairs))[0]


def _tag(el) -> str:
    return el.tag.removeprefix(XHTML) if isinstance(el.tag, str) else ""


def links_of(page: str, tree) -> list[Link]:
    found = []
    for el in tree.iter():
        tag = _tag(el)
        if tag == "form" and (el.get("method") or "get").lower() == "get":
            found.append(Link(page, _form_url(page, el), "form"))
        elif tag in SOURCES and el.get(SOURCES[tag]):
            url = urldefrag(urljoin(page, el.get(SOURCES[tag]).strip()))[0]
            found.append(Link(page, url, tag, el.get("rel") or "", el.get("type") or ""))
    return found


def _read_page(visit: Visit) -> list[Link]:
    """Parse an HTML page strictly (noting the first error), then leniently to read its links whatever the error."""
    text = visit.body.decode("utf-8", errors="replace")
    try:
        tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(text)
    except html5lib.html5parser.ParseError as error:
        visit.parse_error = str(error)
        tree = html5lib.parse(text)
    visit.lang = tree.get("lang")
    visit.ids = Counter(el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id"))
    visit.fragments = _fragments(visit.url, tree)
    return links_of(visit.url, tree)


def _fragments(page: str, tree) -> list[tuple[str, str]]:
    """The element ids the page's links point to: (the page they are on, the id). A text fragment (`:~:text=`) and a
    passage's offsets (`#char=`) are no id."""
    found = []
    for a in tree.iter(XHTML + "a"):
        url, fragment = urldefrag(urljoin(page, (a.get("href") or "").strip()))
        fragment = unquote(fragment).split(":~:", 1)[0]
        if fragment and not fragment.startswith("char="):
            found.append((url, fragment))
    return found


def crawl(base: str, per_shape: int = 3, budget: int = 2000, starts: tuple[str, ...] = ("/",)) -> Crawl:
    """Crawl the site at `base` from its home page (or the paths `starts`, as a reader typing them); at most
    `per_shape` URLs of a shape and `budget` requests."""
    host, started = urlsplit(base).netloc, time.monotonic()
    queue, seen, shapes = deque(Link("(typed)", base.rstrip("/") + path, "a") for path in starts), set(), {}
    visits, elsewhere = [], []
    with httpx.Client(timeout=30, follow_redirects=True) as client:
        while queue and len(visits) < budget:
            link = queue.popleft()
            if urlsplit(link.url).scheme not in ("http", "https"):
                continue                    # data:, mailto:, javascript:
            if urlsplit(link.url).netloc != host:
                if link.loaded:
                    elsewhere.append(link)
                continue
            key = (link.url, link.accept)
            form = shape(link.url, "page" if link.element in ("a", "form") and not link.type else link.element,
                           link.type)
            if key in seen or shapes.get(form, 0) >= per_shape:
                continue
            seen.add(key)
            shapes[form] = shapes.get(form, 0) + 1
            answer = client.get(link.url, headers={"Accept": link.accept})
            visit = Visit(link, answer.status_code, answer.headers.get("content-type", "").split(";")[0].strip(),
                          str(answer.url), answer.content, list(answer.history))
            visits.append(visit)
            if visit.media == "text/html":
                seen.add((visit.url, link.accept))
                queue.extend(_read_page(visit))
    return Crawl(visits, elsewhere, time.monotonic() - started)
