/* Selecting a claim highlights every part of its passage (the link alone highlights the first part, by :target). */
(function () {
  "use strict";
  function select() {
    document.querySelectorAll(".claim.selected").forEach(function (el) { el.classList.remove("selected"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (id.indexOf("claim-") !== 0) return;
    document.querySelectorAll('.claim[data-claim="' + id + '"]').forEach(function (el) { el.classList.add("selected"); });
  }
  window.addEventListener("hashchange", select);
  select();
})();
