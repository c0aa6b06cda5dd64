// The engine's page: an editing session over POST /v1/documents:edit (the JSON route of
// Documents.Edit). Each keystroke sends only the changed range against the last version the
// server answered; the server re-analyses what the edit touched and the page redraws its marks.
"use strict";

const palette = ["#0a84ff", "#ff375f", "#30d158", "#ff9f0a", "#bf5af2", "#64d2ff", "#ac8e68", "#ff453a", "#5e5ce6", "#32ade6", "#ffd60a", "#66d4cf"];
const editor = document.getElementById("editor");
const view = document.getElementById("view");
const status = document.getElementById("status");
const session = { id: "page-" + Math.random().toString(36).slice(2), version: 0, text: "", busy: false, typedAt: 0 };

async function edit(request) {
  const response = await fetch("/v1/documents:edit", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.message || response.statusText);
  }
  return body;
}

function say(message, error) {
  status.textContent = message;
  status.className = error ? "error" : "";
}

async function open(text) {
  if (session.version > 0) {
    await edit({ close: { documentId: session.id } }).catch(() => {});
  }
  session.version = 0;
  session.text = text;
  const update = await edit({ open: { documentId: session.id, text } });
  session.version = Number(update.version);
  render(update);
}

// Sends what changed since the version the server holds: the one range between the common
// prefix and the common suffix of the old and new texts.
async function sync() {
  if (session.busy) {
    return;
  }
  const text = editor.value;
  if (text === session.text && session.version > 0) {
    return;
  }
  session.busy = true;
  try {
    if (session.version === 0 || text.trim() === "") {
      if (text.trim() === "") {
        clear();
        session.text = text;
      } else {
        await open(text);
      }
    } else {
      const old = session.text;
      let start = 0;
      while (start < old.length && start < text.length && old[start] === text[start]) start++;
      let end = 0;
      while (end < old.length - start && end < text.length - start && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
      const change = { start, end: old.length - end, newText: text.slice(start, text.length - end) };
      const update = await edit({ change: { documentId: session.id, baseVersion: String(session.version), edits: [change] } });
      session.text = text;
      session.version = Number(update.version);
      render(update);
    }
    say(session.version > 0 ? `version ${session.version}` : "", false);
  } catch (error) {
    say(error.message, true);
    session.version = 0; // start over with a fresh document on the next keystroke
  } finally {
    session.busy = false;
  }
  if (editor.value !== session.text) {
    sync();
  }
}

function clear() {
  for (const id of ["view", "legend", "keyphrases", "summary", "diagnostics"]) {
    document.getElementById(id).replaceChildren();
  }
}

function render(update) {
  const result = update.result || {};
  const text = session.text;
  const quotes = result.quotes || [];
  const sentences = result.sentences || [];
  const diagnostics = result.diagnostics || [];

  // Speakers by their canonical name, coloured in order of first appearance.
  const speakers = new Map();
  for (const q of quotes) {
    const name = q.speakerCanonical || q.speaker || "؟";
    if (!speakers.has(name)) speakers.set(name, { color: palette[speakers.size % palette.length], count: 0 });
    speakers.get(name).count++;
  }

  const marks = [];
  sentences.forEach((s, i) => marks.push({ start: s.start, end: s.end, kind: "summary", index: i }));
  quotes.forEach((q, i) => {
    const name = q.speakerCanonical || q.speaker || "؟";
    if (q.contentEnd > q.contentStart) marks.push({ start: q.contentStart, end: q.contentEnd, kind: "quote", index: i, speaker: name });
    if (q.speakerEnd > q.speakerStart) marks.push({ start: q.speakerStart, end: q.speakerEnd, kind: "speaker", index: i, speaker: name });
  });
  diagnostics.forEach((d, i) => marks.push({ start: d.start, end: Math.max(d.end, d.start + 1), kind: "diag", index: i, message: d.message }));

  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(Math.min(m.start, text.length)); cuts.add(Math.min(m.end, text.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let k = 0; k + 1 < points.length; k++) {
    const [from, to] = [points[k], points[k + 1]];
    const active = marks.filter(m => m.start <= from && m.end >= to);
    const span = document.createElement("span");
    span.textContent = text.slice(from, to);
    for (const m of active) {
      span.classList.add(m.kind);
      if (m.kind === "summary") span.dataset.sentence = m.index;
      if (m.kind === "quote" || m.kind === "speaker") {
        span.dataset.quote = m.index;
        span.dataset.speaker = m.speaker;
        span.style.setProperty("--speaker", speakers.get(m.speaker).color);
      }
      if (m.kind === "diag") span.title = m.message;
    }
    fragment.append(span);
  }
  view.replaceChildren(fragment);

  document.getElementById("legend").replaceChildren(...[...speakers].map(([name, s]) => {
    const li = document.createElement("li");
    li.dataset.speaker = name;
    li.dataset.count = s.count;
    li.style.setProperty("--speaker", s.color);
    li.append(Object.assign(document.createElement("span"), { className: "swatch" }), name, Object.assign(document.createElement("span"), { className: "count", textContent: s.count }));
    return li;
  }));
  document.getElementById("keyphrases").replaceChildren(...(result.keyphrases || []).map(k => Object.assign(document.createElement("li"), { textContent: k.text })));
  document.getElementById("summary").replaceChildren(...sentences.map(s => Object.assign(document.createElement("li"), { textContent: s.text })));
  document.getElementById("diagnostics").replaceChildren(...diagnostics.map(d => Object.assign(document.createElement("li"), { textContent: `${d.code}: ${d.message}` })));

  document.body.dataset.version = session.version;
  document.body.dataset.sentences = sentences.length;
  document.body.dataset.quotes = quotes.length;
  if (session.typedAt > 0) {
    window.engineLatencyMs = performance.now() - session.typedAt; // keystroke to marks, for the browser test
    session.typedAt = 0;
  }
}

editor.addEventListener("input", () => {
  if (session.typedAt === 0) session.typedAt = performance.now();
  sync();
});

async function loadSample() {
  const response = await fetch("examples/seed.txt");
  editor.value = await response.text();
  session.version = 0;
  await sync();
}

document.getElementById("sample").addEventListener("click", loadSample);
if (new URLSearchParams(location.search).get("example") === "seed") {
  loadSample();
}
