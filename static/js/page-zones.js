/* The page image's zones and the 标题导航 list, linked both ways: hovering or focusing an
   article's zone highlights its headline in the list, and the other way round. Without this
   file the page works the same: zones and headlines are plain links. */
(function () {
  "use strict";

  function mark(id, on) {
    document.querySelectorAll('[data-article="' + id + '"]').forEach(function (element) {
      element.classList.toggle("is-linked", on);
    });
  }

  document.querySelectorAll(".zone[data-article], .headline-nav [data-article]").forEach(
    function (element) {
      var id = element.getAttribute("data-article");
      ["mouseenter", "focusin"].forEach(function (name) {
        element.addEventListener(name, function () { mark(id, true); });
      });
      ["mouseleave", "focusout"].forEach(function (name) {
        element.addEventListener(name, function () { mark(id, false); });
      });
    }
  );
})();
