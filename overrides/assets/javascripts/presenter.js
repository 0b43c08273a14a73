/*
 * The presenter view of an activity (leadership/activities/presenting.py): one step at a
 * time, a countdown for the step and the session's elapsed time, by keyboard and buttons.
 *
 * Times come from the clock (Date.now), never from counting ticks: a tab in the background
 * runs its intervals late or not at all, and its timers must still be right when it comes
 * back. The live region speaks only at one minute left and at time up, once each per step.
 * Without JavaScript the page shows every step, then the rest of the guide.
 *
 * The panel (timers and controls) stays at the top of the window, under the site's header,
 * with the activity's title in it; the current step's title stays just below it
 * (--cl-present-offset: where the panel ends), whatever the scroll or the step.
 */
(function () {
  "use strict";

  var ONE_MINUTE = 60 * 1000;
  var STEP_HASH = /^#step-(\d+)$/;

  /* A countdown shows the seconds begun (ceil), elapsed time the seconds done (floor). */
  function clock(milliseconds, countdown) {
    var whole = countdown ? Math.ceil(milliseconds / 1000) : Math.floor(milliseconds / 1000);
    var seconds = Math.max(0, whole);
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = seconds % 60;
    var tail = (rest < 10 ? "0" : "") + rest;
    if (hours) {
      return hours + ":" + (minutes < 10 ? "0" : "") + minutes + ":" + tail;
    }
    return minutes + ":" + tail;
  }

  /* A stopwatch that can be paused: its time is the clock's, summed over the runs. */
  function Stopwatch() {
    this.before = 0;
    this.since = null;
  }
  Stopwatch.prototype.elapsed = function (now) {
    return this.before + (this.since === null ? 0 : now - this.since);
  };
  Stopwatch.prototype.start = function (now) {
    if (this.since === null) this.since = now;
  };
  Stopwatch.prototype.pause = function (now) {
    if (this.since !== null) {
      this.before += now - this.since;
      this.since = null;
    }
  };

  function setUp(root) {
    var steps = Array.prototype.slice.call(document.querySelectorAll("[data-present-step]"));
    if (!steps.length) return;
    var settings = JSON.parse(document.getElementById("cl-present-settings").textContent);
    var announcer = root.querySelector("[data-present-announce]");
    var stepTimer = root.querySelector('[data-present-timer="step"]');
    var elapsedTimer = root.querySelector('[data-present-timer="elapsed"]');
    var sound = root.querySelector("[data-present-sound]");
    var rest = root.querySelector("[data-present-rest]");
    var session = new Stopwatch();
    var stepWatches = steps.map(function () { return new Stopwatch(); });
    var announced = steps.map(function () { return {}; });
    var running = false;
    var current = 0;

    function stepLength(index) {
      return Number(steps[index].getAttribute("data-minutes")) * ONE_MINUTE;
    }

    function beep() {
      if (!sound || !sound.checked) return;
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      var context = new Context();
      var tone = context.createOscillator();
      var volume = context.createGain();
      volume.gain.value = 0.15;
      tone.frequency.value = 660;
      tone.connect(volume);
      volume.connect(context.destination);
      tone.start();
      tone.stop(context.currentTime + 0.4);
    }

    function announce(key, index) {
      if (announced[index][key]) return;
      announced[index][key] = true;
      announcer.textContent = settings[key].replace("{number}", String(index + 1));
      beep();
    }

    function render() {
      var now = Date.now();
      var left = stepLength(current) - stepWatches[current].elapsed(now);
      stepTimer.textContent = clock(left, true);
      elapsedTimer.textContent = clock(session.elapsed(now), false);
      var step = steps[current];
      if (left <= 0) {
        announce("time_up", current);
      } else if (left <= ONE_MINUTE) {
        announce("one_minute_left", current);
      }
      root.classList.toggle("cl-present--one-minute", left > 0 && left <= ONE_MINUTE);
      root.classList.toggle("cl-present--time-up", left <= 0);
      root.classList.toggle("cl-present--running", running);
      step.setAttribute("data-present-left", String(Math.max(0, Math.ceil(left / 1000))));
    }

    var panel = root.querySelector("[data-present-panel]");
    var title = document.querySelector(".md-content h1");

    /* Where the panel ends, for the steps' scroll margin and their titles' sticky place. */
    function measurePanel() {
      var offset = (parseFloat(window.getComputedStyle(panel).top) || 0) + panel.offsetHeight;
      root.style.setProperty("--cl-present-offset", offset + "px");
      return offset;
    }

    /* A step whose title would be under the panel (or past the window) is scrolled to just
       below the panel. */
    function bringIntoView(step) {
      var offset = measurePanel();
      var top = step.getBoundingClientRect().top;
      if (top < offset - 1 || top > window.innerHeight / 2) {
        step.scrollIntoView({ block: "start" });
      }
    }

    function keepLanguageSwitchOnStep() {
      var links = document.querySelectorAll("a[data-cl-language-switch]");
      Array.prototype.forEach.call(links, function (link) {
        link.href = link.href.replace(/#.*$/, "") + "#step-" + (current + 1);
      });
    }

    function show(index) {
      var now = Date.now();
      index = Math.max(0, Math.min(steps.length - 1, index));
      if (running) stepWatches[current].pause(now);
      current = index;
      if (running) stepWatches[current].start(now);
      steps.forEach(function (step, position) {
        step.hidden = position !== current;
      });
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", "#step-" + (current + 1));
      }
      keepLanguageSwitchOnStep();
      render();
      bringIntoView(steps[current]);
    }

    function start() {
      var now = Date.now();
      running = true;
      session.start(now);
      stepWatches[current].start(now);
      render();
    }

    function pause() {
      var now = Date.now();
      running = false;
      session.pause(now);
      stepWatches[current].pause(now);
      render();
    }

    function reset() {
      running = false;
      session = new Stopwatch();
      stepWatches = steps.map(function () { return new Stopwatch(); });
      announced = steps.map(function () { return {}; });
      announcer.textContent = "";
      render();
    }

    var actions = {
      previous: function () { show(current - 1); },
      next: function () { show(current + 1); },
      start: start,
      pause: pause,
      reset: reset,
    };

    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-present-action]");
      if (button) actions[button.getAttribute("data-present-action")]();
    });

    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var target = event.target;
      // A box that takes text keeps every key; a control (the sound checkbox included, so a
      // clicker's PageDown still works after it is ticked) keeps only its own Space.
      var typing = target.closest && target.closest(
        "textarea, select, [contenteditable], input:not([type=checkbox]):not([type=radio])"
      );
      var onControl = target.closest && target.closest("button, a, summary, input");
      if (typing) return;
      var handled = true;
      switch (event.key) {
        case "ArrowRight":
        case "PageDown":
          show(current + 1);
          break;
        case "ArrowLeft":
        case "PageUp":
          show(current - 1);
          break;
        case "Home":
          show(0);
          break;
        case "End":
          show(steps.length - 1);
          break;
        case " ":
        case "Spacebar":
          if (onControl) return; // the control's own action
          if (running) pause(); else start();
          break;
        default:
          handled = false;
      }
      if (handled) event.preventDefault();
    });

    window.addEventListener("hashchange", function () {
      var match = STEP_HASH.exec(window.location.hash);
      if (match) show(Number(match[1]) - 1);
    });
    // Back in the foreground: show the clock's time at once, not at the next tick.
    document.addEventListener("visibilitychange", render);


    if (rest) rest.hidden = true;
    // The activity's title goes into the panel, so that it is always in view.
    if (title) {
      title.classList.add("cl-present__title");
      panel.insertBefore(title, panel.firstChild);
    }
    root.classList.add("cl-present--js");
    window.addEventListener("resize", measurePanel);
    document.body.classList.add("cl-presenting");
    var first = STEP_HASH.exec(window.location.hash);
    show(first ? Number(first[1]) - 1 : 0);
    window.setInterval(render, 250);
  }

  function init() {
    var root = document.querySelector("[data-present]");
    if (root && !root.hasAttribute("data-present-ready")) {
      root.setAttribute("data-present-ready", "");
      setUp(root);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
