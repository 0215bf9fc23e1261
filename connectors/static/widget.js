/* Police information assistant: the website chat widget.
 *
 * Embed with one line:
 *   <script src="https://BOT-HOST/webhooks/webchat/widget.js" data-department="danbury" defer></script>
 *
 * Plain JavaScript, no build step, no third-party code, no cookies, no trackers. It lives in a
 * shadow root so the town's styles and ours never mix. Everything a resident or the assistant
 * writes is inserted as text (textContent), never as HTML; links are built from checked URLs.
 * The conversation is kept in sessionStorage: it survives a reload and moving between pages of
 * the site, and is gone when the tab closes or the resident presses "Leave quickly". So is each
 * answer's rating ("Was this answer helpful?"), which is also sent to the server (POST rate).
 */
(function () {
  "use strict";

  const script = document.currentScript;
  if (!script || window.__policeAssistantLoaded) return;
  window.__policeAssistantLoaded = true;

  const department = script.getAttribute("data-department") || "";
  const base = new URL(".", script.src).href; // .../webhooks/webchat/
  const PREFIX = "police-assistant:";
  const storeKey = PREFIX + department;
  const MAX_CHARS = 1000;
  const TIMEOUT_MS = 30000;
  const URL_OR_PHONE = new RegExp(
    [
      "\\[([^\\]\\n]{1,200})\\]\\((https?://[^\\s)]+)\\)", // [title](https://...)
      "(https?://[^\\s<>()\"']+[^\\s<>()\"'.,;:!?])", // a bare URL
      "((?:1-)?(?:\\(\\d{3}\\) ?|\\d{3}-)\\d{3}-\\d{4})", // 860-523-5203, (888) 774-2900
      "\\b(911|988|311)\\b",
    ].join("|"),
    "g"
  );
  // The widget's own texts come with the config, in every language the assistant speaks
  // (bot/domain.yml, utter_widget_*). The page's language is the first guess; each reply says
  // its language and the widget follows it.
  const pageLanguage = (script.getAttribute("data-language") || document.documentElement.lang || "en")
    .slice(0, 2)
    .toLowerCase();
  const labels = []; // [node, attribute or "text", text key]: relabelled when the language changes
  const userNodes = new WeakMap(); // the resident's message -> its node (its lang, once known)
  const datedNotices = []; // [node, {id, texts}]: rewritten in the language too

  let config = null;
  let state = load() || fresh(false);
  let queue = Promise.resolve();
  const ui = {};

  // --- storage ------------------------------------------------------------------------------
  function fresh(noticeSeen) {
    return { sender: newId(), messages: [], noticeSeen: noticeSeen, open: false, lang: null };
  }

  // --- languages ----------------------------------------------------------------------------
  function known(lang) {
    return config && config.languages.indexOf(lang) >= 0;
  }
  function currentLanguage() {
    if (known(state.lang)) return state.lang;
    return known(pageLanguage) ? pageLanguage : "en";
  }
  function T(key, lang, number) {
    const texts = config.texts[known(lang) ? lang : currentLanguage()];
    const text = texts[key] !== undefined ? texts[key] : config.texts.en[key];
    return number === undefined ? text : text.replace("{number}", number);
  }
  function label(node, key, attribute) {
    labels.push([node, attribute || "text", key]);
    return node;
  }
  function relabel() {
    const lang = currentLanguage();
    labels.forEach(([node, attribute, key]) => {
      if (attribute === "text") node.textContent = T(key, lang);
      else if (attribute === "spaced") node.textContent = " " + T(key, lang);
      else node.setAttribute(attribute, T(key, lang));
    });
    datedNotices.forEach(([node, notice]) => {
      node.replaceChildren(richText(notice.texts[lang] || notice.texts.en || "", lang));
    });
    ui.panel.setAttribute("lang", lang);
    ui.launcher.setAttribute("lang", lang);
    ui.about.href = aboutUrl(lang);
  }
  function aboutUrl(lang) {
    return base + "about?department=" + encodeURIComponent(department) + "&lang=" + encodeURIComponent(lang);
  }
  function follow(lang) {
    if (!known(lang) || lang === currentLanguage()) return;
    state.lang = lang;
    save();
    relabel();
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  function load() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(storeKey) || "null");
      return saved && typeof saved.sender === "string" && Array.isArray(saved.messages) ? saved : null;
    } catch (e) {
      return null;
    }
  }
  function save() {
    try {
      sessionStorage.setItem(storeKey, JSON.stringify(state));
    } catch (e) {
      /* private mode or full: the chat still works for this page */
    }
  }
  function forgetEverything() {
    for (const storage of [sessionStorage, localStorage]) {
      try {
        Object.keys(storage)
          .filter((key) => key.startsWith(PREFIX))
          .forEach((key) => storage.removeItem(key));
      } catch (e) {
        /* storage blocked: nothing was kept */
      }
    }
  }

  // --- building blocks ----------------------------------------------------------------------
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "on") Object.entries(value).forEach(([ev, fn]) => node.addEventListener(ev, fn));
      else node.setAttribute(key, value);
    }
    (children || []).forEach((child) => child && node.append(child));
    return node;
  }
  function srOnly(text) {
    return el("span", { class: "pa-sr", text: text });
  }
  function safeHttpUrl(raw) {
    try {
      const url = new URL(raw);
      return url.protocol === "https:" || url.protocol === "http:" ? url : null;
    } catch (e) {
      return null;
    }
  }
  function telHref(number) {
    const digits = number.replace(/\D/g, "");
    if (digits.length <= 3) return "tel:" + digits;
    return "tel:+" + (digits.length === 10 ? "1" + digits : digits);
  }
  function outLink(url, label, lang) {
    return el("a", { href: url.href, target: "_blank", rel: "noopener noreferrer" }, [
      document.createTextNode(label),
      srOnly(" " + T("new_tab", lang)),
    ]);
  }
  /** The assistant's text with its URLs and phone numbers as links; everything else as text. */
  function richText(text, lang) {
    const frag = document.createDocumentFragment();
    let last = 0;
    for (const m of text.matchAll(URL_OR_PHONE)) {
      frag.append(document.createTextNode(text.slice(last, m.index)));
      const url = safeHttpUrl(m[2] || m[3] || "");
      if (m[1] && url) frag.append(outLink(url, m[1], lang));
      else if (m[3] && url) frag.append(outLink(url, m[3], lang));
      else if (m[4] || m[5]) frag.append(el("a", { href: telHref(m[4] || m[5]), text: m[4] || m[5] }));
      else frag.append(document.createTextNode(m[0]));
      last = m.index + m[0].length;
    }
    frag.append(document.createTextNode(text.slice(last)));
    return frag;
  }

  // --- messages -----------------------------------------------------------------------------
  function messageNode(msg, live) {
    if (msg.from === "user") {
      // In the language the assistant read it in (the reply says so), so that a screen reader
      // pronounces it as written (WCAG 3.1.2); until then, the panel's
      const attrs = known(msg.language) ? { class: "pa-msg pa-user", lang: msg.language } : { class: "pa-msg pa-user" };
      const node = el("div", attrs, [srOnly(T("you", msg.language) + " "), document.createTextNode(msg.text)]);
      userNodes.set(msg, node);
      return node;
    }
    const urgent = msg.urgency && msg.urgency !== "routine";
    const lang = known(msg.language) ? msg.language : "en";
    const node = el("div", { class: urgent ? "pa-msg pa-bot pa-urgent" : "pa-msg pa-bot", lang: lang });
    if (urgent) {
      if (live) node.setAttribute("role", "alert");
      const title = config.texts[lang]["urgent_" + msg.urgency] || T("urgent_other", lang);
      node.append(el("p", { class: "pa-urgent-title", text: title }));
      const calls = el("div", { class: "pa-calls" });
      (msg.call && msg.call.length ? msg.call : ["911"]).forEach((number) => {
        calls.append(el("a", { class: "pa-call", href: telHref(number), text: T("urgent_call", lang, number) }));
        if (number === "988") calls.append(el("a", { class: "pa-call", href: "sms:988", text: T("urgent_text988", lang) }));
      });
      node.append(calls);
    } else {
      node.append(srOnly(T("assistant", lang) + " "));
    }
    node.append(el("p", { class: "pa-text" }, [richText(msg.text || "", lang)]));
    // the resident named another town: say whose answer this is, since the page is this town's
    const other = msg.department && msg.department !== department && (config.towns || {})[msg.department];
    if (other) {
      node.append(el("p", { class: "pa-other-town", text: T("other_town", lang).replace("{other}", other) }));
    }
    const sources = (msg.sources || []).map(safeHttpUrl).filter(Boolean);
    if (sources.length) {
      const line = el("p", { class: "pa-sources" }, [document.createTextNode(T(sources.length > 1 ? "sources" : "source", lang) + " ")]);
      const host = (url) => url.hostname.replace(/^www\./, "");
      sources.forEach((url, i) => {
        const shared = sources.filter((other) => host(other) === host(url)).length > 1;
        if (i) line.append(document.createTextNode(", "));
        line.append(outLink(url, shared ? host(url) + " (" + (i + 1) + ")" : host(url), lang));
      });
      node.append(line);
    }
    if (!urgent && msg.rateable) node.append(ratingNode(msg, lang));
    if (msg.buttons && msg.buttons.length) {
      const group = el("div", { class: "pa-choices", role: "group", "aria-label": T("choices", lang) });
      msg.buttons.forEach((b) =>
        group.append(el("button", { type: "button", class: "pa-choice", text: b.title, on: { click: () => send(b.payload, b.title) } }))
      );
      node.append(group);
    }
    return node;
  }
  // --- ratings: "Was this answer helpful?" under a routine, sourced answer, never an urgent one
  const SVG = "http://www.w3.org/2000/svg";
  const THUMB = "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z";
  let ratingIds = 0;
  function thumb(down) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "pa-thumb");
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", THUMB);
    if (down) path.setAttribute("transform", "rotate(180 12 12)");
    svg.append(path);
    return svg;
  }
  function thanks(lang) {
    return el("p", { class: "pa-rate-thanks", tabindex: "-1", text: T("rate_thanks", lang) });
  }
  function ratingNode(msg, lang) {
    const box = el("div", { class: "pa-rate" });
    if (msg.rated) {
      box.append(thanks(lang));
      return box;
    }
    const id = "pa-rate-" + ++ratingIds;
    const buttons = ["up", "down"].map((choice) =>
      el("button", { type: "button", class: "pa-rate-button", "data-rating": choice, on: { click: () => rate(msg, choice, box, buttons, lang) } }, [
        thumb(choice === "down"),
        document.createTextNode(T("rate_" + choice, lang)),
      ])
    );
    box.append(el("p", { id: id, class: "pa-rate-prompt", text: T("rate_prompt", lang) }), el("div", { class: "pa-rate-buttons", role: "group", "aria-labelledby": id }, buttons));
    return box;
  }
  async function rate(msg, choice, box, buttons, lang) {
    if (box.dataset.busy) return;
    box.dataset.busy = "1";
    buttons.forEach((b) => b.setAttribute("aria-disabled", "true"));
    const hadFocus = box.contains(ui.root.activeElement);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    let stored = false;
    try {
      const res = await fetch(base + "rate", {
        method: "POST",
        mode: "cors",
        credentials: "omit",
        headers: { "Content-Type": "text/plain;charset=UTF-8" }, // JSON, without a CORS preflight
        body: JSON.stringify({ sender: state.sender, rating: choice, topic: msg.topic }),
        signal: abort.signal,
      });
      stored = res.ok;
    } catch (e) {
      stored = false;
    } finally {
      clearTimeout(timer);
    }
    delete box.dataset.busy;
    buttons.forEach((b) => b.removeAttribute("aria-disabled"));
    if (!stored) return; // the buttons stay: the resident may try again
    msg.rated = choice;
    save();
    const note = thanks(lang);
    box.replaceChildren(note);
    if (hadFocus) note.focus(); // the pressed button is gone: keep the keyboard user's place
  }

  function show(msg, live) {
    const node = messageNode(msg, live);
    ui.log.append(node);
    // A reply is read from its start (an urgent one starts with the number to call).
    ui.log.scrollTop = msg.from === "user" ? ui.log.scrollHeight : node.offsetTop - 8;
  }
  function add(msg) {
    state.messages.push(msg);
    save();
    show(msg, true);
  }
  function clearChoices() {
    const hadFocus = ui.root.activeElement && ui.root.activeElement.classList.contains("pa-choice");
    ui.log.querySelectorAll(".pa-choices").forEach((g) => g.remove());
    state.messages.forEach((m) => delete m.buttons);
    if (hadFocus) ui.input.focus();
  }

  // --- talking to the assistant -------------------------------------------------------------
  function unreachable() {
    return [{ text: T("unreachable"), language: currentLanguage() }];
  }
  async function post(text) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    try {
      const res = await fetch(base + "message", {
        method: "POST",
        mode: "cors",
        credentials: "omit",
        headers: { "Content-Type": "text/plain;charset=UTF-8" }, // JSON, sent without a CORS preflight
        body: JSON.stringify({
          sender: state.sender,
          message: text,
          metadata: { department: department, language: pageLanguage },
        }),
        signal: abort.signal,
      });
      const data = await res.json().catch(() => null);
      return data && Array.isArray(data.messages) && data.messages.length ? data.messages : unreachable();
    } catch (e) {
      return unreachable();
    } finally {
      clearTimeout(timer);
    }
  }
  /** The resident's message takes the language the assistant read it in. */
  function settleLanguage(msg, lang) {
    const node = userNodes.get(msg);
    if (!known(lang) || msg.language === lang) return;
    msg.language = lang;
    save();
    if (node) {
      node.setAttribute("lang", lang);
      node.firstChild.textContent = T("you", lang) + " ";
    }
  }
  function send(payload, shown) {
    clearChoices();
    const mine = { from: "user", text: shown };
    add(mine);
    const sender = state.sender;
    queue = queue.then(async () => {
      ui.typing.hidden = false;
      ui.log.setAttribute("aria-busy", "true");
      const replies = await post(payload);
      ui.typing.hidden = true;
      ui.log.removeAttribute("aria-busy");
      if (sender !== state.sender) return; // the resident started over meanwhile
      if (replies.length) {
        follow(replies[replies.length - 1].language);
        settleLanguage(mine, replies[0].language);
      }
      // A reply to an urgent message is never followed by "Was this helpful?", even under the
      // routine answer that may come after the urgent banner.
      const urgentTurn = replies.some((r) => r.urgency && r.urgency !== "routine");
      replies.forEach((r) => {
        const sources = Array.isArray(r.sources) ? r.sources : [];
        const topic = typeof r.topic === "string" && r.topic ? r.topic : null;
        const urgency = r.urgency || "routine";
        add({
          from: "bot",
          text: String(r.text || ""),
          buttons: Array.isArray(r.buttons) ? r.buttons : [],
          urgency: urgency,
          language: known(r.language) ? r.language : currentLanguage(),
          call: Array.isArray(r.call) ? r.call : [],
          sources: sources,
          topic: topic,
          department: typeof r.department === "string" ? r.department : null,
          rateable: Boolean(topic) && urgency === "routine" && sources.length > 0 && !urgentTurn,
        });
      });
    });
  }

  // --- the panel ----------------------------------------------------------------------------
  function greeting() {
    return { from: "bot", text: T("greeting"), language: currentLanguage() };
  }
  function setOpen(open, moveFocus) {
    state.open = open;
    save();
    ui.panel.hidden = !open;
    ui.launcher.setAttribute("aria-expanded", String(open));
    if (open) {
      ui.log.scrollTop = ui.log.scrollHeight;
      if (moveFocus) (state.noticeSeen ? ui.input : ui.noticeOk).focus();
    } else if (moveFocus) {
      ui.launcher.focus();
    }
  }
  function startOver() {
    const lang = state.lang; // a new conversation, in the same language
    state = fresh(true);
    state.lang = lang;
    ui.log.replaceChildren();
    add(greeting());
    state.open = true;
    save();
    ui.input.focus();
  }
  function leaveQuickly() {
    forgetEverything();
    state = fresh(false);
    ui.host.remove();
    window.location.replace(config ? config.leave_url : "https://www.google.com/");
  }

  function build() {
    const host = el("div", { id: "police-assistant" });
    host.style.setProperty("--pa-color", config.color);
    const root = host.attachShadow({ mode: "open" });
    root.append(el("link", { rel: "stylesheet", href: base + "widget.css" }));

    ui.launcher = el("button", {
      type: "button", class: "pa-launcher", "aria-expanded": "false", "aria-controls": "pa-panel",
      on: { click: () => setOpen(ui.panel.hidden, true) },
    }, [el("span", { class: "pa-launcher-icon", "aria-hidden": "true", text: "?" }), label(el("span"), "launcher")]);

    ui.noticeOk = label(el("button", { type: "button", class: "pa-button",
      on: { click: () => { state.noticeSeen = true; save(); ui.notice.hidden = true; ui.input.focus(); } } }), "notice_ok");
    // "How this assistant works": the public page, in the widget's language (relabel sets href).
    ui.about = el("a", { class: "pa-about", target: "_blank", rel: "noopener" }, [label(el("span"), "about_link"), label(srOnly(""), "new_tab", "spaced")]);
    ui.notice = el("div", { class: "pa-notice", role: "note", "aria-labelledby": "pa-notice-title" }, [
      label(el("h3", { id: "pa-notice-title" }), "notice_title"),
      el("ul", {}, [
        label(el("li"), "notice_automated"),
        label(el("li"), "notice_personal"),
        label(el("li"), "notice_records"),
      ]),
      el("p", { class: "pa-about-line" }, [ui.about]),
      ui.noticeOk,
    ]);
    ui.notice.hidden = state.noticeSeen;
    // The town's dated notices in force now (a snow emergency, a closed lobby): always shown
    // at the top while they last; the server leaves out the ones that have ended.
    ui.dated = el("div", { class: "pa-dated", role: "note" });
    (config.notices || []).forEach((notice) => {
      const node = el("p", { class: "pa-dated-item", "data-notice": notice.id });
      datedNotices.push([node, notice]);
      ui.dated.append(node);
    });
    ui.dated.hidden = !datedNotices.length;

    ui.log = label(el("div", { class: "pa-log", role: "log", "aria-live": "polite", tabindex: "0" }), "log_label", "aria-label");
    ui.typing = label(el("p", { class: "pa-typing" }), "typing");
    ui.typing.hidden = true;
    ui.input = el("textarea", { id: "pa-input", class: "pa-input", rows: "2", maxlength: String(MAX_CHARS), autocomplete: "off" });
    label(ui.input, "placeholder", "placeholder");
    ui.input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
        ev.preventDefault();
        if (ui.form.requestSubmit) ui.form.requestSubmit();
        else ui.form.dispatchEvent(new Event("submit", { cancelable: true }));
      }
    });
    ui.form = el("form", { class: "pa-form", on: { submit: (ev) => {
      ev.preventDefault();
      const text = ui.input.value.trim();
      if (!text) return ui.input.focus();
      ui.input.value = "";
      send(text, text);
    } } }, [
      label(el("label", { for: "pa-input", class: "pa-sr" }), "input_label"),
      ui.input,
      label(el("button", { type: "submit", class: "pa-button pa-send" }), "send"),
    ]);

    ui.panel = el("section", { id: "pa-panel", class: "pa-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "pa-title" }, [
      el("div", { class: "pa-header" }, [
        el("h2", { id: "pa-title", class: "pa-title" }, [label(el("span"), "title"), label(el("span", { class: "pa-subtitle" }), "subtitle")]),
        el("div", { class: "pa-actions" }, [
          label(label(el("button", { type: "button", class: "pa-leave", on: { click: leaveQuickly } }), "leave"), "leave_title", "title"),
          label(el("button", { type: "button", class: "pa-header-button", on: { click: startOver } }), "new_chat"),
          label(el("button", { type: "button", class: "pa-header-button", on: { click: () => setOpen(false, true) } }, [el("span", { "aria-hidden": "true", text: "✕" })]), "close", "aria-label"),
        ]),
      ]),
      ui.dated,
      ui.notice,
      ui.log,
      ui.typing,
      el("p", { class: "pa-emergency" }, [
        label(el("span"), "emergency"),
        document.createTextNode(" "),
        label(el("a", { href: "tel:911" }), "call_911"),
        document.createTextNode(" · "),
        label(el("span"), "police"), // not "non-emergency": a town's line may be unconfirmed
        document.createTextNode(" "),
        el("a", { href: telHref(config.phone.number), text: config.phone.number }),
      ]),
      ui.form,
    ]);
    ui.panel.hidden = true;
    ui.panel.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape") {
        ev.stopPropagation();
        setOpen(false, true);
      }
    });

    root.append(ui.panel, ui.launcher);
    relabel();
    ui.host = host;
    ui.root = root;
    if (!state.messages.length) state.messages.push(greeting()); // saved once the chat is opened
    state.messages.forEach((m) => show(m, false)); // restored: not announced again
    document.body.append(host);
    if (state.open) setOpen(true, false);
  }

  async function start() {
    try {
      const res = await fetch(base + "config?department=" + encodeURIComponent(department), { mode: "cors", credentials: "omit" });
      if (!res.ok) throw new Error("config: HTTP " + res.status);
      config = await res.json();
    } catch (e) {
      console.error("Police assistant: not shown (" + e.message + "). Check data-department and the allowed origins.");
      return;
    }
    build();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
