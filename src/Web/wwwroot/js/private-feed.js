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
  var format = new Intl.DateTimeFormat(list.getAttribute("data-culture") || "nl-NL", {
    day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam"
  });

  function show(item) {
    if (item.sequence <= last) {
      return;
    }
    last = item.sequence;
    var empty = document.getElementById("berichten-leeg");
    if (empty) {
      empty.remove();
    }
    var entry = document.createElement("li");
    entry.className = "feed-item";
    entry.setAttribute("data-sequence", String(item.sequence));
    var link = document.createElement("a");
    link.href = item.link;
    link.textContent = item.title;
    var text = document.createElement("p");
    text.textContent = item.text;
    var time = document.createElement("time");
    time.dateTime = item.occurredAt;
    time.textContent = format.format(new Date(item.occurredAt));
    entry.append(link, text, time);
    list.prepend(entry);
  }

  window.hubLive(function (connection) {
    var held = null;
    connection.on("privateItem", function (item) {
      if (held) {
        held.push(item);
      } else {
        show(item);
      }
    });

    function subscribe() {
      held = [];
      return connection.invoke("SubscribeToPrivate", last).then(function (missed) {
        var waiting = held;
        held = null;
        missed.concat(waiting).sort(function (a, b) { return a.sequence - b.sequence; }).forEach(show);
        list.setAttribute("data-live", "true");
      }, function (error) {
        held = null;
        throw error;
      });
    }

    return subscribe;
  });
})();
