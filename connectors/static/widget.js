/* Police information assistant: the website chat widget.
 *
 * Embed with one line:
 *   <script src="https://BOT-HOST/webhooks/webchat/widget.js" data-department="danbury" defer></script>
 *
 * Plain JavaScript, no build step, no third-party code, no cookies, no trackers. It lives in a
 * shadow root so the town's styles and ours never mix. Everything a resident or the assistant
 * writes is inserted as text (textContent), never as HTML; links are built from checked URLs.
 * The conversation is kept in sessionStorage: it survives a reload and moving between pages of
 * the site, and is gone when the tab closes or the resident presses "Leave quickly".
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
  // An urgent banner in the language of its reply (the reply's `language`: en, es or pt).
  const URGENT = {
    en: {
      emergency: "Emergency: call 911 now",
      crisis: "Call or text 988 now",
      domestic_violence: "If you're in danger, call 911",
      other: "Call 911 if anyone is in danger",
      call: "Call ",
      text988: "Text 988",
    },
    es: {
      emergency: "Emergencia: llame al 911 ahora",
      crisis: "Llame o envíe un texto al 988 ahora",
      domestic_violence: "Si está en peligro, llame al 911",
      other: "Si alguien está en peligro, llame al 911",
      call: "Llamar al ",
      text988: "Texto al 988",
    },
    pt: {
      emergency: "Emergência: ligue para o 911 agora",
      crisis: "Ligue ou mande mensagem para o 988 agora",
      domestic_violence: "Se estiver em perigo, ligue para o 911",
      other: "Se alguém está em perigo, ligue para o 911",
      call: "Ligar para o ",
      text988: "Mensagem para o 988",
    },
  };

  let config = null;
  let state = load() || fresh(false);
  let queue = Promise.resolve();
  const ui = {};

  // --- storage ------------------------------------------------------------------------------
  function fresh(noticeSeen) {
    return { sender: newId(), messages: [], noticeSeen: noticeSeen, open: false };
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
  function outLink(url, label) {
    return el("a", { href: url.href, target: "_blank", rel: "noopener noreferrer" }, [
      document.createTextNode(label),
      srOnly(" (opens in a new tab)"),
    ]);
  }
  /** The assistant's text with its URLs and phone numbers as links; everything else as text. */
  function richText(text) {
    const frag = document.createDocumentFragment();
    let last = 0;
    for (const m of text.matchAll(URL_OR_PHONE)) {
      frag.append(document.createTextNode(text.slice(last, m.index)));
      const url = safeHttpUrl(m[2] || m[3] || "");
      if (m[1] && url) frag.append(outLink(url, m[1]));
      else if (m[3] && url) frag.append(outLink(url, m[3]));
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
      return el("div", { class: "pa-msg pa-user" }, [srOnly("You: "), document.createTextNode(msg.text)]);
    }
    const urgent = msg.urgency && msg.urgency !== "routine";
    const lang = Object.prototype.hasOwnProperty.call(URGENT, msg.language) ? msg.language : "en";
    const words = URGENT[lang];
    const node = el("div", { class: urgent ? "pa-msg pa-bot pa-urgent" : "pa-msg pa-bot", lang: lang });
    if (urgent) {
      if (live) node.setAttribute("role", "alert");
      node.append(el("p", { class: "pa-urgent-title", text: words[msg.urgency] || words.other }));
      const calls = el("div", { class: "pa-calls" });
      (msg.call && msg.call.length ? msg.call : ["911"]).forEach((number) => {
        calls.append(el("a", { class: "pa-call", href: telHref(number), text: words.call + number }));
        if (number === "988") calls.append(el("a", { class: "pa-call", href: "sms:988", text: words.text988 }));
      });
      node.append(calls);
    } else {
      node.append(srOnly("Assistant: "));
    }
    node.append(el("p", { class: "pa-text" }, [richText(msg.text || "")]));
    const sources = (msg.sources || []).map(safeHttpUrl).filter(Boolean);
    if (sources.length) {
      const line = el("p", { class: "pa-sources" }, [document.createTextNode(sources.length > 1 ? "Sources: " : "Source: ")]);
      const host = (url) => url.hostname.replace(/^www\./, "");
      sources.forEach((url, i) => {
        const shared = sources.filter((other) => host(other) === host(url)).length > 1;
        if (i) line.append(document.createTextNode(", "));
        line.append(outLink(url, shared ? host(url) + " (" + (i + 1) + ")" : host(url)));
      });
      node.append(line);
    }
    if (msg.buttons && msg.buttons.length) {
      const group = el("div", { class: "pa-choices", role: "group", "aria-label": "Choices" });
      msg.buttons.forEach((b) =>
        group.append(el("button", { type: "button", class: "pa-choice", text: b.title, on: { click: () => send(b.payload, b.title) } }))
      );
      node.append(group);
    }
    return node;
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
    const line = config ? " Otherwise call " + config.phone.number + "." : "";
    return [{ text: "Sorry, I can't reach the assistant right now. If anyone is in danger, call 911." + line }];
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
        body: JSON.stringify({ sender: state.sender, message: text, metadata: { department: department } }),
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
  function send(payload, shown) {
    clearChoices();
    add({ from: "user", text: shown });
    const sender = state.sender;
    queue = queue.then(async () => {
      ui.typing.hidden = false;
      ui.log.setAttribute("aria-busy", "true");
      const replies = await post(payload);
      ui.typing.hidden = true;
      ui.log.removeAttribute("aria-busy");
      if (sender !== state.sender) return; // the resident started over meanwhile
      replies.forEach((r) =>
        add({
          from: "bot",
          text: String(r.text || ""),
          buttons: Array.isArray(r.buttons) ? r.buttons : [],
          urgency: r.urgency || "routine",
          language: typeof r.language === "string" ? r.language : "en",
          call: Array.isArray(r.call) ? r.call : [],
          sources: Array.isArray(r.sources) ? r.sources : [],
        })
      );
    });
  }

  // --- the panel ----------------------------------------------------------------------------
  function greeting() {
    return {
      from: "bot",
      text: "Hi! I answer questions about the " + config.name + ": reports, parking, permits, animal control and more. What would you like to know?",
    };
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
    state = fresh(true);
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
    const title = config.town + " Police";
    root.append(el("link", { rel: "stylesheet", href: base + "widget.css" }));

    ui.launcher = el("button", {
      type: "button", class: "pa-launcher", "aria-expanded": "false", "aria-controls": "pa-panel",
      on: { click: () => setOpen(ui.panel.hidden, true) },
    }, [el("span", { class: "pa-launcher-icon", "aria-hidden": "true", text: "?" }), document.createTextNode("Ask " + title)]);

    ui.noticeOk = el("button", { type: "button", class: "pa-button", text: "OK, I understand",
      on: { click: () => { state.noticeSeen = true; save(); ui.notice.hidden = true; ui.input.focus(); } } });
    ui.notice = el("div", { class: "pa-notice", role: "note", "aria-labelledby": "pa-notice-title" }, [
      el("h3", { id: "pa-notice-title", text: "Before you start" }),
      el("ul", {}, [
        el("li", { text: "This is an automated assistant. It is not monitored around the clock and can't send help. It is not for emergencies: call 911." }),
        el("li", { text: "Please don't share personal details such as names, dates of birth, addresses or case numbers." }),
        el("li", { text: "Messages may be kept, and may be released as public records." }),
      ]),
      ui.noticeOk,
    ]);
    ui.notice.hidden = state.noticeSeen;

    ui.log = el("div", { class: "pa-log", role: "log", "aria-live": "polite", "aria-label": "Conversation with the assistant", tabindex: "0" });
    ui.typing = el("p", { class: "pa-typing", text: "The assistant is typing…" });
    ui.typing.hidden = true;
    ui.input = el("textarea", { id: "pa-input", class: "pa-input", rows: "2", maxlength: String(MAX_CHARS), autocomplete: "off", placeholder: "Type your question" });
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
      el("label", { for: "pa-input", class: "pa-sr", text: "Your question" }),
      ui.input,
      el("button", { type: "submit", class: "pa-button pa-send", text: "Send" }),
    ]);

    ui.panel = el("section", { id: "pa-panel", class: "pa-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "pa-title", lang: "en" }, [
      el("div", { class: "pa-header" }, [
        el("h2", { id: "pa-title", class: "pa-title" }, [document.createTextNode(title), el("span", { class: "pa-subtitle", text: "Information assistant (automated)" })]),
        el("div", { class: "pa-actions" }, [
          el("button", { type: "button", class: "pa-leave", text: "Leave quickly", title: "Clear this chat and go to another website", on: { click: leaveQuickly } }),
          el("button", { type: "button", class: "pa-header-button", text: "New chat", on: { click: startOver } }),
          el("button", { type: "button", class: "pa-header-button", "aria-label": "Close chat", on: { click: () => setOpen(false, true) } }, [el("span", { "aria-hidden": "true", text: "✕" })]),
        ]),
      ]),
      ui.notice,
      ui.log,
      ui.typing,
      el("p", { class: "pa-emergency" }, [
        document.createTextNode("Emergency? "),
        el("a", { href: "tel:911", text: "Call 911" }),
        document.createTextNode(" · Police: "), // not "non-emergency": a town's line may be unconfirmed
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
