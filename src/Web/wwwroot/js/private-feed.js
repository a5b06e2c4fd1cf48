// The person's own notices, live: on /gegevens a new private item (an answer, a change on their
// initiative, news around their home) appears at the top without reloading. The list has
// data-after (the last item number shown); after a reconnect the hub sends what was missed, in
// order, and an item is never shown twice. Without JavaScript the list is as it was when loaded.
(function () {
  "use strict";
  var list = document.getElementById("berichten-lijst");
  if (!list || !window.signalR || !window.hubLive) {
    return;
  }
  var last = Number(list.getAttribute("data-after")) || 0;
  var format = window.hubLive.dateFormat(list);

  function show(item) {
    if (item.sequence <= last) {
      return;
    }
    last = item.sequence;
    var empty = document.getElementById("berichten-leeg");
    if (empty) {
      empty.remove();
    }
    var parts = window.hubLive.itemElement(item, format);
    parts.entry.append(parts.link, parts.text, parts.time);
    list.prepend(parts.entry);
  }

  window.hubLive(function (connection) {
    var catchUp = window.hubLive.held(connection, "privateItem", show);
    return function () {
      return catchUp(function () {
        return connection.invoke("SubscribeToPrivate", last);
      }, function (items) {
        items.sort(function (a, b) { return a.sequence - b.sequence; }).forEach(show);
        list.setAttribute("data-live", "true");
      });
    };
  });
})();
