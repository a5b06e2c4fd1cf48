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
})();
