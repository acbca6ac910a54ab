/* compare report: filters, chart links and (when served by `compare review`)
   the reviewer's controls. The package's own file, inlined in report.html;
   every value it reads comes from data- attributes. Works offline from disk:
   the review controls appear only when /api/review answers. */
(function () {
  "use strict";
  var doc = document;
  function byId(id) { return doc.getElementById(id); }
  function all(selector, root) {
    return Array.prototype.slice.call((root || doc).querySelectorAll(selector));
  }
  function make(tag, attrs, text) {
    var el = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text) { el.textContent = text; }
    return el;
  }

  /* ---- filters ---- */
  var form = byId("filters");
  var kindSel = byId("filter-kind"), outletSel = byId("filter-outlet"), sevSel = byId("filter-severity");
  var items = all(".filterable");
  var listed = all(".finding-item").filter(function (el) { return !el.closest(".headlines"); });

  function matches(el, kind, outlet, severity) {
    if (kind && el.getAttribute("data-kind") !== kind) { return false; }
    if (outlet && (el.getAttribute("data-outlets") || "").split(" ").indexOf(outlet) < 0) { return false; }
    if (severity && Number(el.getAttribute("data-severity")) > Number(severity)) { return false; }
    return true;
  }

  function applyFilters() {
    if (!form) { return; }
    var kind = kindSel.value, outlet = outletSel.value, severity = sevSel.value;
    var active = Boolean(kind || outlet || severity);
    items.forEach(function (el) { el.hidden = !matches(el, kind, outlet, severity); });
    all(".kind-group").forEach(function (group) {
      group.hidden = !group.querySelector(".finding-item:not([hidden])");
    });
    all(".passage").forEach(function (p) {
      if (!p.classList.contains("filterable")) { p.hidden = active; }
    });
    all(".summary-line").forEach(function (p) { p.hidden = active; });
    all(".outlet-passages").forEach(function (block) {
      block.hidden = active && !block.querySelector(".passage:not([hidden])");
    });
    var shown = listed.filter(function (el) { return !el.hidden; }).length;
    byId("filter-status").textContent = active
      ? "Showing " + shown + " of " + listed.length + " findings."
      : "Showing all " + listed.length + " findings.";
  }

  function setFilters(kind, outlet, severity) {
    if (!form) { return; }
    kindSel.value = kind; outletSel.value = outlet; sevSel.value = severity;
    if (kindSel.value !== kind) { kindSel.value = ""; }
    if (outletSel.value !== outlet) { outletSel.value = ""; }
    applyFilters();
  }

  if (form) {
    form.hidden = false;
    [kindSel, outletSel, sevSel].forEach(function (sel) { sel.addEventListener("change", applyFilters); });
    form.addEventListener("reset", function () { setTimeout(applyFilters, 0); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    applyFilters();
  }

  /* ---- chart cells jump to their findings ---- */
  function goTo(id) {
    var target = byId(id);
    if (!target) { return; }
    if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
    if (history.replaceState) { history.replaceState(null, "", "#" + id); }
  }
  all("a.hot").forEach(function (link) {
    link.addEventListener("click", function (ev) {
      ev.preventDefault();
      setFilters(link.getAttribute("data-kind") || "", link.getAttribute("data-outlet") || "", "");
      goTo(link.getAttribute("href").slice(1));
    });
  });

  /* ---- review (only when served by `compare review`) ---- */
  if (location.protocol !== "http:" && location.protocol !== "https:") { return; }
  if (typeof fetch !== "function") { return; }
  fetch("/api/review", { headers: { "Accept": "application/json" } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (state) { if (state && state.token) { startReview(state); } })
    .catch(function () { /* opened from another server: no review */ });

  function startReview(state) {
    var decisions = state.findings || {};
    var panel = byId("review-panel");
    var status = byId("review-status");
    panel.hidden = false;
    byId("review-reviewer").value = state.reviewer || "";
    byId("review-note").value = state.note || "";
    byId("review-reviewed").checked = Boolean(state.reviewed);
    function decision(id) {
      if (!decisions[id]) { decisions[id] = { decision: "kept", reason: "", note: "" }; }
      return decisions[id];
    }

    all(".finding-item[data-finding]").forEach(function (el) {
      var id = el.getAttribute("data-finding");
      if (el.closest(".headlines")) { return; }
      var box = make("span", { "class": "review-controls", "role": "group", "aria-label": "Review " + id });
      var open = make("button", { type: "button", id: "dismiss-" + id, "aria-expanded": "false" }, "Dismiss " + id + "…");
      var ask = make("span", { "class": "dismiss-form", hidden: "" });
      var reasonLabel = make("label", { "for": "reason-" + id }, "Reason ");
      var reason = make("input", { type: "text", id: "reason-" + id, size: "30" });
      var confirm = make("button", { type: "button", id: "confirm-" + id }, "Dismiss");
      ask.append(reasonLabel, reason, " ", confirm);
      var mark = make("span", { "class": "dismissed-mark", hidden: "", id: "dismissed-" + id });
      var undo = make("button", { type: "button", id: "undo-" + id }, "Undo");
      var noteLabel = make("label", { "for": "note-" + id, "class": "note-label" }, "Note on " + id + " ");
      var note = make("textarea", { id: "note-" + id, rows: "2" });
      note.value = decision(id).note || "";
      note.addEventListener("input", function () { decision(id).note = note.value; });
      function show() {
        var d = decision(id);
        var dismissed = d.decision === "dismissed";
        mark.hidden = !dismissed;
        open.hidden = dismissed;
        mark.textContent = "Dismissed when you save: " + (d.reason || "no reason given") + " ";
        mark.append(undo);
        el.classList.toggle("to-dismiss", dismissed);
      }
      open.addEventListener("click", function () {
        ask.hidden = !ask.hidden;
        open.setAttribute("aria-expanded", String(!ask.hidden));
        if (!ask.hidden) { reason.focus(); }
      });
      function dismiss() {
        var d = decision(id);
        d.decision = "dismissed"; d.reason = reason.value.trim();
        ask.hidden = true; open.setAttribute("aria-expanded", "false");
        show(); undo.focus();
      }
      confirm.addEventListener("click", dismiss);
      reason.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); dismiss(); } });
      undo.addEventListener("click", function () { decision(id).decision = "kept"; show(); open.focus(); });
      box.append(open, " ", ask, mark, make("br"), noteLabel, note);
      var host = el.tagName === "TR" ? el.lastElementChild : el;
      host.append(box);
      show();
    });

    all(".dismissed-item[data-finding]").forEach(function (el) {
      var id = el.getAttribute("data-finding");
      var d = decision(id);
      if (d.decision !== "dismissed") { d.decision = "dismissed"; d.reason = el.getAttribute("data-reason") || ""; }
      var restore = make("button", { type: "button", id: "restore-" + id }, "Restore " + id);
      var said = make("span", { "class": "restored-mark", hidden: "" }, "Restored when you save.");
      restore.addEventListener("click", function () {
        var now = decision(id);
        now.decision = now.decision === "dismissed" ? "kept" : "dismissed";
        said.hidden = now.decision === "dismissed";
        restore.textContent = (now.decision === "dismissed" ? "Restore " : "Keep dismissed ") + id;
      });
      el.append(" ", restore, " ", said);
    });

    byId("review-save").addEventListener("click", function () {
      var body = {
        reviewer: byId("review-reviewer").value,
        note: byId("review-note").value,
        reviewed: byId("review-reviewed").checked,
        findings: Object.keys(decisions).map(function (id) {
          var d = decisions[id];
          return { id: id, decision: d.decision, reason: d.reason || "", note: d.note || "" };
        })
      };
      status.textContent = "Saving and re-rendering…";
      byId("review-save").disabled = true;
      fetch("/api/review", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Compare-Token": state.token },
        body: JSON.stringify(body)
      }).then(function (r) {
        return r.json().then(function (answer) { return { ok: r.ok, answer: answer }; });
      }).then(function (result) {
        if (!result.ok) { throw new Error(result.answer.error || "save failed"); }
        status.textContent = "Saved; reloading…";
        sessionStorage.setItem("compare-review-saved", "1");
        location.reload();
      }).catch(function (err) {
        status.textContent = "Not saved: " + err.message;
        byId("review-save").disabled = false;
      });
    });
    if (sessionStorage.getItem("compare-review-saved")) {
      sessionStorage.removeItem("compare-review-saved");
      status.textContent = "Saved; the report was re-rendered.";
    }
  }
}());
