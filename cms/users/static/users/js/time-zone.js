// Suggest the browser's own time zone on the profile form, when it differs from the
// chosen one. Without JavaScript the select works as it is.
(function () {
  "use strict";
  var select = document.getElementById("id_time_zone");
  var hint = document.querySelector("[data-time-zone-suggestion]");
  if (!select || !hint || !window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  var known = Array.prototype.some.call(select.options, function (option) {
    return option.value === zone;
  });
  if (!zone || !known || select.value === zone) {
    return;
  }
  hint.querySelector("[data-time-zone-name]").textContent = zone;
  hint.hidden = false;
  hint.querySelector("[data-time-zone-use]").addEventListener("click", function () {
    select.value = zone;
    hint.hidden = true;
    select.focus();
  });
})();
