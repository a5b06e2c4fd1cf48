// Maps (Leaflet, served by the hub): the initiatives with a place as markers next to the same list
// in text, an initiative's own place, and a place picker for forms. The list stays the primary
// content; the map is keyboard-usable (Tab to the map, arrow keys move it, + and - zoom, Tab to
// each marker, Enter opens it) and has a text description next to it. When the background tiles
// cannot be loaded (no internet, a tile server down) the markers stay on a plain background and the
// map says so. Every setting comes from data- attributes; no inline script (the CSP allows none).
(function () {
  "use strict";
  if (!window.L) {
    return;
  }

  function number(text) {
    var value = Number(text);
    return text !== null && text !== "" && isFinite(value) ? value : null;
  }

  function rounded(value) {
    return Math.round(value * 1e6) / 1e6;
  }

  function start(element) {
    var bounds = (element.getAttribute("data-bounds") || "").split(",").map(Number);
    var map = L.map(element, {
      keyboard: true,
      zoomControl: false,
      attributionControl: true,
      maxZoom: Number(element.getAttribute("data-max-zoom")) || 19
    });
    L.control.zoom({
      zoomInTitle: element.getAttribute("data-zoom-in") || "Inzoomen",
      zoomOutTitle: element.getAttribute("data-zoom-out") || "Uitzoomen"
    }).addTo(map);
    map.attributionControl.setPrefix(false);

    var notice = element.parentElement.querySelector("[data-map-notice]");
    function noBackground() {
      element.classList.add("kaart--zonder-achtergrond");
      if (notice) {
        notice.hidden = false;
      }
    }
    var tiles = element.getAttribute("data-tiles");
    if (tiles) {
      var layer = L.tileLayer(tiles, { attribution: element.getAttribute("data-attribution") || "", maxZoom: map.getMaxZoom() });
      var loaded = false;
      layer.on("tileload", function () { loaded = true; element.classList.remove("kaart--zonder-achtergrond"); if (notice) { notice.hidden = true; } });
      layer.on("tileerror", function () { if (!loaded) { noBackground(); } });
      layer.addTo(map);
    } else {
      noBackground();
    }

    var view = L.latLngBounds([bounds[0], bounds[1]], [bounds[2], bounds[3]]);
    map.fitBounds(view);
    var markers = L.featureGroup().addTo(map);
    var shown = {};
    function addMarker(place) {
      if (shown[place.id]) {
        markers.removeLayer(shown[place.id]);
      }
      var marker = L.marker([place.lat, place.lon], {
        icon: L.divIcon({ className: "kaart-punt kaart-punt--" + (place.status || "plek"), iconSize: [24, 24], iconAnchor: [12, 12] }),
        title: place.label,
        keyboard: true,
        riseOnHover: true
      });
      if (place.link) {
        var body = document.createElement("p");
        var link = document.createElement("a");
        link.className = "utrecht-link";
        link.href = place.link;
        link.textContent = place.title || place.label;
        body.append(link);
        if (place.about) {
          body.append(document.createElement("br"), document.createTextNode(place.about));
        }
        marker.bindPopup(body);
      }
      // The icon exists once the marker is on the map: give it its name in words then.
      marker.on("add", function () {
        var icon = marker.getElement();
        if (icon) {
          icon.setAttribute("aria-label", place.label);
        }
      });
      marker.addTo(markers);
      shown[place.id] = marker;
      return marker;
    }

    JSON.parse(element.getAttribute("data-markers") || "[]").forEach(addMarker);

    // Cards that come in live (neighbourhood-feed.js) bring their place along.
    var cards = document.getElementById(element.getAttribute("data-cards") || "");
    function fromCard(card) {
      var lat = number(card.getAttribute("data-lat"));
      var lon = number(card.getAttribute("data-lon"));
      if (lat !== null && lon !== null) {
        addMarker({
          id: card.getAttribute("data-initiative"), lat: lat, lon: lon,
          label: card.getAttribute("data-map-label"), title: card.getAttribute("data-title"),
          about: card.getAttribute("data-map-about"), status: card.getAttribute("data-status"),
          link: card.getAttribute("data-link")
        });
      }
    }
    if (cards) {
      cards.querySelectorAll("[data-initiative][data-lat]").forEach(fromCard);
    }
    if (cards && window.MutationObserver) {
      new MutationObserver(function (changes) {
        changes.forEach(function (change) {
          change.removedNodes.forEach(function (node) {
            var card = node.querySelector ? node.querySelector("[data-initiative]") : null;
            var id = card ? card.getAttribute("data-initiative") : null;
            if (id && shown[id] && !cards.querySelector("[data-initiative='" + id + "']")) {
              markers.removeLayer(shown[id]);
              delete shown[id];
            }
          });
          change.addedNodes.forEach(function (node) {
            if (node.querySelectorAll) {
              node.querySelectorAll("[data-initiative][data-lat]").forEach(fromCard);
            }
          });
        });
      }).observe(cards, { childList: true });
    }

    if (markers.getLayers().length > 0) {
      map.fitBounds(markers.getBounds().pad(0.3), { maxZoom: 16 });
    }

    // A place picker: the map's centre (a cross) or a click sets the form's latitude and longitude.
    var pick = (element.getAttribute("data-pick") || "").split(",");
    var latitude = document.getElementById(pick[0] || "");
    var longitude = document.getElementById(pick[1] || "");
    if (latitude && longitude) {
      element.classList.add("kaart--kiezen");
      var chosen = null;
      function choose(lat, lon, move) {
        latitude.value = String(rounded(lat));
        longitude.value = String(rounded(lon));
        if (chosen) {
          chosen.setLatLng([lat, lon]);
        } else {
          chosen = addMarker({ id: "gekozen", lat: lat, lon: lon, label: element.getAttribute("data-chosen") || "Gekozen plek", status: "gekozen" });
        }
        if (move) {
          map.setView([lat, lon], Math.max(map.getZoom(), 16));
        }
      }
      var lat0 = number(latitude.value);
      var lon0 = number(longitude.value);
      if (lat0 !== null && lon0 !== null) {
        choose(lat0, lon0, true);
      }
      map.on("click", function (e) { choose(e.latlng.lat, e.latlng.lng, false); });
      var button = element.parentElement.querySelector("[data-map-set]");
      if (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
          var centre = map.getCenter();
          choose(centre.lat, centre.lng, false);
        });
      }
      [latitude, longitude].forEach(function (input) {
        input.addEventListener("change", function () {
          var lat = number(latitude.value);
          var lon = number(longitude.value);
          if (lat !== null && lon !== null && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
            choose(lat, lon, true);
          }
        });
      });
    }
    element.setAttribute("data-map-ready", "true");
  }

  document.querySelectorAll("[data-map]").forEach(start);
})();
