// Starts GraphiQL against this hub's endpoint. A file of its own: the Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  var fetcher = GraphiQL.createFetcher({ url: "/graphql", headers: { Accept: "application/graphql-response+json, application/json;q=0.9" } });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    defaultQuery: "# Haarlem Initiatives: the public API. See docs/api.md for examples.\n" +
      "{\n  neighbourhoods { code name district }\n  initiatives(first: 5) {\n    totalCount\n    items { id title status { label } neighbourhood { name } }\n  }\n}\n"
  }));

  // GraphiQL's editors (CodeMirror) type into a hidden textarea without a name: give each one,
  // by the editor it belongs to, so a screen reader says what it is. Editors appear later (the
  // variables and headers tabs), so new ones are named as they come.
  var names = [
    [".graphiql-query-editor", "GraphQL query"],
    [".graphiql-editor-tool [aria-label]", null],
    [".graphiql-response", "Result"]
  ];
  function nameEditors() {
    document.querySelectorAll("#graphiql textarea:not([aria-label])").forEach(function (area) {
      var name = null;
      names.forEach(function (pair) {
        if (!name && pair[1] && area.closest(pair[0])) {
          name = pair[1];
        }
      });
      if (!name) {
        var tool = area.closest(".graphiql-editor-tool");
        var tab = tool && tool.querySelector(".graphiql-editor-tools button[aria-selected=true]");
        name = tab ? tab.textContent.trim() + " (JSON)" : "Editor";
      }
      area.setAttribute("aria-label", name);
    });
    // An editor's scrolling area (a long query or result) can be scrolled with the keys too.
    document.querySelectorAll("#graphiql .CodeMirror-scroll:not([tabindex='0'])").forEach(function (scroll) {
      scroll.setAttribute("tabindex", "0");
    });
  }
  new MutationObserver(nameEditors).observe(document.getElementById("graphiql"), { childList: true, subtree: true });
})();
