// Live news on a neighbourhood's page: new feed items appear at the top without reloading. The
// list is an aria-live="polite" region, so screen readers read each new item once. Without
// JavaScript the page still shows the news as it was when it loaded.
(function () {
  "use strict";
  var list = document.getElementById("feed");
  if (!list || !window.signalR) {
    return;
  }

  var code = list.getAttribute("data-neighbourhood");
  var last = Number(list.getAttribute("data-after")) || 0;
  var format = new Intl.DateTimeFormat(list.getAttribute("data-culture") || "nl-NL", {
    day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam"
  });

  function show(item) {
    if (item.sequence <= last) {
      return; // seen already (a catch-up after reconnecting can repeat)
    }
    last = item.sequence;
    var empty = document.getElementById("feed-empty");
    if (empty) {
      empty.remove();
    }

    var entry = document.createElement("li");
    entry.className = "feed-item";
    entry.setAttribute("data-sequence", String(item.sequence));
    var link = document.createElement("a");
    link.className = "utrecht-link";
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

  var connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/feed")
    .withAutomaticReconnect()
    .build();
  // While a catch-up is under way, items pushed meanwhile wait, so that nothing is skipped.
  var held = null;
  connection.on("feedItem", function (item) {
    if (held) {
      held.push(item);
    } else {
      show(item);
    }
  });

  function subscribe() {
    held = [];
    return connection.invoke("SubscribeToNeighbourhood", code, last).then(function (missed) {
      var waiting = held;
      held = null;
      missed.concat(waiting.sort(function (a, b) { return a.sequence - b.sequence; })).forEach(show);
      list.setAttribute("data-live", "true");
    }, function (error) {
      held = null;
      throw error;
    });
  }

  // A node that stops (a deploy) closes its connections; so does one the automatic reconnect
  // gave up on. Start again after a few seconds, spread out so that not every page comes at once,
  // and catch up from the last item seen.
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
  start().catch(function () {
    // No live updates (an old browser, a proxy without WebSockets): the page still works.
  });
})();
