// sverka serve: the list of pairs, the new-pair form and the review view. Plain DOM,
// no framework; all text goes in through textContent, never as markup. Rows of the
// review are redrawn only where the alignment or the findings changed.
"use strict";
(function () {
  var root = document.documentElement;

  // ---- small helpers -------------------------------------------------------------
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === undefined || v === null || v === false) { return; }
        if (k === "text") { node.textContent = v; }
        else if (k.slice(0, 2) === "on") { node.addEventListener(k.slice(2), v); }
        else { node.setAttribute(k, v === true ? "" : v); }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) { continue; }
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function status(message, kind) {
    var s = document.getElementById("status");
    s.textContent = message || "";
    s.className = kind || "";
  }
  function api(method, path, body) {
    var init = { method: method, credentials: "same-origin", headers: {} };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (r) {
      return r.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = { error: text }; }
        if (!r.ok) { throw { status: r.status, data: data || { error: r.statusText } }; }
        return data;
      });
    }, function () { throw { status: 0, data: { error: "the server cannot be reached; is sverka serve still running?" } }; });
  }
  function errorText(err) { return (err && err.data && err.data.error) || String(err); }

  // ---- routes --------------------------------------------------------------------
  function route() {
    var path = location.pathname;
    if (path === "/" || path === "") { listView(); }
    else if (path.indexOf("/pair/") === 0) { reviewView(decodeURIComponent(path.slice(6))); }
    else { document.getElementById("main").textContent = "No such page."; }
  }

  // ---- the list of pairs and the new-pair form -------------------------------------
  function listView() {
    document.title = "sverka: pairs";
    var main = document.getElementById("main");
    api("GET", "/api/pairs").then(function (data) {
      clear(main);
      main.appendChild(el("h1", { text: "Pairs" }));
      if (data.pairs.length === 0) {
        main.appendChild(el("p", { class: "muted", text: "No pairs in this directory yet: folders holding en.txt (or .md, .html, .docx) and the original ru.txt, be.txt… Make one below." }));
      } else {
        var table = el("table", { class: "pairs" },
          el("thead", null, el("tr", null, el("th", { text: "folder" }), el("th", { text: "English" }), el("th", { text: "original" }), el("th", { text: "corrections" }), el("th"))));
        var body = el("tbody");
        data.pairs.forEach(function (p) {
          body.appendChild(el("tr", null,
            el("td", { text: p.folder }), el("td", { text: p.a }), el("td", { text: p.b }),
            el("td", { class: "muted", text: p.saved ? "saved in " + p.project : "not opened yet" }),
            el("td", null, el("a", { href: "/pair/" + encodeURIComponent(p.id), class: "open", text: "Open" }))));
        });
        table.appendChild(body);
        main.appendChild(table);
      }
      main.appendChild(newPairForm());
      root.setAttribute("data-ready", "1");
    }, function (err) { status(errorText(err), "error"); });
  }

  function sideFields(side, label) {
    return el("fieldset", null, el("legend", { text: label }),
      el("textarea", { name: side + "-text", rows: "8", placeholder: "Paste the text here, or choose a file below" }),
      el("label", null, "or a file (.txt, .md, .html, .docx): ", el("input", { type: "file", name: side + "-file", accept: ".txt,.md,.markdown,.html,.htm,.docx" })));
  }

  function newPairForm() {
    var form = el("form", { class: "new-pair" },
      el("h2", { text: "New pair" }),
      el("label", null, "Folder name (optional): ", el("input", { name: "name", placeholder: "from the first words of the English" })),
      el("label", null, " Language of the original: ",
        el("select", { name: "lang" }, el("option", { value: "", text: "detect" }), el("option", { value: "ru", text: "ru" }),
          el("option", { value: "be", text: "be" }), el("option", { value: "uk", text: "uk" }))),
      el("div", { class: "sides" }, sideFields("a", "English (A)"), sideFields("b", "Original (B)")),
      el("button", { type: "submit", text: "Create and open" }));
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      Promise.all([readSide(form, "a"), readSide(form, "b")]).then(function (sides) {
        var body = { a: sides[0], b: sides[1] };
        var name = form.elements.name.value.trim();
        if (name) { body.name = name; }
        if (form.elements.lang.value) { body.langs = ["en", form.elements.lang.value]; }
        status("Creating the pair…");
        return api("POST", "/api/pairs", body).then(function (made) {
          location.assign("/pair/" + encodeURIComponent(made.id));
        });
      }).catch(function (err) { status(errorText(err), "error"); });
    });
    return form;
  }

  function readSide(form, side) {
    var file = form.elements[side + "-file"].files[0];
    if (!file) {
      var text = form.elements[side + "-text"].value;
      if (!text.trim()) { return Promise.reject({ data: { error: (side === "a" ? "English" : "original") + ": paste a text or choose a file" } }); }
      return Promise.resolve({ text: text });
    }
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () {
        var url = String(reader.result);
        resolve({ base64: url.slice(url.indexOf(",") + 1), filename: file.name });
      };
      reader.onerror = function () { reject({ data: { error: "cannot read " + file.name } }); };
      reader.readAsDataURL(file);
    });
  }

  // ---- the review view -----------------------------------------------------------
  var S = null; // the state of the open pair

  // [action, button label, what it does, key]
  var ACTIONS = [
    ["merge", "Merge", "Merge the bead with the next one", "m"], ["split", "Split", "Split the bead (before the selected sentence)", "s"],
    ["prev", "↑ Move", "Move the selected sentence to the previous bead", "["], ["next", "↓ Move", "Move the selected sentence to the next bead", "]"],
    ["unalign", "Unalign", "Mark the selected sentence as an omission or addition (a bead of its own)", "o"],
    ["link", "Link", "Link a moved sentence: select it, l, select its counterpart, l", "l"],
    ["splitSentence", "Split sentence", "Split the sentence where the cursor is", "x"], ["join", "Join", "Join the selected sentence with the next one", "j"],
    ["undo", "Undo", "Undo the last correction", "z"], ["redo", "Redo", "Redo", "y"],
    ["prevFinding", "◂ Finding", "Previous finding", "p"], ["nextFinding", "Finding ▸", "Next finding", "n"]
  ];
  var KEYS = { m: "merge", s: "split", "[": "prev", "]": "next", o: "unalign", l: "link", x: "splitSentence", j: "join",
    z: "undo", y: "redo", p: "prevFinding", n: "nextFinding", h: "houseSpelling", v: "variant",
    ArrowDown: "down", ArrowUp: "up", ArrowRight: "right", ArrowLeft: "left", Escape: "escape", "?": "help" };

  function reviewView(id) {
    var started = performance.now();
    var main = document.getElementById("main");
    status("Opening " + id + " (the first time, sverka aligns the pair)…");
    api("GET", "/api/pairs/" + encodeURIComponent(id)).then(function (data) {
      S = { id: id, sel: { bead: 0, side: null, id: null }, link: null, finding: -1, rows: [], flags: [], fkeys: [] };
      document.title = "sverka: " + data.folder + " " + data.files.a + " ↔ " + data.files.b;
      clear(main);
      main.appendChild(buildReview(data));
      var bar = main.querySelector(".bar");
      var fit = function () { root.style.setProperty("--bar", bar.offsetHeight + "px"); };
      fit();
      window.addEventListener("resize", fit);
      apply(data, true);
      status(data.stale || "", data.stale ? "warning" : "");
      void root.scrollWidth;
      root.setAttribute("data-open-ms", (performance.now()).toFixed(1));
      root.setAttribute("data-open-fetch-ms", (performance.now() - started).toFixed(1));
      root.setAttribute("data-ready", "1");
    }, function (err) {
      clear(main);
      main.appendChild(el("p", { class: "error", text: errorText(err) }));
      main.appendChild(el("p", null, el("a", { href: "/", text: "All pairs" })));
    });
  }

  function buildReview(data) {
    var wrap = el("div", { id: "review" });
    var where = document.getElementById("where");
    clear(where);
    where.appendChild(el("span", { text: data.folder + ": " + data.files.a + " ↔ " + data.files.b }));
    var bar = el("div", { class: "bar", role: "toolbar", "aria-label": "corrections" });
    ACTIONS.forEach(function (a) {
      bar.appendChild(el("button", { type: "button", "data-action": a[0], title: a[2] + " (" + a[3] + ")", onclick: function () { act(a[0]); } },
        a[1], el("kbd", { text: a[3] })));
    });
    var exports = el("span", { class: "exports" }, "Export: ");
    ["tmx", "tsv", "json", "vecalign", "html"].forEach(function (f) {
      exports.appendChild(el("a", { href: "/api/pairs/" + encodeURIComponent(S.id) + "/export/" + f, download: "", "data-export": f, text: f.toUpperCase() === "VECALIGN" ? "vecalign" : f.toUpperCase() }));
      exports.appendChild(document.createTextNode(" "));
    });
    bar.appendChild(exports);
    bar.appendChild(el("button", { type: "button", class: "reset", text: "Start over", title: "Align the files again and drop the corrections", onclick: resetPair }));
    bar.appendChild(el("button", { type: "button", text: "?", title: "Keyboard shortcuts (?)", onclick: function () { act("help"); } }));
    wrap.appendChild(bar);
    wrap.appendChild(el("p", { id: "info", class: "muted" }));
    wrap.appendChild(el("section", { id: "findings" }));
    wrap.appendChild(el("div", { id: "help", hidden: true }, helpText()));
    var grid = el("div", { id: "grid", role: "table" },
      el("div", { class: "row head", role: "row" }, el("div", { text: "#" }), el("div", { text: "conf." }),
        el("div", { text: "A · " + data.report.a.lang }), el("div", { text: "B · " + data.report.b.lang })),
      el("div", { class: "body", id: "rows", role: "rowgroup" }));
    grid.addEventListener("click", onGridClick);
    wrap.appendChild(grid);
    return wrap;
  }

  function helpText() {
    var list = el("dl");
    ACTIONS.concat([["", "", "Accept the current finding's spelling as the house spelling", "h"], ["", "", "Add the current finding's form to the glossary as a wrong variant", "v"],
      ["", "", "Select the next / previous bead", "↓ ↑"], ["", "", "Select the next / previous sentence of the bead", "→ ←"], ["", "", "Cancel a link, clear the selection", "Esc"]])
      .forEach(function (a) { list.appendChild(el("dt", null, el("kbd", { text: a[3] }))); list.appendChild(el("dd", { text: a[2] })); });
    return el("div", null, el("h2", { text: "Keyboard" }), list,
      el("p", { class: "muted", text: "Click a sentence to select it (and its bead); click inside a sentence's text, then x, to split it there. Every edit is saved at once; the checks run again on what changed." }));
  }

  // Applies a state from the server: redraws the rows that changed.
  function apply(data, first) {
    var r = data.report;
    if (r.a) { S.a = r.a; S.b = r.b; S.textVersion = (S.textVersion || 0) + 1; }
    var oldBeads = S.beads || [], oldFlags = S.flags, oldKeys = S.fkeys, oldText = S.drawnText;
    S.version = data.version; S.canUndo = data.can_undo; S.canRedo = data.can_redo;
    S.checks = data.checks; S.stats = r.stats; S.stale = data.stale;
    S.beads = r.beads; S.findings = r.findings;
    var n = S.beads.length;
    S.flags = crossing(S.beads);
    S.byBead = groupFindings(S.beads, S.findings);
    S.fkeys = S.byBead.map(function (list) { return list.length ? list.map(findingKey).join("\n") : ""; });
    var rows = document.getElementById("rows");
    var head = 0, tail = 0, m = oldBeads.length;
    if (!first && oldText === S.textVersion) {
      while (head < Math.min(m, n) && sameRow(oldBeads[head], S.beads[head], oldFlags[head], S.flags[head], oldKeys[head], S.fkeys[head])) { head++; }
      while (tail < Math.min(m, n) - head && sameRow(oldBeads[m - 1 - tail], S.beads[n - 1 - tail], oldFlags[m - 1 - tail], S.flags[n - 1 - tail], oldKeys[m - 1 - tail], S.fkeys[n - 1 - tail])) { tail++; }
    }
    var fresh = document.createDocumentFragment();
    var made = [];
    for (var k = head; k < n - tail; k++) { var row = drawRow(k); made.push(row); fresh.appendChild(row); }
    var after = S.rows[m - tail] || null;
    for (var d = head; d < m - tail; d++) { rows.removeChild(S.rows[d]); }
    rows.insertBefore(fresh, after);
    S.rows = S.rows.slice(0, head).concat(made, S.rows.slice(m - tail));
    for (var i = head; i < n; i++) { S.rows[i]._k = i; }
    S.drawnText = S.textVersion;
    var fsig = S.findings.map(findingKey).join("\n") + "|" + S.findings.map(function (f) { return f.bead; }).join(",");
    if (fsig !== S.findingsSig) { S.findingsSig = fsig; drawFindings(); }
    drawInfo();
    select(Math.min(S.sel.bead, n - 1), S.sel.side, S.sel.id, true);
    root.setAttribute("data-version", String(S.version));
    root.setAttribute("data-beads", String(n));
    root.setAttribute("data-checks", S.checks);
    if (S.checks === "partial") { waitForChecks(S.version); }
  }

  function sameIds(x, y) {
    if (x.length !== y.length) { return false; }
    for (var i = 0; i < x.length; i++) { if (x[i] !== y[i]) { return false; } }
    return true;
  }
  function sameRow(b1, b2, f1, f2, k1, k2) {
    return b1 && b2 && f1 === f2 && k1 === k2 && b1.score === b2.score && b1.moved === b2.moved && sameIds(b1.a, b2.a) && sameIds(b1.b, b2.b);
  }
  function findingKey(f) { return [f.check, f.severity, f.side, f.sentence, f.found, f.expected || "", f.message].join("\u0001"); }

  // Beads whose B sentences stand elsewhere in B: flagged "moved" by the aligner, or
  // outside the longest run of beads whose B ids ascend.
  function crossing(beads) {
    var flags = new Array(beads.length).fill(false);
    var idx = [], firsts = [];
    beads.forEach(function (b, k) { if (b.moved === true) { flags[k] = true; } if (b.b.length) { idx.push(k); firsts.push(b.b[0]); } });
    var tails = [], tailAt = [], prev = new Array(idx.length).fill(-1);
    for (var i = 0; i < firsts.length; i++) {
      var lo = 0, hi = tails.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (tails[mid] < firsts[i]) { lo = mid + 1; } else { hi = mid; } }
      tails[lo] = firsts[i]; tailAt[lo] = i; prev[i] = lo > 0 ? tailAt[lo - 1] : -1;
    }
    var keep = new Array(idx.length).fill(false);
    for (var j = tails.length ? tailAt[tails.length - 1] : -1; j !== -1; j = prev[j]) { keep[j] = true; }
    for (var q = 0; q < idx.length; q++) { if (!keep[q]) { flags[idx[q]] = true; } }
    return flags;
  }

  function holders(beads) {
    var a = {}, b = {};
    beads.forEach(function (bead, k) { bead.a.forEach(function (i) { a[i] = k; }); bead.b.forEach(function (j) { b[j] = k; }); });
    return { a: a, b: b };
  }

  function groupFindings(beads, findings) {
    var by = beads.map(function () { return []; });
    var h = null;
    findings.forEach(function (f, i) {
      var k = f.bead;
      if (typeof k !== "number" || k >= beads.length) { h = h || holders(beads); k = h[f.side][f.sentence]; }
      if (typeof k === "number") { by[k].push(f); } else { k = -1; }
      f._i = i;
      f._k = k;
    });
    return by;
  }

  var WHOLE = { omission: true, addition: true };

  function drawRow(k) {
    var bead = S.beads[k], findings = S.byBead[k];
    var cls = "row bead k" + bead.a.length + "-" + bead.b.length;
    if (bead.score < 0.5) { cls += " low"; }
    if (findings.length) { cls += " flagged"; }
    if (!bead.a.length) { cls += " gap-a"; }
    if (!bead.b.length) { cls += " gap-b"; }
    if (S.flags[k]) { cls += " moved"; }
    var level = bead.score < 0.5 ? "lo" : bead.score < 0.8 ? "mid" : "hi";
    var row = el("div", { class: cls, role: "row" },
      el("div", { class: "id", role: "cell", title: "bead" }),
      el("div", { class: "score " + level, role: "cell", text: (Math.round(bead.score * 100) / 100).toFixed(2) }),
      cell("a", bead.a, findings), cell("b", bead.b, findings, S.flags[k]));
    return row;
  }

  function cell(side, ids, findings, moved) {
    var texts = S[side].sentences;
    var c = el("div", { class: side, lang: S[side].lang, role: "cell" });
    if (!ids.length) {
      c.appendChild(el("span", { class: "gap", text: side === "a" ? "— omitted: no counterpart in A" : "— added: no counterpart in B" }));
    }
    if (moved) { c.appendChild(el("span", { class: "tag", title: "This bead crosses others: its sentence stands elsewhere in B", text: "moved" })); }
    ids.forEach(function (id, n) {
      if (n > 0) { c.appendChild(document.createTextNode(" ")); }
      var s = el("span", { class: "s", "data-side": side, "data-id": String(id) }, el("span", { class: "sid", text: String(id) }));
      var t = el("span", { class: "t" });
      marked(t, texts[id] || "", findings.filter(function (f) { return f.side === side && f.sentence === id && !WHOLE[f.check] && f.found; }));
      s.appendChild(t);
      c.appendChild(s);
    });
    var mine = findings.filter(function (f) { return f.side === side; });
    if (mine.length) {
      var ul = el("ul", { class: "fl" });
      mine.forEach(function (f) {
        ul.appendChild(el("li", { class: f.severity, "data-finding": String(f._i) }, el("code", { text: f.check }), " " + f.message,
          f.expected ? el("q", { text: f.expected }) : null));
      });
      c.appendChild(ul);
    }
    return c;
  }

  // Appends `text` to `node`, each occurrence of a finding's found text in a <mark>.
  function marked(node, text, findings) {
    var spans = [];
    findings.forEach(function (f) {
      var at = text.indexOf(f.found);
      while (at !== -1) { spans.push([at, at + f.found.length, f]); at = text.indexOf(f.found, at + f.found.length); }
    });
    spans.sort(function (x, y) { return x[0] - y[0]; });
    var pos = 0;
    spans.forEach(function (s) {
      if (s[0] < pos) { return; }
      node.appendChild(document.createTextNode(text.slice(pos, s[0])));
      node.appendChild(el("mark", { class: s[2].severity, title: s[2].check + ": " + s[2].message, text: text.slice(s[0], s[1]) }));
      pos = s[1];
    });
    node.appendChild(document.createTextNode(text.slice(pos)));
  }

  function drawFindings() {
    var box = document.getElementById("findings");
    clear(box);
    var st = S.stats;
    box.appendChild(el("h2", null, "Findings ",
      el("span", { class: "sev error", text: st.findings_error + " error" }), " ",
      el("span", { class: "sev warning", text: st.findings_warning + " warning" }), " ",
      el("span", { class: "sev info", text: st.findings_info + " info" })));
    if (!S.findings.length) { box.appendChild(el("p", { class: "muted", text: "No findings." })); return; }
    var ol = el("ol", { class: "findings" });
    S.findings.forEach(function (f, i) {
      var k = f._k;
      var li = el("li", { class: f.severity, "data-finding": String(i) },
        el("span", { class: "sev " + f.severity, text: f.severity }), " ", el("code", { text: f.check }), " ",
        el("a", { href: "#", "data-goto": String(i), text: (k >= 0 ? "bead " + k + ", " : "") + f.side.toUpperCase() + " " + f.sentence }),
        ": " + f.message);
      if (f.found && !WHOLE[f.check]) {
        li.appendChild(el("span", { class: "forms" }, " (found ", el("q", { text: f.found }), f.expected ? ", expected " : "", f.expected ? el("q", { text: f.expected }) : null, ")"));
      }
      if (f.expected && (f.check === "glossary-variant" || f.check === "name-inconsistent")) {
        li.appendChild(el("button", { type: "button", class: "g", "data-glossary": "house-spelling", "data-finding": String(i), text: "Accept as house spelling", title: "Write '" + f.found + "' into the glossary as the house spelling (h)" }));
        if (f.check === "name-inconsistent") {
          li.appendChild(el("button", { type: "button", class: "g", "data-glossary": "variant", "data-finding": String(i), text: "Add variant to glossary", title: "Write '" + f.found + "' into the glossary as a wrong form of '" + f.expected + "' (v)" }));
        }
      }
      ol.appendChild(li);
    });
    ol.addEventListener("click", function (e) {
      var t = e.target;
      if (t.getAttribute("data-goto") !== null) { e.preventDefault(); gotoFinding(Number(t.getAttribute("data-goto"))); }
      else if (t.getAttribute("data-glossary")) { toGlossary(t.getAttribute("data-glossary"), Number(t.getAttribute("data-finding"))); }
    });
    box.appendChild(ol);
    S.finding = Math.min(S.finding, S.findings.length - 1);
    markCurrentFinding();
  }

  function drawInfo() {
    var info = document.getElementById("info");
    var st = S.stats;
    info.textContent = S.beads.length + " beads · " + st.sentences_a + " sentences in A · " + st.sentences_b + " in B · version " + S.version +
      (S.checks === "partial" ? " · checking the whole pair…" : "") + (S.link ? " · linking " + S.link.side.toUpperCase() + " " + S.link.id + ": select a sentence of " + (S.link.side === "a" ? "B" : "A") + " and press l" : "");
    var bar = document.querySelector("#review .bar");
    bar.querySelector("[data-action=undo]").disabled = !S.canUndo;
    bar.querySelector("[data-action=redo]").disabled = !S.canRedo;
  }

  // ---- selection -----------------------------------------------------------------
  function select(k, side, id, quiet) {
    if (!S.rows.length) { return; }
    k = Math.max(0, Math.min(k, S.rows.length - 1));
    var old = document.querySelectorAll("#rows .sel, #rows .ssel");
    for (var i = 0; i < old.length; i++) { old[i].classList.remove("sel", "ssel"); }
    var bead = S.beads[k];
    if (side && (side === "a" ? bead.a : bead.b).indexOf(id) === -1) { side = null; id = null; }
    S.sel = { bead: k, side: side || null, id: side ? id : null };
    var row = S.rows[k];
    row.classList.add("sel");
    if (side) {
      var s = row.querySelector('.s[data-side="' + side + '"][data-id="' + id + '"]');
      if (s) { s.classList.add("ssel"); }
    }
    if (!quiet) { scrollIntoViewIfNeeded(row); }
  }

  function scrollIntoViewIfNeeded(row) {
    var r = row.getBoundingClientRect();
    if (r.top < 90 || r.bottom > window.innerHeight) { row.scrollIntoView({ block: "center" }); }
  }

  function onGridClick(e) {
    var row = e.target.closest(".row.bead");
    if (!row) { return; }
    var s = e.target.closest(".s");
    if (s) { select(row._k, s.getAttribute("data-side"), Number(s.getAttribute("data-id")), true); }
    else { select(row._k, null, null, true); }
  }

  function moveSentenceSelection(step) {
    var bead = S.beads[S.sel.bead];
    var all = bead.a.map(function (i) { return ["a", i]; }).concat(bead.b.map(function (j) { return ["b", j]; }));
    if (!all.length) { return; }
    var at = all.findIndex(function (x) { return x[0] === S.sel.side && x[1] === S.sel.id; });
    var next = all[(at + step + all.length) % all.length];
    if (at === -1 && step < 0) { next = all[all.length - 1]; }
    select(S.sel.bead, next[0], next[1]);
  }

  // ---- actions -------------------------------------------------------------------
  document.addEventListener("keydown", function (e) {
    if (!S || e.altKey || e.metaKey) { return; }
    var tag = e.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    var key = e.key;
    var name = KEYS[key];
    if (e.ctrlKey) {
      name = key === "z" ? "undo" : (key === "y" || key === "Z") ? "redo" : null;
    } else if (key === "J") { name = "join"; }
    if (!name) { return; }
    e.preventDefault();
    act(name);
  });

  function need(what) { status(what, "warning"); return null; }

  function sentenceOp(make) {
    if (!S.sel.side) { return need("Select a sentence first (click it)."); }
    return make(S.sel.side, S.sel.id);
  }

  function act(name) {
    if (!S) { return; }
    var k = S.sel.bead, bead = S.beads[k], op = null;
    switch (name) {
      case "down": select(k + 1, null, null); return;
      case "up": select(k - 1, null, null); return;
      case "right": moveSentenceSelection(1); return;
      case "left": moveSentenceSelection(-1); return;
      case "escape": S.link = null; select(k, null, null, true); drawInfo(); status(""); return;
      case "help": var h = document.getElementById("help"); h.hidden = !h.hidden; return;
      case "nextFinding": stepFinding(1); return;
      case "prevFinding": stepFinding(-1); return;
      case "houseSpelling": case "variant":
        if (S.finding < 0) { need("Go to a finding first (n / p)."); return; }
        toGlossary(name === "variant" ? "variant" : "house-spelling", S.finding); return;
      case "undo": send("/undo", { version: S.version }, "undo"); return;
      case "redo": send("/redo", { version: S.version }, "redo"); return;
      case "merge": op = { op: "merge", bead: k }; break;
      case "split": op = splitOp(bead, k); break;
      case "prev": case "next":
        op = sentenceOp(function (side, id) { return { op: "move", side: side, sentence: id, to: name === "prev" ? "previous" : "next" }; }); break;
      case "unalign": op = sentenceOp(function (side, id) { return { op: "unalign", side: side, sentence: id }; }); break;
      case "join": op = sentenceOp(function (side, id) { return { op: "join-sentences", side: side, sentence: id }; }); break;
      case "splitSentence": op = splitSentenceOp(); break;
      case "link": op = linkOp(); break;
    }
    if (op) { op.version = S.version; send("/edits", op, op.op); }
  }

  function splitOp(bead, k) {
    var na = bead.a.length, nb = bead.b.length, at_a, at_b;
    if (S.sel.side) {
      var mine = S.sel.side === "a" ? bead.a : bead.b, pos = mine.indexOf(S.sel.id), len = mine.length;
      var cut = pos === 0 ? 1 : pos;
      var other = Math.round((S.sel.side === "a" ? nb : na) * cut / len);
      if (S.sel.side === "a") { at_a = cut; at_b = other; } else { at_b = cut; at_a = other; }
    } else {
      at_a = Math.ceil(na / 2); at_b = Math.ceil(nb / 2);
    }
    if (na + nb < 3 && na <= 1 && nb <= 1) { return need("A bead of one sentence a side cannot be split: take a sentence out with o instead."); }
    return { op: "split", bead: k, a: at_a, b: at_b };
  }

  function splitSentenceOp() {
    if (!S.sel.side) { return need("Click inside a sentence where it should be split, then press x."); }
    var row = S.rows[S.sel.bead];
    var t = row.querySelector('.s[data-side="' + S.sel.side + '"][data-id="' + S.sel.id + '"] .t');
    var sel = window.getSelection();
    if (!t || !sel.rangeCount || !t.contains(sel.anchorNode)) { return need("Click inside the sentence's text where it should be split, then press x."); }
    var range = document.createRange();
    range.setStart(t, 0);
    range.setEnd(sel.anchorNode, sel.anchorOffset);
    var at = Array.from(range.toString()).length;
    return { op: "split-sentence", side: S.sel.side, sentence: S.sel.id, at: at };
  }

  function linkOp() {
    if (!S.sel.side) { return need("Select an unaligned sentence, press l, then select its counterpart and press l again."); }
    if (!S.link || S.link.side === S.sel.side) {
      S.link = { side: S.sel.side, id: S.sel.id };
      drawInfo();
      status("Linking " + S.link.side.toUpperCase() + " " + S.link.id + ": select its counterpart and press l (Esc cancels).");
      return null;
    }
    var a = S.link.side === "a" ? S.link.id : S.sel.id, b = S.link.side === "b" ? S.link.id : S.sel.id;
    S.link = null;
    return { op: "link", a: a, b: b };
  }

  var busy = false;
  function send(path, body, what) {
    if (busy) { return; }
    busy = true;
    var started = performance.now();
    root.setAttribute("data-busy", "1");
    api("POST", "/api/pairs/" + encodeURIComponent(S.id) + path, body).then(function (data) {
      root.setAttribute("data-edit-answer-ms", (performance.now() - started).toFixed(1));
      apply(data, false);
      var k = S.sel.side !== null ? holderOf(S.sel.side, S.sel.id) : S.sel.bead;
      select(k === undefined ? S.sel.bead : k, S.sel.side, S.sel.id);
      void root.scrollWidth;
      status(what + " done; saved (version " + S.version + ")");
      afterFrame(function () { finished(started); });
    }, function (err) {
      if (err.status === 409) {
        status(errorText(err), "warning");
        reload();
      } else {
        status(errorText(err), "error");
      }
      busy = false;
      root.removeAttribute("data-busy");
    });
  }

  function afterFrame(f) { requestAnimationFrame(function () { setTimeout(f, 0); }); }

  function finished(started) {
    var ms = (performance.now() - started).toFixed(1);
    root.setAttribute("data-edit-ms", ms);
    (window.sverkaEditTimes = window.sverkaEditTimes || []).push(Number(ms));
    busy = false;
    root.removeAttribute("data-busy");
  }

  function holderOf(side, id) {
    for (var k = 0; k < S.beads.length; k++) { if ((side === "a" ? S.beads[k].a : S.beads[k].b).indexOf(id) !== -1) { return k; } }
    return undefined;
  }

  function reload() {
    api("GET", "/api/pairs/" + encodeURIComponent(S.id)).then(function (data) { S.beads = []; S.rows.forEach(function (r) { r.remove(); }); S.rows = []; apply(data, true); });
  }

  function waitForChecks(version) {
    if (S.waiting === version) { return; }
    S.waiting = version;
    api("GET", "/api/pairs/" + encodeURIComponent(S.id) + "/findings?version=" + version).then(function (data) {
      if (!S || data.version !== S.version) { return; }
      S.waiting = null;
      apply({ version: S.version, can_undo: S.canUndo, can_redo: S.canRedo, checks: data.checks, stale: S.stale,
        report: { beads: S.beads, findings: data.findings, stats: data.stats } }, false);
    }, function () { S.waiting = null; });
  }

  function toGlossary(action, i) {
    var f = S.findings[i];
    if (!f) { return; }
    status("Writing the glossary…");
    api("POST", "/api/pairs/" + encodeURIComponent(S.id) + "/glossary", { action: action, finding: { check: f.check, found: f.found, expected: f.expected } }).then(function (data) {
      apply(data.state, false);
      status("Added to " + data.file + ": " + data.row.split("\t").slice(0, 4).join(" · "));
      root.setAttribute("data-glossary-rows", String((Number(root.getAttribute("data-glossary-rows")) || 0) + 1));
    }, function (err) { status(errorText(err), "error"); });
  }

  function resetPair() {
    if (!window.confirm("Align the files again from scratch? The corrections of this pair are dropped (the old project file is kept as .bak).")) { return; }
    api("POST", "/api/pairs/" + encodeURIComponent(S.id) + "/reset", { version: S.version }).then(function (data) {
      S.rows.forEach(function (r) { r.remove(); }); S.rows = []; S.beads = [];
      apply(data, true); status("Aligned again.");
    }, function (err) { status(errorText(err), "error"); });
  }

  // ---- findings navigation ---------------------------------------------------------
  function stepFinding(step) {
    if (!S.findings.length) { status("No findings."); return; }
    var n = S.findings.length;
    var next = S.finding < 0 ? (step > 0 ? 0 : n - 1) : (S.finding + step + n) % n;
    gotoFinding(next);
  }

  function gotoFinding(i) {
    var f = S.findings[i];
    if (!f) { return; }
    S.finding = i;
    var k = f._k;
    if (k >= 0) { select(k, f.side, f.sentence); }
    markCurrentFinding();
    status("Finding " + (i + 1) + " of " + S.findings.length + ": " + f.check);
  }

  function markCurrentFinding() {
    var old = document.querySelectorAll("#findings li.current");
    for (var i = 0; i < old.length; i++) { old[i].classList.remove("current"); }
    if (S.finding < 0) { return; }
    var li = document.querySelector('#findings li[data-finding="' + S.finding + '"]');
    if (li) { li.classList.add("current"); li.scrollIntoView({ block: "nearest" }); }
  }

  // Read-only view of the state for tests and the console.
  window.sverka = { state: function () { return S; } };

  route();
})();
