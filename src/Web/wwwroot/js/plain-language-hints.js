// As-you-type plain-language hints: under each text field marked data-plain-language, the hub's
// checker (GraphQL checkPlainLanguage) says, after a short pause in typing, what could be
// plainer. The hints are announced politely to screen readers. Without JavaScript the server
// still checks every text when the form is sent.
(function () {
  "use strict";
  var query = "query($text: String!) { checkPlainLanguage(text: $text) { plain hints { message } } }";

  function attach(field) {
    var hints = document.createElement("div");
    hints.id = field.id + "-plain";
    hints.className = "plain-hints";
    hints.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", hints);
    field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + hints.id).trim());

    var timer = null;
    var asked = 0;
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(check, 600);
    });

    function check() {
      var text = field.value.trim();
      var mine = ++asked;
      if (text.length < 10) {
        hints.textContent = "";
        return;
      }
      fetch("/graphql", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/graphql-response+json" },
        body: JSON.stringify({ query: query, variables: { text: text.slice(0, 4000) } })
      })
        .then(function (response) { return response.json(); })
        .then(function (result) {
          if (mine !== asked || !result.data) {
            return; // a newer check is under way, or the check failed: say nothing
          }
          show(result.data.checkPlainLanguage);
        })
        .catch(function () { /* no hints: the server checks on sending */ });
    }

    function show(report) {
      hints.textContent = "";
      var title = document.createElement("p");
      title.className = "plain-hints__title";
      title.textContent = report.plain ? field.getAttribute("data-plain-ok") : field.getAttribute("data-plain-title");
      hints.append(title);
      if (!report.plain) {
        var list = document.createElement("ul");
        report.hints.forEach(function (hint) {
          var item = document.createElement("li");
          item.textContent = hint.message;
          list.append(item);
        });
        hints.append(list);
      }
    }
  }

  document.querySelectorAll("[data-plain-language]").forEach(attach);
})();
