// Progressive enhancement: rewrite <time data-local-time> into the visitor's own time
// zone. Without this script the server's text (programme zone and UTC) stays.
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var language = document.documentElement.lang || undefined;
  var zone;
  var format;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    format = new Intl.DateTimeFormat(language, {
      weekday: "short",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
  } catch (error) {
    return;
  }
  if (!zone) {
    return;
  }

  // The zone as readers say it in the page's language ("hora de Perú"), not its
  // id ("America/Lima"); the id only where the browser cannot name it.
  function zoneName() {
    try {
      var parts = new Intl.DateTimeFormat(language, {
        timeZone: zone,
        timeZoneName: "longGeneric",
      }).formatToParts(new Date());
      for (var i = 0; i < parts.length; i += 1) {
        if (parts[i].type === "timeZoneName") {
          return parts[i].value;
        }
      }
    } catch (error) {
      // An older browser without "longGeneric": fall through to the id.
    }
    return zone;
  }

  function localise() {
    document.querySelectorAll("time[data-local-time]").forEach(function (element) {
      var when = new Date(element.getAttribute("datetime"));
      if (isNaN(when.getTime())) {
        return;
      }
      element.setAttribute("title", element.textContent.trim());
      element.textContent = format.format(when);
    });
    document.querySelectorAll("[data-local-time-note]").forEach(function (note) {
      var text = note.getAttribute("data-text");
      if (text) {
        note.textContent = text.replace("{zone}", zoneName());
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", localise);
  } else {
    localise();
  }
})();
