/* The SPARQL editor: YASGUI on this server's endpoint only, the documented examples one click away,
   and every IRI of ours in the results opening its page here. */
(function () {
  "use strict";
  var root = document.getElementById("yasgui");
  var endpoint = new URL(root.dataset.endpoint, location.href).href;
  var base = root.dataset.base;
  var examples = JSON.parse(document.getElementById("example-queries").textContent);
  var opening = examples[Number(root.dataset.defaultExample || 0)];   // one that answers on the sample store

  // "property" and "class" completion would ask lov.linkeddata.es; these two work offline.
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  var yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    copyEndpointOnNewTab: true,
    populateFromUrl: true,
    corsProxy: undefined,
    yasqe: { value: opening ? opening.query : "SELECT * WHERE { ?s ?p ?o } LIMIT 10" },
  });

  function localise(scope) {
    scope.querySelectorAll('a[href^="' + base + '"]').forEach(function (a) {
      a.setAttribute("href", "/id/" + a.getAttribute("href").slice(base.length));
      a.removeAttribute("target");
    });
  }
  // YASGUI's controls have no label a screen reader reads: its <label>s name no control.
  function label(scope) {
    var names = [[".yasqe .CodeMirror textarea", "SPARQL query"], [".controlbar input.autocomplete", "SPARQL endpoint"],
                 [".tab input", "Name of the tab"]];
    names.forEach(function (pair) {
      scope.querySelectorAll(pair[0]).forEach(function (control) { control.setAttribute("aria-label", pair[1]); });
    });
    scope.querySelectorAll(".acceptWrapper .selector").forEach(function (selector) {
      var select = selector.querySelector("select"), text = selector.querySelector(".selectorLabel");
      if (select && text) select.setAttribute("aria-label", "Result format, " + text.textContent + " queries");
    });
  }
  // YASGUI offers graph results as RDF/JSON, CSV and TSV, which the endpoint does not write (406).
  var unwritten = ["application/rdf+json", "text/csv", "text/tab-separated-values"];
  function offerWritten(scope) {
    scope.querySelectorAll(".acceptWrapper .selector:last-child option").forEach(function (option) {
      if (unwritten.indexOf(option.value) >= 0) option.remove();
    });
  }
  label(root);
  offerWritten(root);
  new MutationObserver(function () { localise(root); label(root); offerWritten(root); })
    .observe(root, { childList: true, subtree: true });

  document.querySelectorAll("a.example").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var example = examples[Number(link.dataset.example)];
      if (!example) return;
      event.preventDefault();
      var tab = yasgui.addTab(true, { name: example.title, yasqe: { value: example.query } });
      tab.show();
      root.scrollIntoView();
    });
  });
  window.frusYasgui = yasgui;
})();
