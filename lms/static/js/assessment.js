// Autosave for a self-assessment section: each answer, justification and note is saved as it
// changes and photos upload at once. Without this script the form's buttons save everything, so
// the script only adds: on a failure the typed values stay in the form and are sent again.
(function () {
  "use strict";
  const form = document.getElementById("assessment-form");
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;

  const text = form.dataset;
  const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const TYPING_DELAY = 800;
  const states = new Map();
  let submitting = false;

  function stateOf(card) {
    if (!states.has(card)) {
      states.set(card, { pending: {}, sending: null, timer: null, inflight: false, failed: false });
    }
    return states.get(card);
  }

  function fieldOf(input) {
    const match = /^p\d+-(value|justification|note|photo)$/.exec(input.name || "");
    return match ? match[1] : null;
  }

  function setStatus(card, message, kind) {
    const box = card.querySelector("[data-status]");
    if (!box) return;
    box.textContent = message || "";
    box.dataset.kind = kind || "";
    if (kind === "failed") {
      const retry = document.createElement("button");
      retry.type = "button";
      retry.className = "link-button point__retry";
      retry.textContent = text.retry;
      retry.addEventListener("click", function () { send(card); });
      box.textContent = text.failed + " ";
      box.appendChild(retry);
    }
  }

  function chosenValue(card) {
    const checked = card.querySelector("input[type=radio]:checked");
    return checked ? checked.value : "";
  }

  function neededFor(card, value) {
    if (!value) return false;
    return (card.dataset.justifyValues || "").split(" ").indexOf(value) !== -1;
  }

  // Hide the justification when the rule does not ask for one, unless something is written in it.
  function showJustification(card, needed) {
    const box = card.querySelector("[data-justification]");
    if (!box) return;
    const empty = box.querySelector("textarea").value.trim() === "";
    box.hidden = !needed && empty;
    const missing = box.querySelector("[data-justification-missing]");
    if (missing) missing.hidden = !(needed && empty);
  }

  function showProgress(section) {
    const bar = document.querySelector("[data-progress-bar]");
    const progress = document.querySelector("[data-progress]");
    const label = document.querySelector("[data-progress-label]");
    if (!bar || !progress || !label) return;
    bar.style.width = section.percent + "%";
    progress.setAttribute("aria-valuenow", section.percent);
    label.textContent = label.dataset.template
      .replace("{answered}", section.answered).replace("{applicable}", section.applicable);
  }

  // What the page now shows is saved: the no-script fallback must not send it again as a change.
  function markSaved(card, data) {
    const prefix = "p" + card.id.slice(1) + "-";
    const was = function (name) { return form.querySelector("input[name='" + prefix + name + "-was']"); };
    if (was("value") && data.value !== undefined) was("value").value = data.value;
    Object.keys(data.fingerprints || {}).forEach(function (name) {
      if (was(name)) was(name).value = data.fingerprints[name];
    });
  }

  function queue(card, name, value, delay) {
    const state = stateOf(card);
    state.pending[name] = value;
    clearTimeout(state.timer);
    state.timer = setTimeout(function () { send(card); }, delay);
  }

  async function send(card) {
    const state = stateOf(card);
    clearTimeout(state.timer);
    state.timer = null;
    if (submitting) return;
    if (state.inflight) { state.again = true; return; }
    const fields = state.pending;
    if (!Object.keys(fields).length) return;
    state.pending = {};
    state.inflight = true;
    state.sending = fields;
    setStatus(card, text.saving, "saving");
    let response = null;
    let data = null;
    try {
      response = await fetch(card.dataset.answerUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": token, Accept: "application/json" },
        body: new URLSearchParams(fields),
      });
      data = await response.json();
    } catch (error) {
      data = null; // offline, or an answer that is not ours (a proxy's error page)
    }
    state.inflight = false;
    state.sending = null;
    if (response && response.ok && data && data.ok) {
      state.failed = false;
      markSaved(card, data);
      setStatus(card, text.saved, "saved");
      showJustification(card, data.justification_needed);
      card.classList.toggle("point--unanswered", !data.value);
      if (data.section) showProgress(data.section);
    } else if (data && data.error && response.status < 500) {
      // Refused (a value not allowed, submitted meanwhile, read-only): say why, do not retry.
      setStatus(card, data.error, "error");
    } else {
      // Keep what was not saved; newer typing wins over it. Retried on the next change or online.
      state.pending = Object.assign(fields, state.pending);
      state.failed = true;
      setStatus(card, text.failed, "failed");
      return;
    }
    if (state.again || Object.keys(state.pending).length) {
      state.again = false;
      send(card);
    }
  }

  function sendAllPending() {
    states.forEach(function (state, card) {
      if (Object.keys(state.pending).length) send(card);
    });
  }

  // Leaving the page: what is still waiting (or was being sent, since leaving may cancel that
  // request) goes out with sendBeacon, which outlives the page.
  function flush() {
    if (submitting || !navigator.sendBeacon) return;
    states.forEach(function (state, card) {
      const fields = Object.assign({}, state.inflight ? state.sending : null, state.pending);
      if (!Object.keys(fields).length) return;
      const body = new FormData();
      body.append("csrfmiddlewaretoken", token);
      Object.keys(fields).forEach(function (name) { body.append(name, fields[name]); });
      if (navigator.sendBeacon(card.dataset.answerUrl, body)) {
        clearTimeout(state.timer);
        state.pending = {};
      }
    });
  }

  function thumbnail(card, photo) {
    const item = document.createElement("li");
    item.className = "thumb";
    item.setAttribute("data-photo", "");
    const link = document.createElement("a");
    link.href = photo.url;
    link.target = "_blank";
    link.rel = "noopener";
    const image = document.createElement("img");
    image.src = photo.url;
    image.width = 88;
    image.height = 88;
    image.alt = text.photoAlt.replace("{code}", card.querySelector(".point__code").textContent);
    link.appendChild(image);
    const remove = document.createElement("button");
    remove.type = "submit";
    remove.className = "thumb__delete";
    remove.name = "delete_photo";
    remove.value = photo.id;
    remove.formNoValidate = true;
    remove.dataset.deleteUrl = photo.delete_url;
    remove.textContent = text.remove;
    item.appendChild(link);
    item.appendChild(remove);
    return item;
  }

  async function upload(card, input) {
    const files = Array.prototype.slice.call(input.files || []);
    for (const file of files) {
      const body = new FormData();
      body.append("photo", file);
      setStatus(card, text.uploading, "saving");
      let response = null;
      let data = null;
      try {
        response = await fetch(card.dataset.photoUrl, {
          method: "POST",
          credentials: "same-origin",
          headers: { "X-CSRFToken": token, Accept: "application/json" },
          body: body,
        });
        data = await response.json();
      } catch (error) {
        data = null;
      }
      if (response && response.ok && data && data.ok) {
        card.querySelector("[data-thumbs]").appendChild(thumbnail(card, data.photo));
        setStatus(card, text.uploaded, "saved");
      } else if (data && data.error && response.status < 500) {
        input.value = ""; // refused: sending it again with the form would be refused again
        setStatus(card, data.error, "error");
        return;
      } else {
        // Left in the input: "Save and continue" sends it with the form.
        setStatus(card, text.failed, "failed");
        return;
      }
    }
    input.value = "";
  }

  async function removePhoto(card, button) {
    if (text.removeConfirm && !window.confirm(text.removeConfirm)) return;
    let response = null;
    let data = null;
    try {
      response = await fetch(button.dataset.deleteUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": token, Accept: "application/json" },
      });
      data = await response.json();
    } catch (error) {
      data = null;
    }
    if (response && response.ok && data && data.ok) {
      const item = button.closest("[data-photo]");
      if (item) item.remove();
      setStatus(card, text.removed, "saved");
    } else if (data && data.error) {
      setStatus(card, data.error, "error");
    } else {
      setStatus(card, text.failed, "error");
    }
  }

  form.addEventListener("change", function (event) {
    const input = event.target;
    const card = input.closest("[data-point]");
    const name = fieldOf(input);
    if (!card || !name) return;
    if (name === "value") {
      showJustification(card, neededFor(card, input.value));
      queue(card, "value", input.value, 0);
    } else if (name === "photo") {
      upload(card, input);
    }
  });

  form.addEventListener("input", function (event) {
    const input = event.target;
    const card = input.closest("[data-point]");
    const name = fieldOf(input);
    if (!card || (name !== "justification" && name !== "note")) return;
    if (name === "justification") showJustification(card, neededFor(card, chosenValue(card)));
    queue(card, name, input.value, TYPING_DELAY);
  });

  form.addEventListener("click", function (event) {
    const button = event.target.closest("[data-delete-url]");
    if (!button) return;
    event.preventDefault();
    removePhoto(button.closest("[data-point]"), button);
  });

  form.addEventListener("submit", function () {
    // The form carries every field: pending autosaves would only repeat it.
    submitting = true;
    states.forEach(function (state) { clearTimeout(state.timer); state.pending = {}; });
  });

  window.addEventListener("online", sendAllPending);
  window.addEventListener("pagehide", flush);
  window.addEventListener("beforeunload", flush);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flush();
  });

  form.querySelectorAll("[data-point]").forEach(function (card) {
    showJustification(card, neededFor(card, chosenValue(card)));
  });
})();
