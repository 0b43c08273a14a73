/*
 * My learning: private notes on reflection questions, pages marked as done, progress in the
 * navigation and on the principles overview, and on the My learning page the CPD record
 * (print, CSV), a JSON backup to move to another device, and delete-all.
 *
 * Everything stays in this browser's localStorage, under one key; nothing is sent anywhere
 * and no cookie is set. Where storage is blocked (a private window, a locked-down PC) the
 * page says so and everything still works until the page is left. From file:// (the
 * offline pack) the browser keeps a store for the pack's files, so notes stay there too.
 * Page keys and question ids are the same in both languages (leadership/learning.py).
 */
(function () {
  "use strict";

  var STORAGE_KEY = "cl-my-learning";
  var BACKUP_FORMAT = "compassionate-leadership-my-learning";
  var BACKUP_VERSION = 1;
  var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  var PAGE_KEY = /^(?:[a-z0-9][a-z0-9-]*\/)*$/;
  var NOTE_KEY = /^(?:[a-z0-9][a-z0-9-]*\/)*#[a-z0-9-]+$/;
  // A spreadsheet runs a cell that starts with one of these as a formula.
  var FORMULA_START = /^[=+\-@\t\r]/;

  var settings = null;
  var strings = {};
  var store = null;
  var memory = emptyState();

  function emptyState() {
    return { version: BACKUP_VERSION, pages: {}, notes: {} };
  }

  function isPlainObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }

  function openStore() {
    try {
      var storage = window.localStorage;
      var probe = STORAGE_KEY + "-probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  // --- the reader's data ---------------------------------------------------------------

  function validState(data) {
    if (!isPlainObject(data) || !isPlainObject(data.pages) || !isPlainObject(data.notes)) {
      return false;
    }
    var key;
    for (key in data.pages) {
      if (!PAGE_KEY.test(key) || !validPage(data.pages[key])) return false;
    }
    for (key in data.notes) {
      if (!NOTE_KEY.test(key) || typeof data.notes[key] !== "string") return false;
    }
    return true;
  }

  function validPage(entry) {
    return (
      isPlainObject(entry) &&
      typeof entry.done === "string" && ISO_DATE.test(entry.done) &&
      typeof entry.minutes === "number" && isFinite(entry.minutes) && entry.minutes >= 0 &&
      (entry.hours === null || entry.hours === undefined ||
        (typeof entry.hours === "number" && isFinite(entry.hours) && entry.hours >= 0)) &&
      (entry.contribution === null || entry.contribution === undefined ||
        typeof entry.contribution === "string") &&
      (entry.title === undefined || typeof entry.title === "string")
    );
  }

  function load() {
    if (!store) return memory;
    try {
      var data = JSON.parse(store.getItem(STORAGE_KEY) || "null");
      return validState(data) ? data : emptyState();
    } catch (error) {
      return emptyState();
    }
  }

  function save(state) {
    memory = state;
    if (!store) return;
    try {
      store.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (error) {
      store = null;
      showBlocked();
    }
  }

  // Read, change and write at once, so that another tab's changes are not overwritten.
  function update(change) {
    var state = load();
    change(state);
    save(state);
    return state;
  }

  // --- small helpers ---------------------------------------------------------------------

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function today() {
    var now = new Date();
    return (
      now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" +
      String(now.getDate()).padStart(2, "0")
    );
  }

  function timeText(minutes) {
    if (minutes === 1) return strings.learning_time_one;
    if (minutes === 2) return strings.learning_time_two;
    return format(strings.learning_time_many, { count: minutes });
  }

  function defaultHours(minutes) {
    return Math.round((minutes / 60) * 100) / 100;
  }

  function hoursOf(entry) {
    return typeof entry.hours === "number" ? entry.hours : defaultHours(entry.minutes);
  }

  function formatHours(hours) {
    return String(Math.round(hours * 100) / 100);
  }

  function element(name, attributes, text) {
    var node = document.createElement(name);
    for (var attribute in attributes || {}) node.setAttribute(attribute, attributes[attribute]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function announce(root, text) {
    var status = root.querySelector("[data-learning-status]");
    if (!status) return;
    // A change of text is what a polite live region announces: clear it first, so the
    // same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function showBlocked() {
    all("[data-learning-blocked]").forEach(function (message) { message.hidden = false; });
  }

  // The key of the page a link opens, or null for a link off the site.
  function keyForLink(href) {
    var root = new URL(settings.root, location.href).href;
    var target = new URL(href, location.href);
    var path = (target.origin === "null" ? target.href : target.origin + target.pathname)
      .split("#")[0].split("?")[0];
    if (path.indexOf(root) !== 0) return null;
    path = path.slice(root.length).replace(/^cy\//, "");
    if (/(^|\/)index\.html$/.test(path)) return path.replace(/index\.html$/, "");
    if (/\.html$/.test(path)) return path.replace(/\.html$/, "/");
    return path === "" || /\/$/.test(path) ? path : path + "/";
  }

  function doneSuffix() {
    var mark = element("span", { "class": "cl-learning-mark", "data-learning-mark": "" });
    mark.appendChild(element("span", { "aria-hidden": "true" }, " ✓ "));
    mark.appendChild(document.createTextNode(strings.learning_nav_done));
    return mark;
  }

  // Done pages are marked with a tick and the word "done", never with colour alone.
  function markLinks(links, state) {
    links.forEach(function (link) {
      var old = link.querySelector("[data-learning-mark]");
      if (old) old.remove();
      var key = keyForLink(link.getAttribute("href"));
      if (key !== null && key !== "" && state.pages[key]) link.appendChild(doneSuffix());
    });
  }

  // --- every page: navigation and the principles overview ----------------------------

  function showProgress(state) {
    // Pages in the site navigation; not the table of contents' links within this page.
    markLinks(all(".md-nav--primary a.md-nav__link[href]:not([href^='#'])"), state);
    var progress = document.querySelector("[data-learning-progress]");
    if (!progress) return;
    var keys = progress.getAttribute("data-learning-progress").split(" ");
    var done = keys.filter(function (key) { return state.pages[key]; }).length;
    progress.querySelector("[data-learning-progress-text]").textContent = format(
      strings.learning_progress, { done: done, total: keys.length }
    );
    progress.hidden = false;
    markLinks(all("article a[href]:not(.headerlink)").filter(function (link) {
      return keys.indexOf(keyForLink(link.getAttribute("href"))) >= 0;
    }), state);
  }

  // --- a learning page: notes and "mark as done" --------------------------------------

  function learningPage(section) {
    var key = section.getAttribute("data-learning-page");
    var title = section.getAttribute("data-learning-title");
    var minutesElement = document.querySelector("[data-learning-minutes]");
    var minutes = parseInt(minutesElement.getAttribute("data-learning-minutes"), 10);
    var doneOn = document.querySelector("[data-learning-done-on]");
    var checkbox = section.querySelector("[data-learning-done]");
    var notes = all("[data-learning-note]", section);
    var state = load();
    var savedTimer = null;

    function showDone(entry) {
      checkbox.checked = Boolean(entry);
      doneOn.hidden = !entry;
      doneOn.textContent = entry ? format(strings.learning_done_on, { date: entry.done }) : "";
    }

    notes.forEach(function (box) {
      var id = box.getAttribute("data-learning-note");
      box.value = state.notes[id] || "";
      box.addEventListener("input", function () {
        update(function (current) {
          if (box.value.trim()) current.notes[id] = box.value;
          else delete current.notes[id];
        });
        window.clearTimeout(savedTimer);
        if (store) {
          savedTimer = window.setTimeout(function () {
            announce(section, strings.learning_status_saved);
          }, 1500);
        }
      });
    });

    checkbox.addEventListener("change", function () {
      var current = update(function (data) {
        if (checkbox.checked) {
          var before = data.pages[key] || {};
          data.pages[key] = {
            done: today(),
            minutes: minutes,
            title: title,
            hours: typeof before.hours === "number" ? before.hours : null,
            contribution: typeof before.contribution === "string" ? before.contribution : null
          };
        } else {
          delete data.pages[key];
        }
      });
      showDone(current.pages[key]);
      showProgress(current);
      announce(section, checkbox.checked ? strings.learning_status_done
        : strings.learning_status_not_done);
    });

    showDone(state.pages[key]);
    section.hidden = false;
  }

  // --- the My learning page ------------------------------------------------------------

  function myLearning(root) {
    var catalogue = {};
    var order = [];
    (settings.catalogue || []).forEach(function (item) {
      catalogue[item.key] = item;
      order.push(item.key);
    });

    function titleOf(key, entry) {
      if (catalogue[key]) return catalogue[key].title;
      return (entry && entry.title) || key;
    }

    function notesOf(state, key) {
      var prefix = key + "#";
      var item = catalogue[key];
      var ids = Object.keys(state.notes).filter(function (id) { return id.indexOf(prefix) === 0; });
      ids.sort(function (a, b) {
        var questions = item ? Object.keys(item.questions) : [];
        return questions.indexOf(a.slice(prefix.length)) - questions.indexOf(b.slice(prefix.length));
      });
      return ids.map(function (id) {
        var question = item ? item.questions[id.slice(prefix.length)] : "";
        return { question: question || strings.my_learning_page_notes, text: state.notes[id] };
      });
    }

    function contributionOf(state, key, entry) {
      if (typeof entry.contribution === "string") return entry.contribution;
      return notesOf(state, key).map(function (note) { return note.text.trim(); }).join("\n\n");
    }

    function doneKeys(state) {
      return Object.keys(state.pages).sort(function (a, b) {
        var byDate = state.pages[a].done.localeCompare(state.pages[b].done);
        return byDate || order.indexOf(a) - order.indexOf(b);
      });
    }

    function recordRows(state) {
      return doneKeys(state).map(function (key) {
        var entry = state.pages[key];
        return {
          date: entry.done,
          title: titleOf(key, entry),
          hours: formatHours(hoursOf(entry)),
          contribution: contributionOf(state, key, entry)
        };
      });
    }

    function notesList(notes) {
      var list = element("dl", { "class": "cl-my-learning__notes" });
      notes.forEach(function (note) {
        list.appendChild(element("dt", {}, note.question));
        list.appendChild(element("dd", {}, note.text));
      });
      return list;
    }

    function link(key, entry) {
      var item = catalogue[key];
      return item ? element("a", { href: item.url }, item.title) : element("span", {}, titleOf(key, entry));
    }

    function showTotals(state) {
      var rows = recordRows(state);
      var total = rows.reduce(function (sum, row) { return sum + Number(row.hours); }, 0);
      root.querySelector("[data-learning-count]").textContent = String(rows.length);
      root.querySelector("[data-learning-total]").textContent = formatHours(total);
      var body = root.querySelector("[data-learning-record-rows]");
      body.textContent = "";
      rows.forEach(function (row) {
        var line = element("tr");
        line.appendChild(element("td", {}, row.date));
        line.appendChild(element("td", {}, row.title));
        line.appendChild(element("td", {}, row.hours));
        line.appendChild(element("td", { "class": "cl-cpd__contribution" }, row.contribution));
        body.appendChild(line);
      });
    }

    function itemFields(state, key, index) {
      var entry = state.pages[key];
      var item = element("li", { "class": "cl-my-learning__item" });
      var fields = element("fieldset");
      var legend = element("legend");
      legend.appendChild(link(key, entry));
      fields.appendChild(legend);
      var facts = element("dl", { "class": "cl-my-learning__facts" });
      facts.appendChild(element("dt", {}, strings.my_learning_done_on));
      facts.appendChild(element("dd", {}, entry.done));
      facts.appendChild(element("dt", {}, strings.my_learning_time));
      facts.appendChild(element("dd", {}, timeText(entry.minutes)));
      fields.appendChild(facts);

      var hoursId = "learning-hours-" + index;
      var hours = element("input", {
        id: hoursId, type: "number", min: "0", step: "0.01", inputmode: "decimal",
        "data-learning-hours": key
      });
      hours.value = formatHours(hoursOf(entry));
      var hoursField = element("p", { "class": "cl-my-learning__field" });
      hoursField.appendChild(element("label", { "for": hoursId }, strings.my_learning_hours));
      hoursField.appendChild(hours);
      fields.appendChild(hoursField);
      hours.addEventListener("input", function () {
        var value = hours.value.trim() === "" ? null : Number(hours.value);
        if (value !== null && (!isFinite(value) || value < 0)) return;
        showTotals(update(function (data) {
          if (data.pages[key]) data.pages[key].hours = value;
        }));
      });

      var contributionId = "learning-contribution-" + index;
      var hintId = contributionId + "-hint";
      var contribution = element("textarea", {
        id: contributionId, rows: "4", "aria-describedby": hintId,
        "data-learning-contribution": key
      });
      contribution.value = contributionOf(state, key, entry);
      var contributionField = element("p", { "class": "cl-my-learning__field" });
      contributionField.appendChild(
        element("label", { "for": contributionId }, strings.my_learning_contribution)
      );
      contributionField.appendChild(contribution);
      var hint = element("span", { id: hintId, "class": "cl-my-learning__hint" },
        typeof entry.contribution === "string" ? "" : strings.my_learning_contribution_hint);
      contributionField.appendChild(hint);
      fields.appendChild(contributionField);
      contribution.addEventListener("input", function () {
        hint.textContent = "";
        showTotals(update(function (data) {
          if (data.pages[key]) data.pages[key].contribution = contribution.value;
        }));
      });

      var notes = notesOf(state, key);
      if (notes.length) {
        fields.appendChild(element("h3", {}, strings.my_learning_your_notes));
        fields.appendChild(notesList(notes));
      }
      item.appendChild(fields);
      return item;
    }

    function render() {
      var state = load();
      var keys = doneKeys(state);
      var items = root.querySelector("[data-learning-items]");
      items.textContent = "";
      keys.forEach(function (key, index) { items.appendChild(itemFields(state, key, index)); });
      root.querySelector("[data-learning-empty]").hidden = keys.length > 0;
      items.hidden = keys.length === 0;

      var others = root.querySelector("[data-learning-other]");
      var list = root.querySelector("[data-learning-other-list]");
      list.textContent = "";
      var noted = {};
      Object.keys(state.notes).forEach(function (id) { noted[id.split("#")[0]] = true; });
      Object.keys(noted).filter(function (key) { return !state.pages[key]; })
        .sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); })
        .forEach(function (key) {
          var item = element("li");
          var heading = element("h3");
          heading.appendChild(link(key, null));
          item.appendChild(heading);
          item.appendChild(notesList(notesOf(state, key)));
          list.appendChild(item);
        });
      others.hidden = list.children.length === 0;
      showTotals(state);
      showProgress(state);
    }

    function download(name, type, text) {
      var url = URL.createObjectURL(new Blob([text], { type: type }));
      var anchor = element("a", { href: url, download: name });
      anchor.hidden = true;
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    }

    function csvField(value) {
      var text = String(value);
      if (FORMULA_START.test(text)) text = "'" + text;
      return '"' + text.replace(/"/g, '""') + '"';
    }

    function csv(state) {
      var lines = [strings.my_learning_csv_headers.split(",")];
      recordRows(state).forEach(function (row) {
        lines.push([row.date, row.title, row.hours, row.contribution]);
      });
      // A byte order mark and CRLF: how Excel knows UTF-8, and what RFC 4180 asks for.
      return "\ufeff" + lines.map(function (fields) {
        return fields.map(csvField).join(",");
      }).join("\r\n") + "\r\n";
    }

    function backup(state) {
      return JSON.stringify({
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exported: new Date().toISOString(),
        pages: state.pages,
        notes: state.notes
      }, null, 2);
    }

    // What a backup file holds, or why it cannot be used: nothing is changed on a problem.
    function readBackup(text) {
      var data;
      try {
        data = JSON.parse(text);
      } catch (error) {
        return { problem: text.indexOf(BACKUP_FORMAT) >= 0 ? "corrupt" : "not_backup" };
      }
      if (!isPlainObject(data) || data.format !== BACKUP_FORMAT) return { problem: "not_backup" };
      if (typeof data.version !== "number" || Math.floor(data.version) !== data.version ||
          data.version < 1) {
        return { problem: "corrupt" };
      }
      if (data.version > BACKUP_VERSION) return { problem: "future" };
      if (!validState(data)) return { problem: "corrupt" };
      return { pages: data.pages, notes: data.notes };
    }

    root.querySelector("[data-learning-print]").addEventListener("click", function () {
      window.print();
    });

    root.querySelector('[data-learning-export="csv"]').addEventListener("click", function () {
      download(format(strings.my_learning_csv_file, { date: today() }),
        "text/csv;charset=utf-8", csv(load()));
      announce(root, strings.my_learning_csv_done);
    });

    root.querySelector('[data-learning-export="json"]').addEventListener("click", function () {
      download(format(strings.my_learning_json_file, { date: today() }),
        "application/json", backup(load()));
      announce(root, strings.my_learning_json_done);
    });

    var picker = root.querySelector("[data-learning-import]");
    root.querySelector("[data-learning-import-button]").addEventListener("click", function () {
      picker.click();
    });
    picker.addEventListener("change", function () {
      var file = picker.files && picker.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var read = readBackup(String(reader.result));
        picker.value = "";
        if (read.problem) {
          announce(root, strings["my_learning_import_" + read.problem]);
          return;
        }
        // What the backup holds is added; a page or note in both takes the backup's version.
        update(function (state) {
          Object.keys(read.pages).forEach(function (key) { state.pages[key] = read.pages[key]; });
          Object.keys(read.notes).forEach(function (id) { state.notes[id] = read.notes[id]; });
        });
        render();
        announce(root, format(strings.my_learning_import_done, {
          pages: Object.keys(read.pages).length, notes: Object.keys(read.notes).length
        }));
      };
      reader.onerror = function () {
        picker.value = "";
        announce(root, strings.my_learning_import_corrupt);
      };
      reader.readAsText(file);
    });

    var deleteButton = root.querySelector("[data-learning-delete]");
    var confirmBox = root.querySelector("[data-learning-delete-confirm]");
    deleteButton.addEventListener("click", function () {
      confirmBox.hidden = false;
      deleteButton.setAttribute("aria-expanded", "true");
      confirmBox.querySelector("#learning-delete-question").focus();
    });
    function closeConfirm(message) {
      confirmBox.hidden = true;
      deleteButton.setAttribute("aria-expanded", "false");
      deleteButton.focus();
      announce(root, message);
    }
    root.querySelector("[data-learning-delete-yes]").addEventListener("click", function () {
      memory = emptyState();
      if (store) {
        try {
          store.removeItem(STORAGE_KEY);
        } catch (error) {
          store = null;
        }
      }
      render();
      closeConfirm(strings.my_learning_deleted);
    });
    root.querySelector("[data-learning-delete-no]").addEventListener("click", function () {
      closeConfirm(strings.my_learning_not_deleted);
    });
    deleteButton.setAttribute("aria-expanded", "false");

    render();
    root.hidden = false;
    return render;
  }

  // --- start ----------------------------------------------------------------------------

  function start() {
    var source = document.getElementById("cl-learning-settings");
    if (!source) return;
    settings = JSON.parse(source.textContent);
    strings = settings.strings;
    store = openStore();
    if (!store) showBlocked();
    var section = document.querySelector("[data-learning-page]");
    if (section) learningPage(section);
    var record = document.querySelector("[data-learning-record]");
    var refresh = record ? myLearning(record) : null;
    showProgress(load());
    // Another tab changed something: show it here too.
    window.onstorage = function (event) {
      if (event.key !== STORAGE_KEY && event.key !== null) return;
      if (refresh) refresh();
      else showProgress(load());
    };
  }

  // With Material's instant navigation a page is swapped in without a reload: start on each.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else {
    start();
  }
})();
