// An event's card: every field with the words it came from, its incident across articles, and
// the article with the evidence highlighted. Spans count Unicode code points (the contract), so
// the text is indexed as an array of code points, not UTF-16 units.
"use strict";

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// The spans of a record: the event's own evidence, then each field's words.
function spansOf(record) {
  const out = [];
  for (const e of record.evidence || []) out.push({ field: "event", start: e.start, end: e.end });
  const add = (field, obj) => {
    if (obj && obj.span) out.push({ field, start: obj.span[0], end: obj.span[1] });
  };
  add("date", record.date);
  add("location", record.location);
  add("actor1", record.actor1);
  for (const a of record.assoc_actor1 || []) add("assoc_actor1", a);
  add("actor2", record.actor2);
  for (const a of record.assoc_actor2 || []) add("assoc_actor2", a);
  add("fatalities", record.fatalities);
  add("source", record.source);
  return out;
}

// The text as HTML with every span marked: sentences of the event lightly, each field's words
// strongly (the narrowest field wins where fields overlap), each with data-field.
function highlightedText(text, spans) {
  const cps = Array.from(text);
  const cuts = new Set([0, cps.length]);
  for (const s of spans) {
    cuts.add(Math.min(s.start, cps.length));
    cuts.add(Math.min(s.end, cps.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = esc(cps.slice(a, b).join(""));
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const inEvent = covering.some((s) => s.field === "event");
    const fields = covering.filter((s) => s.field !== "event").sort((x, y) => (x.end - x.start) - (y.end - y.start));
    if (fields.length) {
      const f = fields[0].field;
      html += `<mark class="field field-${f}${inEvent ? " in-event" : ""}" data-field="${f}" title="${esc(t(f))}">${piece}</mark>`;
    } else if (inEvent) {
      html += `<span class="evidence">${piece}</span>`;
    } else {
      html += piece;
    }
  }
  return html;
}

function actorText(a) {
  return a ? `${esc(a.name)} <small>(${esc(a.type)})</small>` : `<em>${t("unknown")}</em>`;
}

function fieldRow(field, label, value, obj) {
  const words = obj && obj.text ? ` <a href="#" class="words" data-field="${field}">« ${esc(obj.text)} »</a>` : "";
  return `<tr data-row="${field}"><th>${esc(label)}</th><td>${value}${words}</td></tr>`;
}

function recordFields(r) {
  const d = r.date;
  const date = d && d.start ? `${esc(d.start)}${d.end && d.end !== d.start ? " – " + esc(d.end) : ""} <small>(${esc(d.granularity)}, ${esc(d.type)})</small>` : `<em>${t("unknown")}</em>`;
  const l = r.location;
  const place = l ? `${esc(l.name || "")} ${[l.admin2, l.admin1, l.country].filter(Boolean).map(esc).join(", ")} <small>(${esc(l.precision)}${l.lat != null ? `, ${l.lat.toFixed(3)}, ${l.lon.toFixed(3)}` : ""})</small>` : `<em>${t("unknown")}</em>`;
  const f = r.fatalities;
  const dead = f ? `${f.best}${f.low !== f.high ? ` <small>(${f.low}–${f.high})</small>` : ""}` : `<em>${t("unknown")}</em>`;
  const s = r.source;
  const source = s ? `${esc(s.name)} <small>(${esc(s.status)})</small>` : `<em>${t("unknown")}</em>`;
  let rows = fieldRow("date", t("date"), date, d) + fieldRow("location", t("location"), place, l) +
    fieldRow("actor1", t("actor1"), actorText(r.actor1), r.actor1);
  for (const a of r.assoc_actor1 || []) rows += fieldRow("assoc_actor1", t("assoc_actor1"), actorText(a), a);
  rows += fieldRow("actor2", t("actor2"), actorText(r.actor2), r.actor2);
  for (const a of r.assoc_actor2 || []) rows += fieldRow("assoc_actor2", t("assoc_actor2"), actorText(a), a);
  rows += fieldRow("fatalities", t("fatalities"), dead, f) +
    fieldRow("source", t("source"), source, s ? { text: s.cue, span: s.span } : null);
  return `<table class="fields">${rows}</table>`;
}

function incidentBlock(incident) {
  if (!incident) return "";
  const rule = (x) => (x && x.rule ? ` <small class="rule">${t("rule")}: ${esc(x.rule)}</small>` : "");
  const f = incident.fatalities;
  let html = `<h3>${t("incident")} ${esc(incident.incident_id)} — ${t("reports", incident.reports, incident.documents)}, <span class="${incident.competing ? "competing" : "agree"}">${incident.competing ? t("competing") : t("agree")}</span></h3><ul class="merged">`;
  html += `<li>${esc(typeName(incident.event_type.value))} / ${esc(incident.sub_event_type.value)}${rule(incident.event_type)}</li>`;
  if (incident.date) html += `<li>${t("date")}: ${esc(incident.date.start)}${incident.date.end !== incident.date.start ? " – " + esc(incident.date.end) : ""}${rule(incident.date)}</li>`;
  if (incident.location) html += `<li>${t("location")}: ${esc(incident.location.name || incident.location.country)}${rule(incident.location)}</li>`;
  if (incident.actor1) html += `<li>${t("actor1")}: ${esc(incident.actor1.name)}${rule(incident.actor1)}</li>`;
  if (incident.actor2) html += `<li>${t("actor2")}: ${esc(incident.actor2.name)}${rule(incident.actor2)}</li>`;
  if (f) html += `<li>${t("fatalities")}: ${f.best} <small>(${f.low}–${f.high})</small>${rule(f)}</li>`;
  html += `</ul><h4>${t("accounts")}</h4><ul class="accounts">`;
  for (const a of incident.accounts || []) {
    html += `<li><a href="#" data-event="${a.event}">${esc(a.doc_id)}</a>: ${esc(a.source || t("unknown"))} <small>(${esc(a.status || "")})</small>, ${esc(a.actor1 || "?")}, ${a.fatalities ?? "?"} ${t("dead").toLowerCase()}</li>`;
  }
  return html + "</ul>";
}

// Fills `container` with the card of one record; `doc` is {text, doc_id?, source?, published?}.
function renderCard(container, record, doc, incident, onOpenEvent) {
  const spans = spansOf(record);
  container.innerHTML =
    `<h2><span class="swatch" style="background:${typeColour(record.event_type)}"></span>${esc(typeName(record.event_type))} / ${esc(record.sub_event_type)}</h2>` +
    `<p class="meta">${esc(record.event_id)} · ${t("confidence")} ${Number(record.confidence || 0).toFixed(2)}</p>` +
    recordFields(record) + incidentBlock(incident) +
    `<h3>${t("article")}: ${esc(doc.doc_id || record.doc.id)}${doc.source ? " · " + esc(doc.source) : ""}${doc.published ? ` · ${t("published")} ${esc(doc.published)}` : ""}</h3>` +
    `<div class="article">${highlightedText(doc.text || "", spans)}</div>`;
  for (const a of container.querySelectorAll("a.words")) {
    a.addEventListener("click", (e) => {
      e.preventDefault();
      const mark = container.querySelector(`.article mark[data-field="${a.dataset.field}"]`);
      if (mark) {
        mark.scrollIntoView({ block: "center" });
        mark.classList.add("flash");
        setTimeout(() => mark.classList.remove("flash"), 1200);
      }
    });
  }
  for (const a of container.querySelectorAll("a[data-event]")) {
    a.addEventListener("click", (e) => {
      e.preventDefault();
      onOpenEvent(Number(a.dataset.event));
    });
  }
}
