// Autosave for a self-assessment section: each answer, justification and note is saved as it
// changes and photos upload at once. Without this script the form's buttons save everything, so
// the script only adds: on a failure the typed values stay in the form and are sent again.
// Photos are made as small as what the server keeps before they leave the phone (a 3 MB photo
// would take a minute on 3G), and upload with a progress bar and a Cancel button.
(function () {
  "use strict";
  const form = document.getElementById("assessment-form");
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;

  const text = form.dataset;
  const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const TYPING_DELAY = 800;
  // The long side and JPEG quality of the photos the server keeps, from the page.
  const PHOTO_MAX_SIDE = parseInt(text.photoMaxSide, 10) || 0;
  const PHOTO_QUALITY = parseFloat(text.photoQuality) || 0.8;
  const uploads = new Map(); // card -> the upload in progress: {xhr, sent, cancelled, input}
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
    image.src = photo.thumbnail_url || photo.url;
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

  // The photo decoded, upright: createImageBitmap, or an <img> of a data: URL (the page's CSP
  // allows no blob: image) where it is missing or refuses the file.
  async function decoded(file) {
    if (window.createImageBitmap) {
      try {
        const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
        return { source: bitmap, width: bitmap.width, height: bitmap.height,
                 close: function () { bitmap.close(); } };
      } catch (error) { /* try the <img> below */ }
    }
    const url = await new Promise(function (resolve, reject) {
      const reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = reject;
      reader.readAsDataURL(file);
    });
    const image = new Image();
    await new Promise(function (resolve, reject) {
      image.onload = resolve;
      image.onerror = reject;
      image.src = url;
    });
    return { source: image, width: image.naturalWidth, height: image.naturalHeight,
             close: function () {} };
  }

  // The photo as a JPEG no larger than the server keeps it, or the file itself when the browser
  // cannot decode it (HEIC outside Safari: the server converts it) or the file is smaller.
  async function smaller(file) {
    if (!PHOTO_MAX_SIDE || !window.HTMLCanvasElement) return file;
    let image = null;
    try {
      image = await decoded(file);
    } catch (error) {
      return file;
    }
    try {
      const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(image.width, image.height));
      const canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.round(image.width * scale));
      canvas.height = Math.max(1, Math.round(image.height * scale));
      const context = canvas.getContext("2d");
      context.fillStyle = "#fff"; // transparent parts on white, as the server does
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.imageSmoothingEnabled = true;
      context.imageSmoothingQuality = "high";
      context.drawImage(image.source, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise(function (resolve) {
        canvas.toBlob(resolve, "image/jpeg", PHOTO_QUALITY);
      });
      if (!blob || blob.size >= file.size) return file;
      blob.name = (file.name || "photo").replace(/\.[^.]*$/, "") + ".jpg";
      return blob;
    } catch (error) {
      return file;
    } finally {
      image.close();
    }
  }

  function progressBox(card) {
    let box = card.querySelector("[data-upload]");
    if (box) return box;
    box = document.createElement("div");
    box.className = "upload-progress";
    box.setAttribute("data-upload", "");
    box.hidden = true;
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.setAttribute("aria-label", text.uploading);
    const label = document.createElement("span");
    label.className = "upload-progress__text";
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "button button--small button--secondary upload-progress__cancel";
    cancel.textContent = text.cancel;
    cancel.addEventListener("click", function () { cancelUpload(card); });
    box.appendChild(bar);
    box.appendChild(label);
    box.appendChild(cancel);
    const evidence = card.querySelector(".point__evidence") || card;
    evidence.appendChild(box);
    return box;
  }

  // percent null: still preparing the photo (an indeterminate bar).
  function showUpload(card, percent) {
    const box = progressBox(card);
    const bar = box.querySelector("progress");
    const label = box.querySelector(".upload-progress__text");
    if (percent === null) {
      bar.removeAttribute("value");
      label.textContent = "";
    } else {
      bar.value = percent;
      label.textContent = percent + "%";
    }
    box.hidden = false;
  }

  function hideUpload(card) {
    const box = card.querySelector("[data-upload]");
    if (box) box.hidden = true;
  }

  function cancelUpload(card) {
    const current = uploads.get(card);
    if (!current) return;
    current.cancelled = true;
    if (current.xhr) current.xhr.abort();
  }

  // XMLHttpRequest rather than fetch: only it reports how much of the body has been sent.
  function post(url, body, current, onProgress) {
    return new Promise(function (resolve) {
      const xhr = new XMLHttpRequest();
      current.xhr = xhr;
      xhr.open("POST", url);
      xhr.setRequestHeader("X-CSRFToken", token);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = function (event) {
        if (event.lengthComputable && event.total) onProgress(event.loaded / event.total);
      };
      xhr.upload.onload = function () { current.sent = true; };
      xhr.onload = function () {
        let data = null;
        try { data = JSON.parse(xhr.responseText); } catch (error) { data = null; }
        resolve({ status: xhr.status, data: data });
      };
      xhr.onerror = function () { resolve({ status: 0, data: null }); };
      xhr.ontimeout = xhr.onerror;
      xhr.onabort = function () { resolve({ status: 0, data: null, aborted: true }); };
      xhr.send(body);
    });
  }

  async function upload(card, input) {
    if (uploads.has(card)) return;
    const files = Array.prototype.slice.call(input.files || []);
    const current = { xhr: null, sent: false, cancelled: false, input: input };
    uploads.set(card, current);
    // Not picked again meanwhile; given back to the form if it is submitted meanwhile.
    input.disabled = true;
    let outcome = "done";
    for (const file of files) {
      current.xhr = null;
      current.sent = false;
      setStatus(card, text.preparing, "saving");
      showUpload(card, null);
      const photo = await smaller(file);
      if (current.cancelled) { outcome = "cancelled"; break; }
      const body = new FormData();
      body.append("photo", photo, photo.name || file.name);
      setStatus(card, text.uploading, "saving");
      showUpload(card, 0);
      const answer = await post(card.dataset.photoUrl, body, current, function (ratio) {
        showUpload(card, Math.min(100, Math.round(ratio * 100)));
      });
      const data = answer.data;
      if (answer.aborted || current.cancelled) { outcome = "cancelled"; break; }
      if (answer.status >= 200 && answer.status < 300 && data && data.ok) {
        card.querySelector("[data-thumbs]").appendChild(thumbnail(card, data.photo));
        setStatus(card, text.uploaded, "saved");
      } else if (data && data.error && answer.status < 500) {
        outcome = "refused";
        setStatus(card, data.error, "error");
        break;
      } else {
        outcome = "failed";
        setStatus(card, text.failed, "failed");
        break;
      }
    }
    uploads.delete(card);
    hideUpload(card);
    input.disabled = false;
    if (outcome === "cancelled") setStatus(card, text.cancelled, "cancelled");
    // Left in the input after a failure: "Save and continue" sends it with the form. Refused or
    // cancelled, it must not be sent again.
    if (outcome !== "failed") input.value = "";
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
    // A photo still on its way goes with the form instead; one fully sent is already added.
    uploads.forEach(function (current) {
      current.input.disabled = false;
      if (current.sent) {
        current.input.value = "";
        return;
      }
      current.cancelled = true;
      if (current.xhr) {
        current.xhr.onabort = null;
        current.xhr.abort();
      }
    });
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
