// The guided start keeps what was typed in the form itself. The language link in the header is a
// plain link (it works without JavaScript, but then the answers on the page are not sent); with
// JavaScript it sends the form instead, with go=taal-{code}, and the same step comes back in the
// other language with every answer.
(function () {
  "use strict";
  var form = document.getElementById("starten");
  var link = document.querySelector("a[href^='/taal?']");
  if (!form || !link) {
    return;
  }
  link.addEventListener("click", function (event) {
    var code = new URL(link.href, window.location.href).searchParams.get("naar");
    if (code !== "en" && code !== "nl") {
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
})();
