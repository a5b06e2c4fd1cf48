// The guided start keeps what was typed in the form itself. The language links in the header are
// plain links (they work without JavaScript, but then the answers on the page are not sent); with
// JavaScript a language link sends the form instead, with go=taal-{code}, and the same step comes
// back in that language with every answer.
(function () {
  "use strict";
  var form = document.getElementById("starten");
  var links = document.querySelectorAll("a[href^='/taal?']");
  if (!form || links.length === 0) {
    return;
  }
  links.forEach(function (link) {
    link.addEventListener("click", function (event) {
      var code = new URL(link.href, window.location.href).searchParams.get("naar");
      if (!/^(nl|en|ar|tr|pl|uk)$/.test(code || "")) {
        return;
      }
      event.preventDefault();
      var go = document.createElement("input");
      go.type = "hidden";
      go.name = "go";
      go.value = "taal-" + code;
      form.append(go);
      form.submit();
    });
  });
})();
