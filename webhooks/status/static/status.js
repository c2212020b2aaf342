/* helpdesk-escalator status pages: live countdowns in business time, the viewer's time zone, and the refresh.
 *
 * Each countdown carries the time left to its due time when the page was rendered (data-remaining, seconds) and
 * its calendar (data-calendar). The page carries the server's time (body data-now) and, for each business
 * calendar, its open periods from then on (#escalator-periods). Every second the open time passed since the
 * render is taken off, so a business-hours countdown stands still while the calendar is closed. Time passes on
 * the page by the browser's monotonic clock from the server's time, so a wrong clock on the viewer's machine
 * does not skew the countdowns.
 */
(function () {
  "use strict";
  var body = document.body;
  var serverNow = Number(body.dataset.now || Date.now());
  var loaded = performance.now();

  function now() { return serverNow + (performance.now() - loaded); }

  // The viewer's time zone: the server writes every time in the zone this cookie names.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && body.dataset.tz && zone !== body.dataset.tz) {
      var secure = location.protocol === "https:" ? "; Secure" : "";
      document.cookie = "escalator_tz=" + encodeURIComponent(zone) + "; path=" + (body.dataset.prefix || "/") +
        "; max-age=31536000; SameSite=Lax" + secure;
      if (sessionStorage.getItem("escalator_tz_asked") !== zone) {
        sessionStorage.setItem("escalator_tz_asked", zone);
        location.reload();
        return;
      }
    }
  } catch (ignored) { /* no Intl or no storage: times stay in the organization's zone */ }

  var periods = {};
  var data = document.getElementById("escalator-periods");
  if (data) {
    try { periods = JSON.parse(data.textContent || "{}"); } catch (ignored) { periods = {}; }
  }

  function openBetween(calendar, from, to) {
    if (calendar === "calendar") { return to - from; }
    var total = 0;
    var list = periods[calendar] || [];
    for (var i = 0; i < list.length; i++) {
      var start = Math.max(list[i][0], from);
      var end = Math.min(list[i][1], to);
      if (end > start) { total += end - start; }
    }
    return total;
  }

  function spell(ms) {
    var total = Math.floor(Math.abs(ms) / 1000);
    var days = Math.floor(total / 86400);
    var hours = Math.floor((total % 86400) / 3600);
    var minutes = Math.floor((total % 3600) / 60);
    var seconds = total % 60;
    function two(n) { return (n < 10 ? "0" : "") + n; }
    if (days) { return days + "d " + hours + "h"; }
    if (hours) { return hours + "h " + two(minutes) + "m"; }
    if (minutes) { return minutes + "m " + two(seconds) + "s"; }
    return seconds + "s";
  }

  var warning = Number(body.dataset.warning || 0.8);
  var breach = Number(body.dataset.breach || 1.0);

  function tick() {
    var at = now();
    var countdowns = document.querySelectorAll(".countdown");
    for (var i = 0; i < countdowns.length; i++) {
      var el = countdowns[i];
      var left = Number(el.dataset.remaining) * 1000 - openBetween(el.dataset.calendar, serverNow, at);
      el.dataset.leftMs = String(Math.round(left));
      el.textContent = left >= 0 ? spell(left) + " left" : spell(left) + " overdue";
      var target = Number(el.dataset.target) * 1000;
      var clock = el.closest(".clock");
      if (!clock || !(target > 0)) { continue; }
      var share = (target - left) / target;
      var meter = clock.querySelector("meter");
      if (meter) { meter.value = Math.min(share, Number(meter.max)); }
      var shown = clock.querySelector(".share");
      if (shown) { shown.textContent = Math.floor(share * 100) + "%"; }
      var state = share >= breach ? "breached" : (share >= warning ? "warning" : "ok");
      clock.classList.remove("ok", "warning", "breached");
      clock.classList.add(state);
      var label = clock.querySelector(".state");
      if (label) { label.textContent = state; }
    }
  }

  tick();
  window.setInterval(tick, 1000);

  var refresh = Number(body.dataset.refresh || 0);
  if (refresh > 0) {
    window.setTimeout(function reload() {
      // not while someone is filling in a form
      if (document.activeElement && document.activeElement.closest && document.activeElement.closest("form")) {
        window.setTimeout(reload, refresh * 1000);
        return;
      }
      location.reload();
    }, refresh * 1000);
  }
})();
