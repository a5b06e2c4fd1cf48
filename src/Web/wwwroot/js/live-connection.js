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
})();
