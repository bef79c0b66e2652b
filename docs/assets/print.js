// Printing: the "Afdrukken" button, the date of printing on the overviews, and full addresses for
// internal links on paper. Everything here is an extra: without it the pages print from the browser's
// menu, with the build date on the cover and the addresses of external links.
(function () {
  "use strict";

  var MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
  ];

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function stampDate() {
    var now = new Date();
    var iso = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    document.querySelectorAll("time.kb-print-date").forEach(function (time) {
      time.setAttribute("datetime", iso);
      time.textContent = now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
    });
  }

  // Relative links resolve against the public address (the canonical link), so paper printed from a
  // local preview still shows where the page lives online.
  function markInternalLinks() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : document.baseURI;
    document.querySelectorAll(".md-content .md-typeset a[href]").forEach(function (anchor) {
      var href = anchor.getAttribute("href");
      if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(href)) {
        return;
      }
      try {
        anchor.setAttribute("data-kb-href", new URL(href, base).href);
      } catch (error) {
        // An address the browser cannot resolve is left as it is.
      }
    });
  }

  function enableButtons() {
    if (typeof window.print !== "function") {
      return;
    }
    document.querySelectorAll(".kb-print-button").forEach(function (button) {
      if (button.dataset.kbReady) {
        return;
      }
      button.dataset.kbReady = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  function init() {
    stampDate();
    markInternalLinks();
    enableButtons();
  }

  window.addEventListener("beforeprint", stampDate);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    // Material's instant navigation swaps pages without a reload; it announces each new page here.
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
