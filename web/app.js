// vigie's web interface: filters, a map of the stored records (no tile server needed: country
// boundaries from world-atlas), a weekly timeline that filters by brushing, a table, each record's
// card with its evidence in the article, and extraction of a dropped article.
"use strict";

const TYPES = ["Battles", "Violence against civilians", "Explosions/Remote violence", "Protests",
  "Riots", "Strategic developments"];
const COLOURS = {
  "Battles": "#d62728", "Violence against civilians": "#9467bd", "Explosions/Remote violence": "#ff7f0e",
  "Protests": "#2ca02c", "Riots": "#8c564b", "Strategic developments": "#1f77b4",
};
const PAGE = 100;  // table rows fetched at a time; the map gets every point the server gives
function typeColour(type) { return COLOURS[type] || "#555"; }

const state = { filters: {}, total: 0, offset: 0, mapOf: "events" };

async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function query(extra = {}, omit = []) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...state.filters, ...extra })) {
    if (v !== "" && v != null && !omit.includes(k)) p.set(k, v);
  }
  return p.toString();
}

// --- map -----------------------------------------------------------------------------------
// Without tiles Leaflet knows no zoom range; clustering needs one.
const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([14, 0], 5);
const clusters = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, chunkedLoading: true });
map.addLayer(clusters);

// world-atlas rings that cross the antimeridian (Russia, Fiji, Antarctica) jump from 180° to
// -180°; Leaflet would draw each jump as a band across the world, so rings are made continuous
// (past 180°, a ring goes on into the next copy of the world).
function unwrapRing(ring) {
  let shift = 0;
  return ring.map(([lon, lat], i) => {
    if (i > 0) {
      const step = lon - ring[i - 1][0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    return [lon + shift, lat];
  });
}
function unwrap(geometry) {
  if (!geometry) return;
  if (geometry.type === "Polygon") geometry.coordinates = geometry.coordinates.map(unwrapRing);
  if (geometry.type === "MultiPolygon") geometry.coordinates = geometry.coordinates.map((p) => p.map(unwrapRing));
}

// What the server allows ("writes": the Store button), asked once.
const serverConfig = api("config.json").catch(() => ({}));

async function loadBasemap() {
  const config = await serverConfig;
  if (config.tiles) {
    L.tileLayer(config.tiles, { maxZoom: 18, attribution: config.tiles_attribution || "" }).addTo(map);
  }
  const topo = await fetch("vendor/world-atlas/countries-50m.json").then((r) => r.json());
  const countries = topojson.feature(topo, topo.objects.countries);
  for (const f of countries.features) unwrap(f.geometry);
  L.geoJSON(countries, {
    style: { color: "#888", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: config.tiles ? 0 : 1 },
    interactive: false,
  }).addTo(map).bringToBack();
}

// `p`: one row of GET /points, its values named by `fields`: a record, or an incident (which
// has a count of reports, and opens on the card of its latest record).
function markerFor(p, fields) {
  const v = Object.fromEntries(fields.map((name, i) => [name, p[i]]));
  const dead = v.fatalities || 0;
  const incident = v.reports !== undefined;
  const m = L.circleMarker([v.lat, v.lon], {
    radius: 5 + Math.min(20, 3 * Math.sqrt(dead)), color: "#222", weight: incident ? 2.5 : 1,
    fillColor: typeColour(v.event_type), fillOpacity: 0.85,
  });
  const what = incident ? t("reportCount", v.reports) : v.location || "";
  // Tooltips are HTML: every piece of the record is escaped.
  m.bindTooltip(esc(`${v.date || "?"} · ${typeName(v.event_type)} · ${what}${dead ? ` · ${dead} ${t("dead").toLowerCase()}` : ""}`));
  m.on("click", () => (incident ? openIncident(v.id) : openEvent(v.id)));
  return m;
}

function drawMap(points) {
  clusters.clearLayers();
  const markers = points.points.map((p) => markerFor(p, points.fields));
  clusters.addLayers(markers);
  if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.2), { maxZoom: 8 });
}

function drawLegend() {
  document.getElementById("legend").innerHTML = TYPES.map((ty) =>
    `<span><i style="background:${typeColour(ty)}"></i>${esc(typeName(ty))}</span>`).join("");
}

// --- table ---------------------------------------------------------------------------------
function rowFor(e) {
  const tr = document.createElement("tr");
  tr.dataset.event = e.store.event_id;
  const l = e.location;
  tr.innerHTML = `<td>${esc(e.date && e.date.start ? e.date.start : "?")}</td>` +
    `<td><span class="swatch" style="background:${typeColour(e.event_type)}"></span>${esc(e.sub_event_type)}</td>` +
    `<td>${esc(l ? `${l.name || ""} (${l.country || "?"})` : "")}</td>` +
    `<td>${esc(e.actor1 ? e.actor1.name : "")}</td><td>${esc(e.actor2 ? e.actor2.name : "")}</td>` +
    `<td class="num">${e.fatalities ? e.fatalities.best : ""}</td>` +
    `<td>${esc(e.source ? `${e.source.name} (${e.source.status})` : "")}</td>`;
  tr.addEventListener("click", () => openEvent(e.store.event_id));
  return tr;
}

function drawTable(events, append) {
  const body = document.querySelector("#events tbody");
  if (!append) body.replaceChildren();
  for (const e of events) body.appendChild(rowFor(e));
  document.getElementById("more").hidden = state.offset + PAGE >= state.total;
}

// --- timeline ------------------------------------------------------------------------------
async function drawTimeline(current) {
  const perType = await Promise.all(TYPES.map((ty) =>
    api(`stats?by=week&${query({ type: ty }, ["from", "to", "limit", "offset"])}`)));
  if (!current()) return;
  const weeks = new Map();
  perType.forEach((s, i) => {
    for (const row of s.by_week) {
      if (row.key === "(none)") continue;
      if (!weeks.has(row.key)) weeks.set(row.key, {});
      weeks.get(row.key)[TYPES[i]] = row.events;
    }
  });
  const list = [...weeks.keys()].sort().map((w) => ({ week: w, counts: weeks.get(w) }));
  renderTimeline(document.getElementById("timeline-svg"), list, TYPES, COLOURS,
    { from: state.filters.from, to: state.filters.to }, (from, to) => {
      setFilter("from", from || "");
      setFilter("to", to || "");
      refresh();
    });
}

// --- loading -------------------------------------------------------------------------------
// Answers to an earlier refresh that come after a later one's are dropped, so the page always
// shows the latest filters whatever order the server answers in.
let refreshes = 0;
async function refresh() {
  const mine = ++refreshes;
  const current = () => mine === refreshes;
  // aria-busy until every part (summary, map, table, timeline) shows this refresh's filters.
  const main = document.querySelector("main");
  main.setAttribute("aria-busy", "true");
  try {
    const [points, page, incidents] = await Promise.all([
      api(`points?${query({ of: state.mapOf }, ["limit", "offset"])}`),
      api(`events?${query({ limit: PAGE, offset: 0 })}`),
      api(`stats?by=country&${query({}, ["limit", "offset"])}`),
    ]);
    if (!current()) return;
    state.total = page.total;
    state.offset = 0;
    document.getElementById("summary").textContent = t("summary", page.total, incidents.incidents) +
      t("mapNote", points.of === "incidents", points.points.length, points.total, points.points.length === points.limit);
    drawMap(points);
    drawTable(page.events, false);
    await drawTimeline(current);
  } catch (err) {
    if (current()) document.getElementById("summary").textContent = err.message;
  } finally {
    if (current()) main.removeAttribute("aria-busy");
  }
}

function setFilter(name, value) {
  state.filters[name] = value;
  const input = document.querySelector(`#filters [name="${name}"]`);
  if (input) input.value = value;
}

async function fillChoices() {
  const stats = await api("stats?by=country");
  const select = document.getElementById("f-country");
  for (const row of stats.by_country) {
    if (row.key === "(none)") continue;
    const o = document.createElement("option");
    o.value = row.key;
    o.textContent = `${row.key} (${row.events})`;
    select.appendChild(o);
  }
  const types = document.getElementById("f-type");
  for (const ty of TYPES) {
    const o = document.createElement("option");
    o.value = ty;
    o.textContent = typeName(ty);
    types.appendChild(o);
  }
}

// --- cards ---------------------------------------------------------------------------------
async function openEvent(id) {
  const card = document.getElementById("card");
  const body = document.getElementById("card-body");
  try {
    const one = await api(`events/${id}`);
    renderCard(body, one.event, one.document, one.incident, openEvent);
    card.hidden = false;
    body.scrollTop = 0;
    for (const tr of document.querySelectorAll("#events tr.selected")) tr.classList.remove("selected");
    const row = document.querySelector(`#events tr[data-event="${id}"]`);
    if (row) row.classList.add("selected");
  } catch (err) {
    body.textContent = err.message;
    card.hidden = false;
  }
}

async function openIncident(id) {
  try {
    const one = await api(`incidents/${id}`);
    if (one.events.length) await openEvent(one.events[0].store.event_id);
  } catch (err) {
    document.getElementById("card-body").textContent = err.message;
    document.getElementById("card").hidden = false;
  }
}

// --- a dropped article ---------------------------------------------------------------------
// `published`: the date the reader gives; without one, the article's own (HTML metadata, feed
// field) or none, and then relative dates (« dimanche », "last Tuesday") stay unresolved.
async function previewFile(file, published = "") {
  const panel = document.getElementById("preview");
  const body = document.getElementById("preview-body");
  const type = /\.html?$/i.test(file.name) ? "text/html" : "text/plain";
  const text = await file.text();
  body.innerHTML = `<h2>${t("preview")}: ${esc(file.name)}</h2>` +
    `<form id="preview-date"><label>${t("publishedOn")} <input type="date" name="published" value="${esc(published)}"></label> ` +
    `<button type="submit">${t("reread")}</button></form>`;
  const form = body.querySelector("#preview-date");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    previewFile(file, form.elements.published.value);
  });
  panel.hidden = false;
  const query = `id=${encodeURIComponent(file.name)}` + (published ? `&published=${encodeURIComponent(published)}` : "");
  try {
    const result = await api(`extract?${query}`, { method: "POST", headers: { "Content-Type": type }, body: text });
    if (result.document.published) {
      form.elements.published.value = result.document.published;
    } else {
      form.insertAdjacentHTML("afterend", `<p class="hint">${t("noPublished")}</p>`);
    }
    if (!result.events.length) body.insertAdjacentHTML("beforeend", `<p>${t("noEvents")}</p>`);
    result.events.forEach((e, i) => {
      const div = document.createElement("div");
      div.className = "preview-event";
      body.appendChild(div);
      renderCard(div, e, { text: result.document.text, doc_id: file.name, published: result.document.published }, null, openEvent);
      div.dataset.index = i;
    });
    if (!(await serverConfig).writes) {
      body.insertAdjacentHTML("beforeend", `<p class="hint">${t("writesOff")}</p>`);
      return;
    }
    const store = document.createElement("button");
    store.textContent = t("store");
    store.addEventListener("click", async () => {
      const r = await api(`documents?${query}`, { method: "POST", headers: { "Content-Type": type }, body: text });
      store.replaceWith(document.createTextNode(r.added ? t("stored") : t("alreadyStored")));
      await refresh();
    });
    body.appendChild(store);
  } catch (err) {
    body.insertAdjacentHTML("beforeend", `<p class="error">${esc(err.message)}</p>`);
  }
}

// --- wiring --------------------------------------------------------------------------------
document.getElementById("filters").addEventListener("submit", (e) => {
  e.preventDefault();
  for (const el of e.target.elements) if (el.name) state.filters[el.name] = el.value.trim();
  refresh();
});
document.getElementById("reset").addEventListener("click", () => {
  for (const name of ["country", "type", "actor", "from", "to", "text"]) setFilter(name, "");
  refresh();
});
document.getElementById("more").addEventListener("click", async () => {
  const before = refreshes;
  state.offset += PAGE;
  const page = await api(`events?${query({ limit: PAGE, offset: state.offset })}`);
  if (before === refreshes) drawTable(page.events, true);  // else the filters changed meanwhile
});
for (const radio of document.querySelectorAll("input[name='map-mode']")) {
  radio.addEventListener("change", () => {
    state.mapOf = radio.value;
    refresh();
  });
}
document.getElementById("card-close").addEventListener("click", () => { document.getElementById("card").hidden = true; });
document.getElementById("preview-close").addEventListener("click", () => { document.getElementById("preview").hidden = true; });
for (const b of document.querySelectorAll("#lang-switch button")) {
  b.addEventListener("click", () => {
    lang = b.dataset.lang;
    localStorage.setItem("vigie.lang", lang);
    applyLanguage();
    drawLegend();
    for (const o of document.querySelectorAll("#f-type option[value]")) if (o.value) o.textContent = typeName(o.value);
    refresh();
  });
}
const drop = document.getElementById("drop-zone");
window.addEventListener("dragover", (e) => { e.preventDefault(); drop.hidden = false; });
window.addEventListener("dragleave", (e) => { if (!e.relatedTarget) drop.hidden = true; });
window.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.hidden = true;
  const file = e.dataTransfer.files[0];
  if (file) previewFile(file);
});

applyLanguage();
drawLegend();
loadBasemap();
fillChoices().then(refresh);
