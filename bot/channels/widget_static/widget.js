/*
 * Store assistant chat widget. Plain modern JavaScript, no dependencies, no build step.
 *
 * Embed with one tag (the store id is required, the rest optional):
 *   <script src="https://ASSISTANT/webhooks/widget/widget.js" data-store="tisa" defer></script>
 *     data-language="fa|ru"   language of the widget's own texts and a hint for the assistant
 *                             (default: the store's language)
 *     data-endpoint="URL"     the REST webhook (default: /webhooks/rest/webhook on the script's origin);
 *                             conversations are started at "conversations" next to it, which
 *                             answers the signed conversation id every message then carries
 *     data-history="URL"      the history endpoint (default: history next to this script); while a
 *                             person is wanted the widget asks "updates" next to it every 2 s for
 *                             the agent's messages
 *     data-accent="#a4286a"   the main colour
 *     data-open="true"        open the chat window when the page loads
 *     data-greet="false"      do not ask the assistant for a greeting when a conversation starts
 *     data-timeout="20000"    milliseconds before a request counts as timed out
 *
 * Customer and assistant text is only ever inserted as text nodes; links are built as <a>
 * elements whose href is checked to be http(s) or mailto.
 */
(() => {
  "use strict";

  const script = document.currentScript ||
    document.querySelector('script[data-store][src*="widget.js"]');
  if (!script || window.__storeAssistantWidget) return;

  const TEXTS = {
    fa: {
      launcher: "گفتگو با پشتیبانی",
      title: "پشتیبانی {name}",
      titlePlain: "پشتیبانی",
      close: "بستن گفتگو",
      newConversation: "گفتگوی تازه",
      newStarted: "گفتگوی تازه شروع شد.",
      log: "پیام‌های گفتگو",
      you: "شما",
      assistant: "دستیار",
      agent: "پشتیبان",
      typing: "دستیار در حال نوشتن است…",
      replies: "پاسخ‌های پیشنهادی",
      inputLabel: "متن پیام",
      placeholder: "پیامتان را بنویسید…",
      send: "ارسال",
      offline: "ارتباط با سرور برقرار نشد.",
      timeout: "پاسخ سرور بیش از حد طول کشید.",
      server: "سرور موقتاً در دسترس نیست.",
      retrying: "چند لحظه‌ی دیگر دوباره تلاش می‌کنیم…",
      retry: "تلاش دوباره",
      notSent: "ارسال نشد",
      loading: "در حال بارگیری گفتگو…",
      historyFailed: "تاریخچه‌ی گفتگو بارگیری نشد.",
      opensInNewTab: "(در زبانه‌ی تازه باز می‌شود)",
    },
    ru: {
      launcher: "Чат с поддержкой",
      title: "Поддержка {name}",
      titlePlain: "Поддержка",
      close: "Закрыть чат",
      newConversation: "Новый разговор",
      newStarted: "Начат новый разговор.",
      log: "Сообщения чата",
      you: "Вы",
      assistant: "Помощник",
      agent: "Оператор",
      typing: "Помощник печатает…",
      replies: "Варианты ответа",
      inputLabel: "Текст сообщения",
      placeholder: "Напишите сообщение…",
      send: "Отправить",
      offline: "Не удалось связаться с сервером.",
      timeout: "Сервер слишком долго не отвечает.",
      server: "Сервер временно недоступен.",
      retrying: "Попробуем ещё раз через несколько секунд…",
      retry: "Повторить",
      notSent: "Не отправлено",
      loading: "Загружаем разговор…",
      historyFailed: "Не удалось загрузить историю разговора.",
      opensInNewTab: "(откроется в новой вкладке)",
    },
  };
  const LOCALES = { fa: "fa-IR", ru: "ru-RU" };
  const MAX_LENGTH = 2000;        // the REST channel's limit (bot/settings.py)
  const AUTO_RETRIES = 3;         // then the customer retries with the button
  // Links: http(s) URLs, www. addresses, e-mail addresses, and bare domains of the stores' countries.
  const LINK = new RegExp([
    String.raw`https?:\/\/[^\s<>"'«»]+`,
    String.raw`www\.[^\s<>"'«»]+`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    String.raw`\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:ir|com|ge|ru|org|net|info|shop)\b(?:\/[^\s<>"'«»]*)?`,
  ].join("|"), "gi");
  const TRAILING = /[.,;:!?)\]»"'،؛؟…]+$/;

  const language = (value) => {
    const code = String(value || "").trim().toLowerCase().slice(0, 2);
    return code in TEXTS ? code : null;
  };

  const scriptUrl = new URL(script.src, document.baseURI);
  const base = scriptUrl.href.replace(/\/[^/]*$/, "");
  const data = script.dataset;
  const options = {
    store: (data.store || "").trim(),
    language: language(data.language),
    endpoint: data.endpoint || `${scriptUrl.origin}/webhooks/rest/webhook`,
    history: data.history || `${base}/history`,
    pollEvery: 2000,                // ms between asks for an agent's messages while a person is wanted
    config: `${base}/config`,
    stylesheet: `${base}/widget.css`,
    accent: data.accent || "",
    open: data.open === "true",
    greet: data.greet !== "false",
    timeout: Math.max(1000, Number(data.timeout) || 20000),
    retryDelay: Math.max(100, Number(data.retryDelay) || 1500),
  };

  /* Storage that survives a browser that refuses it (private mode, blocked cookies). */
  const memory = new Map();
  const store = (kind) => ({
    get(key) {
      try { return window[kind].getItem(key); } catch (_) { return memory.get(kind + key) ?? null; }
    },
    set(key, value) {
      try { window[kind].setItem(key, value); } catch (_) { memory.set(kind + key, value); }
    },
  });
  const local = store("localStorage");
  const session = store("sessionStorage");
  const senderKey = `storeAssistant:${options.store}:sender`;
  const openKey = `storeAssistant:${options.store}:open`;

  options.conversations = new URL("conversations", new URL(options.endpoint, document.baseURI)).href;
  options.updates = new URL("updates", new URL(options.history, document.baseURI)).href;
  /* Only ids the server signed ("c1.<store>.…") are kept; older or foreign ones are dropped. */
  const signed = (id) => (typeof id === "string" && id.startsWith(`c1.${options.store}.`) ? id : null);

  /* Element helper: tag, attributes, children (strings become text nodes). */
  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === false || value === null || value === undefined) continue;
      if (name === "className") node.className = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(typeof child === "string" ? document.createTextNode(child) : child);
      }
    }
    return node;
  };

  const safeHref = (raw) => {
    let href = raw;
    if (/^[\w.+-]+@/.test(raw) && !/^https?:/i.test(raw)) href = "mailto:" + raw;
    else if (!/^https?:\/\//i.test(raw)) href = "https://" + raw;
    try {
      const url = new URL(href);
      return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
    } catch (_) {
      return null;
    }
  };

  /* Text with its links made clickable, as nodes: never HTML. */
  const linkify = (text, t) => {
    const nodes = [];
    let last = 0;
    for (const match of text.matchAll(LINK)) {
      let raw = match[0];
      const trailing = raw.match(TRAILING);
      if (trailing) raw = raw.slice(0, -trailing[0].length);
      const href = raw && safeHref(raw);
      if (!href) continue;
      if (match.index > last) nodes.push(text.slice(last, match.index));
      const external = !href.startsWith("mailto:");
      nodes.push(el("a", {
        href, dir: "ltr",
        target: external ? "_blank" : null,
        rel: external ? "noopener noreferrer nofollow" : null,
        title: external ? t.opensInNewTab : null,
      }, raw));
      last = match.index + raw.length;
    }
    if (last < text.length) nodes.push(text.slice(last));
    return nodes;
  };

  class RequestFailure extends Error {
    constructor(kind, message, permanent = false, code = null) {
      super(message || kind);
      this.kind = kind;           // offline | timeout | server | refused
      this.permanent = permanent; // a 4xx: retrying the same request will not help
      this.code = code;           // the server's error code, e.g. "forbidden_conversation"
    }
  }
  /* The server no longer knows this conversation id (a new secret, another store): start anew. */
  const stale = (failure) => failure.code === "forbidden_conversation" || failure.code === "store_mismatch";

  /* fetch with a timeout; failures become RequestFailure with a kind the UI can name. */
  const request = async (url, init, lang, timeout = options.timeout) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    let reply;
    try {
      reply = await fetch(url, { ...init, signal: controller.signal, credentials: "omit" });
    } catch (error) {
      throw new RequestFailure(error && error.name === "AbortError" ? "timeout" : "offline");
    } finally {
      clearTimeout(timer);
    }
    let body = null;
    try { body = await reply.json(); } catch (_) { body = null; }
    if (reply.status >= 400 && reply.status < 500) {
      const said = body && (body[lang] || body.fa || body.ru);
      throw new RequestFailure("refused", typeof said === "string" ? said : `HTTP ${reply.status}`, true,
        body && typeof body.error === "string" ? body.error : null);
    }
    if (!reply.ok || body === null) throw new RequestFailure("server");
    return body;
  };

  class Widget {
    constructor(config) {
      this.lang = options.language || language(config && config.language) ||
        language(document.documentElement.lang) || "fa";
      this.t = TEXTS[this.lang];
      this.storeName = config && config.name && config.name[this.lang];
      this.sender = signed(local.get(senderKey));
      this.conversation = 0;      // bumped by "new conversation": late answers are dropped
      this.after = 0;             // the last agent message shown (numbered by the server)
      this.polling = null;        // the timer while a person is wanted or holds the conversation
      this.queue = Promise.resolve();
      this.retryNow = null;
      this.build();
      if (this.sender) this.loadHistory(this.conversation);
      if (options.open || session.get(openKey) === "1") this.open(false);
    }

    build() {
      const t = this.t;
      this.host = el("div", { id: "store-assistant-widget" });
      this.host.style.display = "none"; // until the stylesheet is in: no flash of raw markup
      const shadow = this.host.attachShadow({ mode: "open" });
      const css = el("link", { rel: "stylesheet", href: options.stylesheet });
      css.addEventListener("load", () => { this.host.style.display = ""; });
      css.addEventListener("error", () => { this.host.style.display = ""; });
      if (options.accent && window.CSS && CSS.supports("color", options.accent)) {
        this.host.style.setProperty("--saw-accent", options.accent);
      }
      const title = this.storeName ? t.title.replace("{name}", this.storeName) : t.titlePlain;

      this.launcher = el("button", {
        type: "button", className: "saw-launcher", "aria-expanded": "false", "aria-controls": "saw-window",
        onclick: () => (this.isOpen() ? this.close() : this.open(true)),
      }, this.icon(), el("span", { className: "saw-launcher-label" }, t.launcher));

      this.log = el("div", {
        className: "saw-log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
        "aria-label": t.log, tabindex: "0",
      });
      this.typing = el("div", { className: "saw-typing", role: "status", hidden: true },
        el("span", { className: "saw-dots", "aria-hidden": "true" }, el("span"), el("span"), el("span")),
        el("span", { className: "saw-sr" }, t.typing));
      this.status = el("div", { className: "saw-sr", role: "status" });
      this.errorText = el("p", { className: "saw-error-text", dir: "auto" });
      this.retryButton = el("button", {
        type: "button", className: "saw-retry", onclick: () => this.retryNow && this.retryNow(),
      }, t.retry);
      this.error = el("div", { className: "saw-error", role: "alert", hidden: true }, this.errorText, this.retryButton);
      this.input = el("textarea", {
        id: "saw-input", className: "saw-input", rows: "1", dir: "auto", maxlength: String(MAX_LENGTH),
        placeholder: t.placeholder, enterkeyhint: "send", autocomplete: "off",
        oninput: () => this.resizeInput(),
        onkeydown: (event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
            event.preventDefault();
            this.submit();
          }
        },
      });
      this.sendButton = el("button", { type: "submit", className: "saw-send", "aria-label": t.send, title: t.send },
        this.sendIcon());
      const form = el("form", {
        className: "saw-form", onsubmit: (event) => { event.preventDefault(); this.submit(); },
      }, el("label", { for: "saw-input", className: "saw-sr" }, t.inputLabel), this.input, this.sendButton);

      this.window = el("section", {
        id: "saw-window", className: "saw-window", role: "dialog", "aria-labelledby": "saw-title", hidden: true,
        onkeydown: (event) => { if (event.key === "Escape") { event.stopPropagation(); this.close(); } },
      },
        el("header", { className: "saw-header" },
          el("h2", { id: "saw-title", className: "saw-title" }, title),
          el("button", { type: "button", className: "saw-new", onclick: () => this.restart() }, t.newConversation),
          el("button", { type: "button", className: "saw-close", "aria-label": t.close, title: t.close,
            onclick: () => this.close() }, el("span", { "aria-hidden": "true" }, "×"))),
        this.log, this.typing, this.error, form, this.status);

      this.root = el("div", { className: "saw", dir: this.lang === "fa" ? "rtl" : "ltr", lang: this.lang },
        this.window, this.launcher);
      shadow.append(css, this.root);
      document.body.append(this.host);
    }

    icon() {
      const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("viewBox", "0 0 24 24");
      svg.setAttribute("aria-hidden", "true");
      svg.setAttribute("focusable", "false");
      const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
      path.setAttribute("d", "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z");
      svg.append(path);
      return svg;
    }

    sendIcon() {
      const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("viewBox", "0 0 24 24");
      svg.setAttribute("aria-hidden", "true");
      svg.setAttribute("focusable", "false");
      svg.setAttribute("class", "saw-send-icon");
      const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
      path.setAttribute("d", "M3 20l18-8L3 4v6l12 2-12 2z");
      svg.append(path);
      return svg;
    }

    isOpen() { return !this.window.hidden; }

    open(focus) {
      this.window.hidden = false;
      this.launcher.setAttribute("aria-expanded", "true");
      this.root.classList.add("saw--open");
      session.set(openKey, "1");
      this.scrollDown();
      if (focus) this.input.focus({ preventScroll: true });
      if (!this.sender && !this.starting) this.startConversation();
    }

    close() {
      this.window.hidden = true;
      this.launcher.setAttribute("aria-expanded", "false");
      this.root.classList.remove("saw--open");
      session.set(openKey, "0");
      this.launcher.focus({ preventScroll: true });
    }

    /* A new conversation; the assistant's greeting (with its buttons) opens it. Its id is asked
       for when the first message goes out (see conversationId). */
    startConversation() {
      this.forgetConversation();
      this.starting = true;
      if (options.greet) this.enqueue({ message: "/greet", shown: null });
    }

    forgetConversation() {
      this.sender = null;
      local.set(senderKey, "");
    }

    /* The signed id of this conversation, asked of the server the first time it is needed. */
    async conversationId() {
      if (this.sender) return this.sender;
      const started = await request(options.conversations, {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ store: options.store }),
      }, this.lang);
      const id = signed(started && started.sender);
      if (!id) throw new RequestFailure("server");
      this.sender = id;
      this.starting = false;
      local.set(senderKey, id);
      return id;
    }

    restart() {
      this.conversation += 1;
      this.stopListening();
      this.queue = Promise.resolve();
      if (this.retryNow) this.retryNow(); // releases a wait; the stale delivery then stops
      this.hideError();
      this.setTyping(false);
      this.log.replaceChildren();
      this.startConversation();
      this.status.textContent = this.t.newStarted;
      this.input.value = "";
      this.resizeInput();
      this.input.focus({ preventScroll: true });
    }

    submit() {
      const text = this.input.value.trim();
      if (!text) return;
      this.input.value = "";
      this.resizeInput();
      this.send(text, text);
    }

    /* `message` goes to the assistant; `shown` is the customer's bubble (a button's title). */
    send(message, shown) {
      if (!this.sender && !this.starting) this.startConversation();
      const bubble = this.renderMessage({ role: "user", text: shown, timestamp: Date.now() / 1000 });
      this.disableOldReplies();
      this.enqueue({ message, shown: bubble });
    }

    enqueue(item) {
      const conversation = this.conversation;
      this.queue = this.queue.then(() => this.deliver(item, conversation))
        .catch((error) => console.error("store assistant widget:", error)); // the next message still goes
    }

    async deliver(item, conversation) {
      const body = { message: item.message, metadata: { store: options.store } };
      if (options.language) body.metadata.language = options.language;
      let renewed = false;
      for (let attempt = 1; conversation === this.conversation; attempt += 1) {
        this.setTyping(true);
        try {
          body.sender = await this.conversationId();
          if (conversation !== this.conversation) return;
          const replies = await request(options.endpoint, {
            method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
          }, this.lang);
          if (conversation !== this.conversation) return;
          this.setTyping(false);
          this.hideError();
          if (item.shown) item.shown.classList.remove("saw-msg--failed");
          for (const reply of Array.isArray(replies) ? replies : []) {
            if (reply && reply.custom && reply.custom.handoff) { this.listen(conversation); continue; }
            this.renderMessage({ role: "bot", text: reply.text, buttons: reply.buttons, image: reply.image,
              timestamp: Date.now() / 1000 });
          }
          return;
        } catch (failure) {
          if (conversation !== this.conversation) return;
          this.setTyping(false);
          if (stale(failure) && !renewed) { // once: the message goes to a new conversation
            renewed = true;
            this.forgetConversation();
            attempt = 0;
            continue;
          }
          if (item.shown) item.shown.classList.add("saw-msg--failed");
          if (failure.permanent) {
            this.showError(failure.message, false);
            return;
          }
          const automatic = attempt <= AUTO_RETRIES;
          await this.waitToRetry(this.t[failure.kind] || this.t.server, automatic,
            options.retryDelay * 2 ** (attempt - 1));
          if (!automatic) attempt = 0;
        }
      }
    }

    /* Shows the error and resolves after the delay (automatic) or when "retry" is pressed. */
    waitToRetry(message, automatic, delay) {
      this.showError(automatic ? `${message} ${this.t.retrying}` : message, true);
      return new Promise((resolve) => {
        const timer = automatic ? setTimeout(() => done(), delay) : null;
        const done = () => {
          clearTimeout(timer);
          this.retryNow = null;
          this.retryButton.disabled = true; // until this attempt fails too
          resolve();
        };
        this.retryNow = done;
      });
    }

    showError(message, retry) {
      this.errorText.textContent = message;
      this.retryButton.hidden = !retry;
      this.retryButton.disabled = false;
      this.error.hidden = false;
      this.root.classList.add("saw--error");
    }

    hideError() {
      this.error.hidden = true;
      this.root.classList.remove("saw--error");
    }

    setTyping(on) {
      this.typing.hidden = !on;
      if (on) this.scrollDown();
    }

    async loadHistory(conversation) {
      const url = new URL(options.history, document.baseURI);
      url.searchParams.set("sender", this.sender);
      url.searchParams.set("store", options.store);
      this.log.setAttribute("aria-busy", "true");
      try {
        await this.fetchHistory(url, conversation);
      } finally {
        this.log.removeAttribute("aria-busy");
      }
    }

    async fetchHistory(url, conversation) {
      for (let attempt = 1; conversation === this.conversation; attempt += 1) {
        try {
          const history = await request(url.href, { method: "GET" }, this.lang);
          if (conversation !== this.conversation) return;
          this.hideError();
          const earlier = (history && Array.isArray(history.messages)) ? history.messages : [];
          const fragment = document.createDocumentFragment();
          for (const message of earlier) fragment.append(this.messageNode(message));
          this.log.prepend(fragment);
          this.disableOldReplies();
          this.scrollDown();
          const handoff = history && history.handoff;
          if (handoff) {
            this.after = Math.max(this.after, Number(handoff.after) || 0);
            this.listen(conversation);
          }
          return;
        } catch (failure) {
          if (conversation !== this.conversation) return;
          if (stale(failure)) { // nothing to show; an open window starts a new conversation at once
            this.forgetConversation();
            if (!this.window.hidden && !this.starting) this.startConversation();
            return;
          }
          if (failure.permanent) { this.showError(failure.message, false); return; }
          const automatic = attempt <= AUTO_RETRIES;
          await this.waitToRetry(`${this.t.historyFailed} ${this.t[failure.kind] || ""}`.trim(), automatic,
            options.retryDelay * 2 ** (attempt - 1));
          if (!automatic) attempt = 0;
        }
      }
    }

    /* While a person is wanted or holds the conversation: ask for the agent's messages every 2 s, show each once,
       stop when the agent hands back (the state is then null) or the customer starts a new conversation. */
    listen(conversation) {
      if (this.polling || conversation !== this.conversation) return;
      const tick = async () => {
        if (conversation !== this.conversation || !this.sender) { this.stopListening(); return; }
        let reply = null;
        try {
          const url = new URL(options.updates);
          url.searchParams.set("sender", this.sender);
          url.searchParams.set("store", options.store);
          url.searchParams.set("after", String(this.after));
          reply = await request(url.href, { method: "GET" }, this.lang);
        } catch (_) {
          reply = null; // a missed poll is retried at the next tick
        }
        if (conversation !== this.conversation) return;
        if (reply) {
          for (const message of Array.isArray(reply.messages) ? reply.messages : []) {
            if (typeof message.id === "number" && message.id <= this.after) continue;
            this.after = Math.max(this.after, Number(message.id) || 0);
            this.renderMessage(message);
          }
          if (!reply.handoff) { this.stopListening(); return; }
        }
        this.polling = setTimeout(tick, options.pollEvery);
      };
      this.polling = setTimeout(tick, options.pollEvery);
    }

    stopListening() {
      clearTimeout(this.polling);
      this.polling = null;
    }

    /* Only the replies offered after the customer's last message stay clickable. */
    disableOldReplies() {
      const messages = [...this.log.querySelectorAll(".saw-msg")];
      const lastUser = messages.map((message) => message.dataset.role).lastIndexOf("user");
      messages.slice(0, Math.max(lastUser, 0)).forEach((message) => {
        for (const button of message.querySelectorAll(".saw-reply")) button.disabled = true;
      });
    }

    renderMessage(message) {
      const node = this.messageNode(message);
      this.log.append(node);
      this.scrollDown();
      return node;
    }

    messageNode(message) {
      const t = this.t;
      const role = ["user", "agent"].includes(message.role) ? message.role : "bot";
      const text = typeof message.text === "string" ? message.text : "";
      const node = el("div", { className: `saw-msg saw-msg--${role === "user" ? "user" : "bot"}`, "data-role": role });
      if (role === "agent") {
        node.classList.add("saw-msg--agent");
        node.append(el("span", { className: "saw-author", dir: "auto" },
          typeof message.agent === "string" ? `${t.agent} · ${message.agent}` : t.agent));
      } else {
        node.append(el("span", { className: "saw-sr" }, `${role === "user" ? t.you : t.assistant}: `));
      }
      if (text) node.append(el("p", { className: "saw-bubble", dir: "auto" }, linkify(text, t)));
      const image = typeof message.image === "string" && /^https?:\/\//i.test(message.image)
        ? safeHref(message.image) : null;
      if (image) node.append(el("img", { className: "saw-image", src: image, alt: "", loading: "lazy" }));
      const buttons = Array.isArray(message.buttons) ? message.buttons.filter(
        (b) => b && typeof b.title === "string" && typeof b.payload === "string") : [];
      if (buttons.length) {
        node.append(el("div", { className: "saw-replies", role: "group", "aria-label": t.replies },
          buttons.map((b) => el("button", {
            type: "button", className: "saw-reply", dir: "auto",
            onclick: () => { this.send(b.payload, b.title); this.input.focus({ preventScroll: true }); },
          }, b.title))));
      }
      const time = this.timeNode(message.timestamp);
      if (time) node.append(time);
      if (role === "user") node.append(el("span", { className: "saw-failed-note", dir: "auto" }, t.notSent));
      return node;
    }

    timeNode(seconds) {
      if (typeof seconds !== "number" || !isFinite(seconds)) return null;
      const date = new Date(seconds * 1000);
      const today = new Date().toDateString() === date.toDateString();
      const locale = LOCALES[this.lang];
      const short = new Intl.DateTimeFormat(locale, today
        ? { hour: "2-digit", minute: "2-digit" }
        : { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(date);
      const full = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short" }).format(date);
      return el("time", { className: "saw-time", datetime: date.toISOString(), title: full }, short);
    }

    resizeInput() {
      this.input.style.height = "auto";
      this.input.style.height = `${Math.min(this.input.scrollHeight, 140)}px`;
    }

    scrollDown() {
      requestAnimationFrame(() => { this.log.scrollTop = this.log.scrollHeight; });
    }
  }

  /* The store's language and name; without them the widget still works (page language, else Persian). */
  const start = async () => {
    if (window.__storeAssistantWidget) return;
    window.__storeAssistantWidget = true;
    let config = null;
    try {
      const url = new URL(options.config, document.baseURI);
      url.searchParams.set("store", options.store);
      config = await request(url.href, { method: "GET" }, "fa", Math.min(options.timeout, 5000));
    } catch (_) {
      config = null;
    }
    window.__storeAssistantWidget = new Widget(config);
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();
