// Live news: new feed items appear at the top without reloading. On a neighbourhood's page the
// list (#feed) has data-neighbourhood and data-after (the last item number shown); on the home
// page it has data-city, every neighbourhood's last item number ({"code": number}), data-names
// (the neighbourhoods' names) and data-keep (how many items it shows). data-cards names the list
// of initiative cards that follows the news. The list is an
// aria-live="polite" region, so screen readers read each new item once. Without JavaScript the
// page still shows the news as it was when it loaded.
(function () {
  "use strict";
  var list = document.getElementById("feed");
  if (!list || !window.signalR || !window.hubLive) {
    return;
  }

  // The last item number seen per neighbourhood: one on a neighbourhood's page, all on the home page.
  var last = {};
  var city = list.hasAttribute("data-city");
  if (city) {
    last = JSON.parse(list.getAttribute("data-city") || "{}");
  } else {
    last[list.getAttribute("data-neighbourhood")] = Number(list.getAttribute("data-after")) || 0;
  }
  var names = JSON.parse(list.getAttribute("data-names") || "{}");
  var keep = Number(list.getAttribute("data-keep")) || 0;
  var format = window.hubLive.dateFormat(list);

  function show(item) {
    var code = item.neighbourhoodCode;
    if (!(code in last) || item.sequence <= last[code]) {
      return; // seen already (a catch-up after reconnecting can repeat), or not watched here
    }
    last[code] = item.sequence;
    var empty = document.getElementById("feed-empty");
    if (empty) {
      empty.remove();
    }

    var parts = window.hubLive.itemElement(item, format, "utrecht-link");
    var entry = parts.entry;
    entry.setAttribute("data-neighbourhood", code);
    if (city) {
      var where = document.createElement("p");
      where.className = "feed-item__where";
      where.append(document.createTextNode((names[code] || code) + " · "), parts.time);
      entry.append(parts.link, parts.text, where);
    } else {
      entry.append(parts.link, parts.text, parts.time);
    }
    list.prepend(entry);
    while (keep > 0 && list.children.length > keep) {
      list.lastElementChild.remove();
    }
    refreshCard(item);
  }

  // The cards next to the news: a new initiative's card comes in at the top, a shown one is
  // replaced by its new state. The card is the server's own rendering (/initiatieven/{id}/kaart).
  var cards = document.getElementById(list.getAttribute("data-cards") || "");
  function refreshCard(item) {
    if (!cards) {
      return;
    }
    var shown = cards.querySelector("[data-initiative='" + item.initiativeId + "']");
    if (!shown && item.kind !== "INITIATIVE_SUBMITTED") {
      return;
    }
    fetch("/initiatieven/" + item.initiativeId + "/kaart", { headers: { Accept: "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }
        var holder = document.createElement("li");
        holder.innerHTML = html.trim();
        var current = cards.querySelector("[data-initiative='" + item.initiativeId + "']");
        if (current) {
          current.parentElement.replaceWith(holder);
          return;
        }
        cards.prepend(holder);
        // "None yet" and "the 6 newest of N" were true when the page loaded; no longer.
        cards.parentElement.querySelectorAll("#nieuwste-leeg, #buurt-leeg, #nieuwste-aantal, #buurt-aantal").forEach(function (stale) {
          stale.remove();
        });
        var most = Number(cards.getAttribute("data-keep")) || 0;
        while (most > 0 && cards.children.length > most) {
          cards.lastElementChild.remove();
        }
      })
      .catch(function () {
        // The news item is there; the card follows on the next visit.
      });
  }

  window.hubLive(function (connection) {
    var catchUp = window.hubLive.held(connection, "feedItem", show);
    return function () {
      var codes = Object.keys(last);
      return catchUp(function () {
        return Promise.all(codes.map(function (code) {
          return connection.invoke("SubscribeToNeighbourhood", code, last[code]);
        })).then(function (missed) {
          return missed.reduce(function (all, items) { return all.concat(items); }, []);
        });
      }, function (items) {
        // Per neighbourhood in number order (that is what keeps it gapless); across them, oldest first.
        var queues = {};
        items.forEach(function (item) {
          (queues[item.neighbourhoodCode] = queues[item.neighbourhoodCode] || []).push(item);
        });
        Object.keys(queues).forEach(function (code) {
          queues[code].sort(function (a, b) { return a.sequence - b.sequence; });
        });
        for (;;) {
          var next = null;
          Object.keys(queues).forEach(function (code) {
            var head = queues[code][0];
            if (head && (!next || new Date(head.occurredAt) < new Date(queues[next][0].occurredAt))) {
              next = code;
            }
          });
          if (!next) {
            break;
          }
          show(queues[next].shift());
        }
        list.setAttribute("data-live", "true");
      });
    };
  });
})();
