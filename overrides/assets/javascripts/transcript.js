/*
 * Film pages: timestamps seek the player, the cue being spoken is highlighted as the
 * film plays, a link to a moment opens at that moment, and a trainer can copy a link
 * to any moment. Without JavaScript the transcript and its links still work.
 */
(function () {
  "use strict";

  var transcript = document.querySelector("[data-cl-transcript]");
  if (!transcript) return;

  var cues = Array.prototype.slice.call(transcript.querySelectorAll(".cl-cue"));
  var video = document.querySelector("[data-cl-player]");
  var tools = transcript.querySelector("[data-cl-transcript-tools]");
  var copyButton = transcript.querySelector("[data-cl-copy-link]");
  var status = transcript.querySelector("[data-cl-status]");
  var active = null;

  function cueForHash(hash) {
    if (!hash || hash.length < 2) return null;
    var cue = document.getElementById(decodeURIComponent(hash.slice(1)));
    return cue && cue.classList.contains("cl-cue") ? cue : null;
  }

  function cueAt(seconds) {
    for (var i = 0; i < cues.length; i++) {
      var start = parseFloat(cues[i].dataset.start);
      var end = parseFloat(cues[i].dataset.end);
      if (seconds >= start && seconds < end) return cues[i];
    }
    return null;
  }

  function setActive(cue) {
    if (cue === active) return;
    if (active) active.classList.remove("cl-cue--active");
    active = cue;
    if (active) active.classList.add("cl-cue--active");
  }

  function seek(cue, play) {
    if (!video || !cue) return;
    var start = parseFloat(cue.dataset.start);
    var go = function () {
      video.currentTime = start;
      if (play) {
        var playing = video.play();
        if (playing && playing.catch) playing.catch(function () {});
      }
    };
    if (video.readyState >= 1) go();
    else video.addEventListener("loadedmetadata", go, { once: true });
  }

  function linkTo(cue) {
    var url = location.href.split("#")[0];
    return cue ? url + "#" + cue.id : url;
  }

  transcript.addEventListener("click", function (event) {
    var link = event.target.closest(".cl-cue__time");
    if (!link) return;
    var cue = link.closest(".cl-cue");
    setActive(cue);
    seek(cue, true);
  });

  window.addEventListener("hashchange", function () {
    var cue = cueForHash(location.hash);
    if (cue) {
      setActive(cue);
      seek(cue, false);
    }
  });

  if (video) {
    // Only a class changes as the film plays: nothing is announced, so a screen reader
    // user is not interrupted every few seconds.
    video.addEventListener("timeupdate", function () {
      var cue = cueAt(video.currentTime);
      if (cue) setActive(cue);
    });
  }

  if (tools && copyButton && navigator.clipboard) {
    tools.hidden = false;
    copyButton.addEventListener("click", function () {
      var url = linkTo(active);
      navigator.clipboard.writeText(url).then(
        function () {
          status.textContent = copyButton.dataset.clCopied;
          copyButton.dataset.clLastCopied = url;
        },
        function () {
          status.textContent = url;
        }
      );
    });
  }

  var opened = cueForHash(location.hash);
  if (opened) {
    setActive(opened);
    opened.scrollIntoView({ block: "center" });
    seek(opened, false);
  }
})();
