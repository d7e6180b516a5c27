/* The network page: draws /network's Cytoscape.js JSON with sigma.js and graphology (ForceAtlas2 layout).
   Nodes are sized by a chosen metric and coloured by community or kind; ties are filtered by their first and
   last dates on the client, and by the intervals their undated editorial notes tell of (a note counts where the
   whole of it lies within, as the server's date filter counts it, docs/networks.md); a selected tie lists its
   passages from /network/edge, each linked to its document.
   State is exposed as window.frusNetwork for the browser tests and the console. */
(function () {
  "use strict";
  var settingsEl = document.getElementById("network-settings");
  if (!settingsEl) return;
  var settings = JSON.parse(settingsEl.textContent);
  var container = document.getElementById("network");
  var statusEl = document.getElementById("network-status");
  var details = document.getElementById("details-body");
  var detailsHeading = document.getElementById("details-heading");
  var controls = document.getElementById("view-controls");
  var filters = document.getElementById("network-filters");
  var sizeSelect = document.getElementById("v-size");
  var colourSelect = document.getElementById("v-colour");
  var findInput = document.getElementById("v-find");
  var startInput = document.getElementById("v-start");
  var endInput = document.getElementById("v-end");

  // Dark enough for 3:1 against the white stage (WCAG 1.4.11); community 0 is the largest.
  var PALETTE = ["#1f5fa8", "#c2410c", "#15803d", "#9333ea", "#b91c1c", "#0e7490", "#a16207", "#be185d",
                 "#4d7c0f", "#475569"];
  var OTHER = "#8b8f96";
  var KIND_COLOURS = {person: "#b45309", country: "#1d4ed8", organization: "#15803d", region: "#7e22ce"};
  var ENTITY_PATHS = ["people", "countries", "organizations", "regions"];
  var LAYOUT_STEP = 25;

  var state = window.frusNetwork = {
    ready: false, graph: null, renderer: null, selectedEdge: null, focus: null, months: [], range: [0, 0], inNoMonth: 0,
    showEdge: showEdge, find: find, setRange: setRange, hrefFor: hrefFor, passageHref: passageHref
  };
  var visibleNodes = null, visibleEdges = null, edgeRequest = 0;

  function say(text) { statusEl.textContent = text; }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "html") node.innerHTML = attrs[k];     // the server's escaped markup (api/passages.py)
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  function plural(n, word) { return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s"); }

  /* The page of an IRI we mint, as api/resources/links.py `href` gives it; null for another host's IRI. */
  function hrefFor(iri) {
    if (!iri || iri.indexOf(settings.base) !== 0) return null;
    var parts = iri.slice(settings.base.length).split("/");
    if (parts.length === 3 && parts[0] === "historicaldocuments") return "/documents/" + parts[1] + "/" + parts[2];
    if (parts.length === 2 && parts[0] === "historicaldocuments") return "/volumes/" + parts[1];
    if (parts.length === 2 && ENTITY_PATHS.indexOf(parts[0]) >= 0) return "/" + parts.join("/");
    return "/id/" + parts.join("/");
  }

  function documentName(iri) {
    var parts = iri.split("/");
    var doc = parts[parts.length - 1];
    return parts[parts.length - 2] + ", document " + (/^d\d+$/.test(doc) ? doc.slice(1) : doc);
  }

  /* The document page at the passage: RFC 5147 offsets in the fragment, and a text fragment (its first and last
     words) that browsers scroll to and highlight. When the words are not on the page as printed, the page opens
     at its top. */
  function passageHref(passage, text) {
    var page = hrefFor(passage.document);
    if (!page) return null;
    // A note's or a heading's number ("1. Source: …", "57. Memorandum …") is not part of the page's text, nor are
    // the asterisks of a plain-text copy's *italics* (api/passages.py shows them as italics).
    var words = (text || "").trim().replace(/^\d+\.\s+/, "")
      .replace(/(^|[\s(\[“"‘—])\*(?=[^\s*])/g, "$1").replace(/([^\s*])\*(?=$|[\s.,;:!?)\]”"’—])/g, "$1")
      .split(/\s+/).filter(Boolean);
    var term = function (ws) {
      return ws.map(function (w) { return encodeURIComponent(w).replace(/-/g, "%2D"); }).join("%20");
    };
    var fragment = "#char=" + passage.start + "," + passage.end;
    if (words.length > 8) fragment += ":~:text=" + term(words.slice(0, 4)) + "," + term(words.slice(-4));
    else if (words.length) fragment += ":~:text=" + term(words);
    return page + fragment;
  }

  /* Where the passage is printed: ", page 320" or ", pages 225, 227" (the pages of the mentions it holds, which a
     footnote's mark may put apart); nothing when the store records no page. */
  function pagesOf(passage) {
    var pages = passage.pages || [];
    if (!pages.length) return "";
    var said = (pages.length === 1 ? "page " : "pages ") + pages.join(", ");
    return el("span", {"class": "page", text: ", " + said});
  }

  function month(date) { return date ? String(date).slice(0, 7) : null; }

  /* An undated editorial note's interval, "1979-02-24/1979-03-30", as its first and last months. */
  function toldMonths(interval) {
    var days = String(interval).split("/");
    return [month(days[0]), month(days[1] || days[0])];
  }

  // -- loading and layout ------------------------------------------------------------------------------------

  function load() {
    controls.hidden = false;
    keepFormClean();
    if (!settings.dataUrl) return;
    say("Building the network…");
    fetch(settings.dataUrl, {headers: {Accept: "application/json"}}).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) throw new Error(body.detail || response.status + " " + response.statusText);
        return body;
      });
    }).then(build).catch(function (error) {
      container.dataset.state = "error";
      say("The network could not be built: " + error.message);
    });
  }

  /* The warning /network gives when the editors' person markup covers the people's years unevenly: what the
     exports carry, said on the page too (it was in no place a reader of the drawing looked). */
  function warnOfCoverage(about) {
    var el = document.getElementById("network-coverage");
    el.textContent = about && about.coverage_warning ? "Read the counts with care: " + about.coverage_warning + "." : "";
    el.hidden = !el.textContent;
  }

  function build(data) {
    warnOfCoverage(data.data);
    var g = new graphology.Graph({type: data.directed ? "directed" : "undirected"});
    var nodes = data.elements.nodes.map(function (n) { return n.data; });
    // Start on a circle, communities side by side, so the layout is the same at every visit.
    nodes.sort(function (a, b) { return (a.community || 0) - (b.community || 0) || String(a.label).localeCompare(b.label); });
    nodes.forEach(function (d, i) {
      var angle = 2 * Math.PI * i / Math.max(nodes.length, 1);
      g.addNode(d.id, Object.assign({}, d, {label: d.label || d.id, x: 100 * Math.cos(angle), y: 100 * Math.sin(angle)}));
    });
    var heaviest = 1;
    data.elements.edges.forEach(function (e) {
      var d = e.data;
      if (!g.hasNode(d.source) || !g.hasNode(d.target) || g.hasEdge(d.source, d.target)) return;
      g.addEdgeWithKey(d.id, d.source, d.target, Object.assign({}, d, {
        start: month(d.first), end: month(d.last), told: (d.note_intervals || []).map(toldMonths), weight: +d.weight || 1}));
      heaviest = Math.max(heaviest, +d.weight || 1);
    });
    g.forEachEdge(function (key, a) {
      g.setEdgeAttribute(key, "size", 0.6 + 3.4 * Math.sqrt(a.weight / heaviest));
    });
    state.graph = g;
    if (!g.order) {
      container.dataset.state = "ready";
      container.dataset.nodes = "0";
      state.ready = true;
      say("No ties match these filters.");
      return;
    }
    var fa2 = window.graphologyLayoutForceAtlas2;
    // Strong gravity keeps the components of a sparse network (letters, pairs) near one another.
    var layout = Object.assign(fa2.inferSettings(g), {edgeWeightInfluence: 0.5, strongGravityMode: true, gravity: 1});
    var total = g.order > 2000 ? 75 : g.order > 500 ? 150 : 250, done = 0;
    (function step() {
      if (done < total) {
        fa2.assign(g, {iterations: LAYOUT_STEP, settings: layout, getEdgeWeight: "weight"});
        done += LAYOUT_STEP;
        say("Laying out " + plural(g.order, "node") + "… " + Math.min(100, Math.round(100 * done / total)) + "%");
        setTimeout(step, 0);
        return;
      }
      draw(g);
    })();
  }

  // -- drawing ---------------------------------------------------------------------------------------------

  function draw(g) {
    prepareTime(g);
    applySize();
    applyColour();
    computeVisibility();
    var options = {
      settings: {enableEdgeEvents: true, itemSizesReference: "screen", labelRenderedSizeThreshold: 7,
                 edgePickingPadding: 6, stagePadding: 40, autoRescaleContent: "labels"},   // labels stay inside
      nodeReducer: reduceNode,
      edgeReducer: reduceEdge
    };
    var arrows = g.type === "directed" && arrowPrimitives();
    if (arrows) options.primitives = arrows;
    var renderer = state.renderer = new Sigma(g, container, options);
    renderer.on("clickNode", function (e) {
      var href = hrefFor(g.getNodeAttribute(e.node, "iri"));
      if (href) window.location.assign(href);
    });
    renderer.on("clickEdge", function (e) { showEdge(e.edge); });
    renderer.on("clickStage", function () { if (state.selectedEdge) { state.selectedEdge = null; renderer.refresh(); } });
    var names = document.getElementById("node-names");
    g.mapNodes(function (key, a) { return a.label; }).sort().forEach(function (label) {
      names.appendChild(el("option", {value: label}));
    });
    listTies();
    describe();
    container.dataset.state = "ready";
    container.dataset.nodes = String(g.order);
    container.dataset.edges = String(g.size);
    state.ready = true;
  }

  /* Arrow heads for directed networks, when this sigma build offers the extremity primitive. */
  function arrowPrimitives() {
    var p = Sigma.primitives, r = Sigma.rendering;
    if (!p || !r || typeof r.extremityArrow !== "function" || !p.DEFAULT_PRIMITIVES) return null;
    var base = p.DEFAULT_PRIMITIVES;
    return Object.assign({}, base, {edges: Object.assign({}, base.edges, {
      extremities: [r.extremityArrow()], defaultHead: "arrow"})});
  }

  function reduceNode(key, data, attrs) {
    if (visibleNodes && !visibleNodes.has(key)) return {visibility: "hidden"};
    var out = {cursor: hrefFor(attrs.iri) ? "pointer" : "default"};
    var g = state.graph, focus = state.focus, edge = state.selectedEdge;
    if (focus) {
      if (key === focus) { out.highlighted = true; out.labelVisibility = "visible"; }
      else if (!g.areNeighbors(key, focus)) { out.color = "#d4d6da"; out.labelVisibility = "hidden"; }
      else out.labelVisibility = "visible";
    }
    if (edge && g.hasExtremity(edge, key)) { out.highlighted = true; out.labelVisibility = "visible"; }
    return out;
  }

  function reduceEdge(key, data, attrs) {
    if (visibleEdges && !visibleEdges.has(key)) return {visibility: "hidden"};
    if (key === state.selectedEdge) return {color: "#b35c00", size: data.size + 2.5, zIndex: 2, cursor: "pointer"};
    if (state.focus && !state.graph.hasExtremity(key, state.focus)) return {color: "#eceef0", cursor: "pointer"};
    return {color: "#b8bec7", cursor: "pointer"};
  }

  function applySize() {
    var g = state.graph, metric = sizeSelect.value, lo = Infinity, hi = -Infinity;
    g.forEachNode(function (key, a) { var v = +a[metric] || 0; lo = Math.min(lo, v); hi = Math.max(hi, v); });
    // Radii in pixels: 4 to 16 for a small network, smaller as it grows, so a dense one stays readable.
    var largest = Math.max(6, Math.min(16, 16 * Math.sqrt(150 / g.order))), smallest = Math.max(2.5, largest / 4);
    g.updateEachNodeAttributes(function (key, a) {
      var v = +a[metric] || 0;
      a.size = hi > lo ? smallest + (largest - smallest) * Math.sqrt((v - lo) / (hi - lo)) : (smallest + largest) / 2;
      return a;
    });
  }

  function applyColour() {
    var g = state.graph, by = colourSelect.value, counts = {};
    g.forEachNode(function (key, a) { var k = String(by === "kind" ? a.kind : a.community); counts[k] = (counts[k] || 0) + 1; });
    var order = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (+a - +b) || a.localeCompare(b); });
    var colours = {};
    order.forEach(function (k, i) {
      colours[k] = by === "kind" ? (KIND_COLOURS[k] || OTHER) : (i < PALETTE.length ? PALETTE[i] : OTHER);
    });
    g.updateEachNodeAttributes(function (key, a) {
      a.color = colours[String(by === "kind" ? a.kind : a.community)];
      return a;
    });
    var legend = document.getElementById("network-legend");
    legend.textContent = "";
    order.slice(0, PALETTE.length).forEach(function (k) {
      var name = by === "kind" ? k : "community " + k;
      legend.appendChild(el("li", {}, [el("span", {"class": "swatch", style: "background:" + colours[k]}),
                                       name + " (" + plural(counts[k], "node") + ")"]));
    });
    if (order.length > PALETTE.length) {
      var rest = order.slice(PALETTE.length).reduce(function (n, k) { return n + counts[k]; }, 0);
      legend.appendChild(el("li", {}, [el("span", {"class": "swatch", style: "background:" + OTHER}),
                                       (order.length - PALETTE.length) + " smaller communities (" + plural(rest, "node") + ")"]));
    }
  }

  // -- time ------------------------------------------------------------------------------------------------

  function prepareTime(g) {
    var seen = {};
    g.forEachEdge(function (key, a) {
      if (a.start) seen[a.start] = 1;
      if (a.end) seen[a.end] = 1;
      a.told.forEach(function (t) { seen[t[0]] = seen[t[1]] = 1; });
    });
    var known = Object.keys(seen).sort();
    var months = [];
    if (known.length) {
      var y = +known[0].slice(0, 4), m = +known[0].slice(5, 7);
      var last = known[known.length - 1];
      for (;;) {
        var key = y + "-" + (m < 10 ? "0" : "") + m;
        months.push(key);
        if (key >= last || months.length > 2400) break;
        m += 1; if (m > 12) { m = 1; y += 1; }
      }
    }
    state.months = months;
    state.range = [0, Math.max(months.length - 1, 0)];
    var time = document.getElementById("v-time");
    time.hidden = months.length < 2;
    [startInput, endInput].forEach(function (input) { input.max = String(Math.max(months.length - 1, 0)); });
    startInput.value = "0";
    endInput.value = String(Math.max(months.length - 1, 0));
    showRange();
  }

  function showRange() {
    var from = state.months[state.range[0]] || "", to = state.months[state.range[1]] || "";
    document.getElementById("v-start-out").textContent = from;
    document.getElementById("v-end-out").textContent = to;
    startInput.setAttribute("aria-valuetext", from);
    endInput.setAttribute("aria-valuetext", to);
  }

  /* Keep ties whose first-to-last span meets the months [from, to] (indexes into state.months). */
  function setRange(from, to) {
    var max = Math.max(state.months.length - 1, 0);
    from = Math.max(0, Math.min(max, from | 0));
    to = Math.max(from, Math.min(max, to | 0));
    state.range = [from, to];
    startInput.value = String(from);
    endInput.value = String(to);
    showRange();
    computeVisibility();
    if (state.renderer) state.renderer.refresh();
    listTies();
    describe();
  }

  function computeVisibility() {
    var g = state.graph, whole = state.range[0] === 0 && state.range[1] >= state.months.length - 1;
    if (whole) { visibleNodes = visibleEdges = null; return; }
    var from = state.months[state.range[0]], to = state.months[state.range[1]];
    visibleEdges = new Set();
    visibleNodes = new Set();
    state.inNoMonth = 0;
    // A tie is active where its dated documents' span meets the months, or where the whole interval one of its undated
    // editorial notes tells of lies within them; a tie of undated documents only is in no month: it is left out.
    g.forEachEdge(function (key, a, source, target) {
      var dated = a.start && a.start <= to && (a.end || a.start) >= from;
      var told = a.told.some(function (t) { return t[0] >= from && t[1] <= to; });
      if (dated || told) {
        visibleEdges.add(key); visibleNodes.add(source); visibleNodes.add(target);
      } else if (!a.start && !a.told.length) {
        state.inNoMonth += 1;
      }
    });
    g.forEachNode(function (key, a) {
      if (!g.degree(key) && a.first && month(a.first) <= to && month(a.last || a.first) >= from) visibleNodes.add(key);
    });
  }

  function describe() {
    var g = state.graph;
    var n = visibleNodes ? visibleNodes.size : g.order, m = visibleEdges ? visibleEdges.size : g.size;
    var text = plural(n, "node") + " and " + plural(m, "tie");
    if (visibleEdges) text += " active from " + state.months[state.range[0]] + " until " + state.months[state.range[1]];
    if (visibleEdges && state.inNoMonth) {
      text += " (" + plural(state.inNoMonth, "tie") + " seen only in undated documents, in no month, left out)";
    }
    say(text + ". Select a tie to read its passages.");
    container.setAttribute("aria-label", "Drawing of the network: " + text + " (listed as text below)");
  }

  // -- the ties as text, and the passages of one ----------------------------------------------------------

  function tieName(key) {
    var g = state.graph;
    return g.getNodeAttribute(g.source(key), "label") + (g.type === "directed" ? " → " : " – ") +
      g.getNodeAttribute(g.target(key), "label");
  }

  function span(a) {
    if (!a.first) return "";
    return a.first === a.last || !a.last ? a.first : a.first + " to " + a.last;
  }

  /* When a tie was seen: its dated documents' first and last dates, and the intervals its undated editorial notes
     tell of; "undated" when its documents have neither. */
  function when(a) {
    var intervals = (a.note_intervals || []).map(function (t) { return t.replace("/", " to "); });
    var told = intervals.length ? (intervals.length === 1 ? "an undated editorial note telling of " :
                                   "undated editorial notes telling of ") + intervals.join(", ") : "";
    if (a.first) return span(a) + (told ? ", and " + told : "");
    return told || "undated";
  }

  function listTies() {
    var g = state.graph, keys = [];
    g.forEachEdge(function (key) { if (!visibleEdges || visibleEdges.has(key)) keys.push(key); });
    keys.sort(function (a, b) { return g.getEdgeAttribute(b, "weight") - g.getEdgeAttribute(a, "weight"); });
    var list = document.getElementById("ties");
    list.textContent = "";
    keys.slice(0, 50).forEach(function (key) {
      var a = g.getEdgeAttributes(key);
      var button = el("button", {type: "button", "class": "link", "data-edge": key, text: tieName(key)});
      button.addEventListener("click", function () { showEdge(key, true); });
      list.appendChild(el("li", {}, [button, el("span", {"class": "count",
        text: plural(a.documents, "document") + ", " + when(a)})]));
    });
    document.getElementById("ties-note").textContent = keys.length > 50 ?
      "The 50 heaviest of " + plural(keys.length, "tie") + "." : plural(keys.length, "tie") + ", heaviest first.";
    document.getElementById("ties-section").hidden = false;
  }

  function showEdge(key, moveFocus) {
    var g = state.graph;
    if (!g || !g.hasEdge(key)) return;
    var a = g.getEdgeAttributes(key), ticket = ++edgeRequest;
    state.selectedEdge = key;
    if (state.renderer) state.renderer.refresh();
    details.textContent = "";
    details.appendChild(el("h3", {text: tieName(key)}));
    var summary = el("p", {"class": "tie-when", text: plural(a.documents, "document") + ", " +
      plural(a.passages, "passage") + ", " + when(a) + "."});
    details.appendChild(summary);
    var loading = el("p", {"class": "muted", text: "Reading the passages…"});
    details.appendChild(loading);
    details.dataset.state = "loading";
    if (moveFocus) detailsHeading.focus();
    var url = settings.edgeUrl + "&source=" + encodeURIComponent(a.source) + "&target=" + encodeURIComponent(a.target);
    fetch(url, {headers: {Accept: "application/json"}}).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body.detail || response.statusText);
        return body;
      });
    }).then(function (body) {
      if (ticket !== edgeRequest) return;
      loading.remove();
      var list = el("ol", {"class": "passages"});
      body.evidence.forEach(function (p) {
        var href = passageHref(p, p.text);
        var name = documentName(p.document);
        list.appendChild(el("li", {}, [href ? el("a", {href: href, text: name}) : name, pagesOf(p),
                                       el("blockquote", p.html != null ? {"class": "passage", html: p.html} :
                                                        {"class": "passage", text: p.text})]));
      });
      details.appendChild(list);
      if (body.passages > body.evidence.length) {
        details.appendChild(el("p", {"class": "muted", text: "The first " + body.evidence.length + " of " +
          plural(body.passages, "passage") + "."}));
      }
      details.dataset.state = "ready";
      say(tieName(key) + ": " + plural(body.evidence.length, "passage") + " listed beside the drawing.");
    }).catch(function (error) {
      if (ticket !== edgeRequest) return;
      loading.textContent = "The passages could not be read: " + error.message;
      details.dataset.state = "error";
    });
  }

  // -- search ---------------------------------------------------------------------------------------------

  /* Focus the node whose label is `name` (else the first that contains it); returns its key or null. */
  function find(name) {
    var g = state.graph, wanted = String(name || "").trim().toLowerCase(), exact = null, partial = null;
    if (!g) return null;
    if (!wanted) { state.focus = null; state.renderer.refresh(); describe(); return null; }
    g.forEachNode(function (key, a) {
      var label = String(a.label).toLowerCase();
      if (label === wanted && !exact) exact = key;
      else if (label.indexOf(wanted) >= 0 && !partial) partial = key;
    });
    var found = exact || partial;
    state.focus = found;
    state.renderer.refresh();
    if (!found) { say("No node is named “" + name + "”."); return null; }
    var a = g.getNodeAttributes(found);
    var shown = state.renderer.getNodeDisplayData(found);
    if (shown) state.renderer.getCamera().animate({x: shown.x, y: shown.y, ratio: 0.5}, {duration: 400});
    say(a.label + ": " + plural(g.degree(found), "tie") + ", " + plural(a.documents || 0, "document") +
        (a.first ? ", " + span(a) : "") + ". Its page and its ties are listed beside the drawing.");
    showNode(found);
    return found;
  }

  /* A found node beside the drawing: a link to its page and its heaviest ties, for keyboards and screen readers. */
  function showNode(key) {
    var g = state.graph, a = g.getNodeAttributes(key), href = hrefFor(a.iri);
    edgeRequest += 1;   // passages still on their way must not replace this
    details.textContent = "";
    details.appendChild(el("h3", {}, [href ? el("a", {href: href, text: a.label}) : a.label]));
    details.appendChild(el("p", {text: [a.kind, plural(a.documents || 0, "document"), span(a)].filter(Boolean).join(", ") + "."}));
    var ties = g.edges(key).filter(function (k) { return !visibleEdges || visibleEdges.has(k); });
    ties.sort(function (x, y) { return g.getEdgeAttribute(y, "weight") - g.getEdgeAttribute(x, "weight"); });
    var list = el("ol", {"class": "node-ties"});
    ties.slice(0, 20).forEach(function (k) {
      var button = el("button", {type: "button", "class": "link", "data-edge": k, text: tieName(k)});
      button.addEventListener("click", function () { showEdge(k, true); });
      list.appendChild(el("li", {}, [button, el("span", {"class": "count", text: plural(g.getEdgeAttribute(k, "documents"), "document")})]));
    });
    details.appendChild(el("p", {text: ties.length > 20 ? "Its 20 heaviest of " + plural(ties.length, "tie") + ":" :
                                       plural(ties.length, "tie") + ":"}));
    details.appendChild(list);
    details.dataset.state = "node";
  }

  // -- controls -------------------------------------------------------------------------------------------

  /* The chosen size and colour stay in the address and in the filter form, so a link or a reload keeps them. */
  function remember(name, value) {
    var hidden = filters.querySelector('input[type="hidden"][name="' + name + '"]');
    if (hidden) hidden.value = value;
    var url = new URL(window.location.href);
    url.searchParams.set(name, value);
    window.history.replaceState(null, "", url.toString());
  }

  /* Empty fields are no filter: leave them out of the address. */
  function keepFormClean() {
    filters.addEventListener("submit", function () {
      filters.querySelectorAll("input, select").forEach(function (field) {
        if (field.name && !field.value) field.disabled = true;
      });
    });
    window.addEventListener("pageshow", function () {
      filters.querySelectorAll("[disabled]").forEach(function (field) { field.disabled = false; });
    });
  }

  sizeSelect.addEventListener("change", function () {
    remember("size", sizeSelect.value);
    if (state.ready && state.graph.order) { applySize(); state.renderer.refresh(); }
  });
  colourSelect.addEventListener("change", function () {
    remember("colour", colourSelect.value);
    if (state.ready && state.graph.order) { applyColour(); state.renderer.refresh(); }
  });
  controls.addEventListener("submit", function (e) {
    e.preventDefault();
    if (state.ready && state.graph.order) find(findInput.value);
  });
  /* A dragged slider fires many events; redraw once per frame with the latest range. */
  var pendingRange = null;
  function queueRange(from, to) {
    var scheduled = pendingRange !== null;
    pendingRange = [from, to];
    if (!scheduled) window.requestAnimationFrame(function () {
      var range = pendingRange;
      pendingRange = null;
      setRange(range[0], range[1]);
    });
  }
  startInput.addEventListener("input", function () {
    var from = +startInput.value;
    queueRange(from, Math.max(from, +endInput.value));
  });
  endInput.addEventListener("input", function () {
    var to = +endInput.value;
    queueRange(Math.min(to, +startInput.value), to);
  });

  load();
})();
