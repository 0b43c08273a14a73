/*
 * The session planner (partials/planner.html, leadership/activities/planning.py): choose
 * activities, put them in order, set the start time; the agenda gives each one's start and
 * end, [data-plan-total] the total in minutes (its text in words).
 *
 * The choice lives in the address, ?a=slug,slug&start=09:30, read on load and kept with
 * history.replaceState: a trainer bookmarks or shares it, with no server and nothing stored.
 * Names in the address the site does not know are left out, and the page says so.
 *
 * Printing: the guides' handouts are in the page already (hidden on screen, as file:// lets
 * no script fetch another page); the chosen ones are marked and moved into the chosen order,
 * and print.css prints the agenda, then them.
 */
(function () {
  "use strict";

  var TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
  var MINUTES_IN_A_DAY = 24 * 60;

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* As leadership.activities.rendering.minutes_label and duration_label write them. */
  function minutesLabel(minutes, strings) {
    if (minutes === 1) return strings.minutes_one;
    if (minutes === 2) return strings.minutes_two;
    return fill(strings.minutes_many, { count: minutes });
  }

  function durationLabel(minutes, strings) {
    var hours = Math.floor(minutes / 60);
    var rest = minutes % 60;
    if (!hours) return minutesLabel(minutes, strings);
    var text = hours === 1 ? strings.hours_one : fill(strings.hours_many, { count: hours });
    return rest ? text + " " + minutesLabel(rest, strings) : text;
  }

  function minutesOfDay(time) {
    var match = TIME_OF_DAY.exec(time);
    return Number(match[1]) * 60 + Number(match[2]);
  }

  function timeOfDay(minutes) {
    var inDay = ((minutes % MINUTES_IN_A_DAY) + MINUTES_IN_A_DAY) % MINUTES_IN_A_DAY;
    var hours = Math.floor(inDay / 60);
    var rest = inDay % 60;
    return (hours < 10 ? "0" : "") + hours + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function setUp(root) {
    var strings = JSON.parse(document.getElementById("cl-plan-settings").textContent);
    var boxes = Array.prototype.slice.call(root.querySelectorAll("[data-plan-choose]"));
    var agenda = root.querySelector("[data-plan-agenda]");
    var itemTemplate = root.querySelector("[data-plan-item-template]");
    var total = root.querySelector("[data-plan-total]");
    var empty = root.querySelector("[data-plan-empty]");
    var ends = root.querySelector("[data-plan-ends]");
    var startInput = root.querySelector("[data-plan-start]");
    var address = root.querySelector("[data-plan-address]");
    var note = root.querySelector("[data-plan-note]");
    var announcer = root.querySelector("[data-plan-announce]");
    var heading = root.querySelector("#plan-agenda");
    // After the planner, in the page's content (partials/plan-handouts.html).
    var handouts = document.querySelector("[data-plan-handouts]");

    // Every activity the page offers, once: its title and length, from its first box.
    // No prototype: a name from the address such as "constructor" is no activity.
    var activities = Object.create(null);
    boxes.forEach(function (box) {
      if (!activities[box.value]) {
        activities[box.value] = {
          title: root.querySelector('label[for="' + box.id + '"]').textContent.trim(),
          minutes: Number(box.getAttribute("data-minutes")),
        };
      }
    });

    var order = [];
    var start = strings.default_start;

    function query() {
      return "?a=" + order.join(",") + "&start=" + start;
    }

    function totalMinutes() {
      return order.reduce(function (sum, slug) { return sum + activities[slug].minutes; }, 0);
    }

    function keepLanguageSwitchOnPlan() {
      var links = document.querySelectorAll("a[data-cl-language-switch]");
      Array.prototype.forEach.call(links, function (link) {
        link.href = link.href.replace(/[?#].*$/, "") + query();
      });
    }

    function render() {
      boxes.forEach(function (box) {
        box.checked = order.indexOf(box.value) >= 0;
      });
      agenda.textContent = "";
      var clock = minutesOfDay(start);
      order.forEach(function (slug, position) {
        var activity = activities[slug];
        var item = itemTemplate.content.firstElementChild.cloneNode(true);
        item.setAttribute("data-plan-item", slug);
        item.querySelector("[data-plan-item-time]").textContent =
          timeOfDay(clock) + "–" + timeOfDay(clock + activity.minutes);
        item.querySelector("[data-plan-item-title]").textContent = activity.title;
        item.querySelector("[data-plan-item-length]").textContent =
          "(" + minutesLabel(activity.minutes, strings) + ")";
        Array.prototype.forEach.call(item.querySelectorAll("[data-plan-item-name]"), function (name) {
          name.textContent = ": " + activity.title;
        });
        // Not disabled: a button that moved to the end keeps the keyboard's focus.
        item.querySelector('[data-plan-move="up"]')
          .setAttribute("aria-disabled", String(position === 0));
        item.querySelector('[data-plan-move="down"]')
          .setAttribute("aria-disabled", String(position === order.length - 1));
        agenda.appendChild(item);
        clock += activity.minutes;
      });
      var minutes = totalMinutes();
      total.setAttribute("data-plan-total", String(minutes));
      total.textContent = durationLabel(minutes, strings);
      empty.hidden = order.length > 0;
      ends.hidden = order.length === 0;
      ends.textContent = fill(strings.plan_ends, { time: timeOfDay(clock) });
      // The chosen handouts, marked and in the chosen order, after the others.
      Array.prototype.forEach.call(handouts.children, function (handout) {
        handout.removeAttribute("data-plan-chosen");
      });
      order.forEach(function (slug) {
        var handout = handouts.querySelector('[data-plan-handout="' + slug + '"]');
        if (handout) {
          handout.setAttribute("data-plan-chosen", "");
          handouts.appendChild(handout);
        }
      });
      address.href = query();
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", query() + window.location.hash);
      }
      keepLanguageSwitchOnPlan();
    }

    function announce(key, slug) {
      announcer.textContent = fill(strings[key], {
        title: activities[slug].title,
        total: durationLabel(totalMinutes(), strings),
        position: order.indexOf(slug) + 1,
        count: order.length,
      });
    }

    function readAddress() {
      var parameters = new URLSearchParams(window.location.search);
      var unknown = [];
      (parameters.get("a") || "").split(",").forEach(function (name) {
        var slug = name.trim();
        if (!slug || order.indexOf(slug) >= 0) return;
        if (activities[slug]) {
          order.push(slug);
        } else if (unknown.indexOf(slug) < 0) {
          unknown.push(slug);
        }
      });
      var notes = [];
      if (unknown.length) notes.push(fill(strings.plan_unknown, { names: unknown.join(", ") }));
      var asked = parameters.get("start");
      if (asked !== null && !TIME_OF_DAY.test(asked)) {
        notes.push(fill(strings.plan_bad_start, { time: strings.default_start }));
      } else if (asked !== null) {
        start = asked;
      }
      startInput.value = start;
      note.textContent = notes.join(" ");
      note.hidden = notes.length === 0;
    }

    root.addEventListener("change", function (event) {
      var target = event.target;
      if (target.hasAttribute("data-plan-choose")) {
        var slug = target.value;
        var at = order.indexOf(slug);
        if (target.checked && at < 0) order.push(slug);
        if (!target.checked && at >= 0) order.splice(at, 1);
        render();
        announce(target.checked ? "plan_added" : "plan_removed", slug);
      } else if (target.hasAttribute("data-plan-view")) {
        showView(target.value);
      }
    });

    function takeStart() {
      if (TIME_OF_DAY.test(startInput.value)) {
        start = startInput.value;
        render();
      }
    }
    startInput.addEventListener("input", takeStart);
    startInput.addEventListener("change", takeStart);

    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-plan-move]");
      if (button) {
        var slug = button.closest("[data-plan-item]").getAttribute("data-plan-item");
        var action = button.getAttribute("data-plan-move");
        var at = order.indexOf(slug);
        if (action === "remove") {
          order.splice(at, 1);
          render();
          announce("plan_removed", slug);
          var next = agenda.children[Math.min(at, order.length - 1)];
          (next ? next.querySelector('[data-plan-move="remove"]') : heading).focus();
          return;
        }
        var to = action === "up" ? at - 1 : at + 1;
        if (to < 0 || to >= order.length) return;
        order.splice(at, 1);
        order.splice(to, 0, slug);
        render();
        announce("plan_moved", slug);
        agenda.children[to].querySelector('[data-plan-move="' + action + '"]').focus();
      } else if (event.target.closest("[data-plan-print]")) {
        window.print();
      }
    });

    function showView(view) {
      Array.prototype.forEach.call(root.querySelectorAll("[data-plan-group]"), function (group) {
        group.hidden = group.getAttribute("data-plan-group") !== view;
      });
    }

    Array.prototype.forEach.call(root.querySelectorAll("[data-plan-interactive]"), function (part) {
      part.hidden = false;
    });
    heading.setAttribute("tabindex", "-1");
    root.classList.add("cl-plan--js");
    var checkedView = root.querySelector("[data-plan-view]:checked");
    showView(checkedView ? checkedView.value : "principle");
    readAddress();
    render();
  }

  function init() {
    var root = document.querySelector("[data-plan]");
    if (root && !root.hasAttribute("data-plan-ready")) {
      root.setAttribute("data-plan-ready", "");
      setUp(root);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
