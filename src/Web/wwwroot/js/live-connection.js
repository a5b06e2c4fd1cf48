// One SignalR connection to the hub's live feed (/hubs/feed) that stays up: the page's script
// registers its messages and says how to subscribe; this starts the connection, subscribes again
// after an automatic reconnect, and when a node stops (a deploy) or the reconnect gives up, starts
// again after a few seconds, spread out so that not every page comes back at once. The page's own
// subscribe catches up from the last item it showed. Without a connection the page still works.
(function () {
  "use strict";
  window.hubLive = function (setUp) {
    if (!window.signalR) {
      return;
    }
    var connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/feed")
      .withAutomaticReconnect()
      .build();
    var subscribe = setUp(connection);
    var attempts = 0;
    function start() {
      return connection.start().then(function () {
        attempts = 0;
        return subscribe();
      });
    }
    function startLater() {
      attempts = Math.min(attempts + 1, 6);
      window.setTimeout(function () {
        start().catch(startLater);
      }, (1000 + Math.random() * 4000) * attempts);
    }
    connection.onreconnected(subscribe);
    connection.onclose(startLater);
    start().catch(function (error) {
      // No live updates (an old browser, a proxy without WebSockets): the page still works.
      if (window.console) {
        console.warn("Live updates are not available: " + error);
      }
    });
  };

  // Items pushed as `message` go to show(item); while a catch-up is under way they wait, so that
  // nothing is skipped. Returns catchUp(fetchMissed, replay): fetchMissed() gives a promise of the
  // missed items, replay(items) shows them together with those that waited, in the page's order.
  window.hubLive.held = function (connection, message, show) {
    var held = null;
    connection.on(message, function (item) {
      if (held) {
        held.push(item);
      } else {
        show(item);
      }
    });
    return function (fetchMissed, replay) {
      held = [];
      return fetchMissed().then(function (missed) {
        var waiting = held;
        held = null;
        replay(missed.concat(waiting));
      }, function (error) {
        held = null;
        throw error;
      });
    };
  };

  // The list's date format (data-culture), in Haarlem's time.
  window.hubLive.dateFormat = function (list) {
    return new Intl.DateTimeFormat(list.getAttribute("data-culture") || "nl-NL", {
      day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam"
    });
  };

  // One item as the server renders it: <li class="feed-item"> with its link, text and time.
  window.hubLive.itemElement = function (item, format, linkClass) {
    var entry = document.createElement("li");
    entry.className = "feed-item";
    entry.setAttribute("data-sequence", String(item.sequence));
    var link = document.createElement("a");
    if (linkClass) {
      link.className = linkClass;
    }
    link.href = item.link;
    link.textContent = item.title;
    var text = document.createElement("p");
    text.textContent = item.text;
    var time = document.createElement("time");
    time.dateTime = item.occurredAt;
    time.textContent = format.format(new Date(item.occurredAt));
    return { entry: entry, link: link, text: text, time: time };
  };
})();
