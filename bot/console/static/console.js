/*
 * The agents' console: sign in; try replies and see what the assistant understood (and keep
 * corrections and test stories); take the conversations handed off to a person and write to
 * the customer; read past conversations; see the figures.
 *
 * Plain modern JavaScript, no dependencies, no build step. The page runs under a strict
 * Content-Security-Policy (no inline script, no style attributes): the structure is in
 * index.html, everything else is built here with el()/svg(), and whatever comes from the
 * server or a customer is only ever inserted as text nodes or attribute values, never as HTML.
 * Customer texts are Persian (right-to-left) or Russian: every bubble takes the direction of
 * most of its letters (textDir), and the conversation columns of a Persian store are right-to-left.
 *
 * The API is under api/ next to this script (see bot/console/api.py). Every POST carries the
 * session's CSRF token in X-Console-CSRF; a 401 from any call brings back the sign-in form.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  const API = new URL("api/", script ? script.src : window.location.href).href;
  const QUEUE_EVERY = 3000;        // ms; the queue's polling also tells the server the agent is online
  const TRANSCRIPT_EVERY = 2000;   // ms; an open conversation of the queue
  const SEARCH_DELAY = 400;        // ms after the last keystroke in the search box
  const RANKING = 5;               // intents shown in the ranking
  const SVG = "http://www.w3.org/2000/svg";
  const RTL = new Set(["fa", "ar", "he", "ur"]);
  const TABS = ["try", "queue", "conversations", "figures"];
  const OUTCOMES = { answered: "Answered", handed_off: "Handed off", abandoned: "Abandoned" };
  const CHANNELS = { widget: "Website widget", telegram: "Telegram", rest: "REST" };
  const REASONS = { asked: "asked for a person", unclear: "not understood twice", locked: "locked out of an order" };
  // Links in the assistant's replies, as the widget shows them: http(s), www., e-mail, bare domains.
  const LINK = new RegExp([
    String.raw`https?:\/\/[^\s<>"'«»]+`,
    String.raw`www\.[^\s<>"'«»]+`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    String.raw`\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:ir|com|ge|ru|org|net|info|shop)\b(?:\/[^\s<>"'«»]*)?`,
  ].join("|"), "gi");
  const TRAILING = /[.,;:!?)\]»"'،؛؟…]+$/;

  const $ = (id) => document.getElementById(id);

  /* Element helper: tag, attributes, children (strings become text nodes). */
  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    setAttributes(node, attributes);
    appendChildren(node, children);
    return node;
  };

  /* The same for SVG elements (the chart and the ranking bars): attributes, never styles. */
  const svg = (tag, attributes = {}, ...children) => {
    const node = document.createElementNS(SVG, tag);
    setAttributes(node, attributes);
    appendChildren(node, children);
    return node;
  };

  function setAttributes(node, attributes) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === false || value === null || value === undefined) continue;
      if (name === "className") node.setAttribute("class", value);
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
  }

  function appendChildren(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child))
          : child);
      }
    }
  }

  const text = (value) => (typeof value === "string" ? value : value === null || value === undefined ? ""
    : String(value));
  /* A text's direction by most of its letters, links and e-mail addresses left out; "auto" without letters.
     Not by its first letter (what dir="auto" does): "maryam از پشتیبانی تیسا …" is a right-to-left sentence,
     "Citadel: доставка …" a left-to-right one, "Заказ TS-1041" too. */
  const RTL_LETTERS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/g;
  const LTR_LETTERS = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u052F]/g;
  const textDir = (value) => {
    const plain = text(value).replace(LINK, " ");
    const rtl = (plain.match(RTL_LETTERS) || []).length;
    const ltr = (plain.match(LTR_LETTERS) || []).length;
    return rtl > ltr ? "rtl" : ltr > rtl ? "ltr" : "auto";
  };
  const isRtl = (language) => RTL.has(String(language || "").slice(0, 2).toLowerCase());
  const dirOf = (language) => (language ? (isRtl(language) ? "rtl" : "ltr") : "auto");
  const number = (value) => (typeof value === "number" && isFinite(value) ? value : null);

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

  /* A reply's text with its links made clickable, as nodes: never HTML. */
  const linkify = (value) => {
    const source = text(value);
    const nodes = [];
    let last = 0;
    for (const match of source.matchAll(LINK)) {
      let raw = match[0];
      const trailing = raw.match(TRAILING);
      if (trailing) raw = raw.slice(0, -trailing[0].length);
      const href = raw && safeHref(raw);
      if (!href) continue;
      if (match.index > last) nodes.push(source.slice(last, match.index));
      const external = !href.startsWith("mailto:");
      nodes.push(el("a", {
        href, dir: "ltr", target: external ? "_blank" : null, rel: external ? "noopener noreferrer nofollow" : null,
      }, raw));
      last = match.index + raw.length;
    }
    if (last < source.length) nodes.push(source.slice(last));
    return nodes;
  };

  /* Times: ISO strings or Unix seconds; shown short, with the full date as a tooltip. */
  const toDate = (value) => {
    if (typeof value === "number" && isFinite(value)) return new Date(value > 1e12 ? value : value * 1000);
    if (typeof value === "string" && value) {
      const date = new Date(value);
      if (!isNaN(date.getTime())) return date;
    }
    return null;
  };
  const SHORT = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });
  const DAY_SHORT = new Intl.DateTimeFormat("en-GB",
    { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const FULL = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "medium" });
  const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

  const timeNode = (value, { relative = false, className = "time" } = {}) => {
    const date = toDate(value);
    if (!date) return value ? el("span", { className }, text(value)) : null;
    const today = new Date().toDateString() === date.toDateString();
    let shown = (today ? SHORT : DAY_SHORT).format(date);
    if (relative) {
      const seconds = Math.round((date.getTime() - Date.now()) / 1000);
      const minutes = Math.round(seconds / 60);
      if (Math.abs(seconds) < 60) shown = "just now";
      else if (Math.abs(minutes) < 60) shown = RELATIVE.format(minutes, "minute");
      else if (Math.abs(minutes) < 24 * 60) shown = RELATIVE.format(Math.round(minutes / 60), "hour");
      else shown = RELATIVE.format(Math.round(minutes / 1440), "day");
    }
    return el("time", { className, datetime: date.toISOString(), title: FULL.format(date) }, shown);
  };

  /* ---------------------------------------------------------------- the API */

  class ApiError extends Error {
    constructor(status, data, message, retryAfter = null) {
      super(message);
      this.status = status;        // 0: the server could not be reached
      this.data = data;            // the JSON answer, when there was one
      this.retryAfter = retryAfter;
    }
  }

  const describe = (status, data) => {
    const said = data && (typeof data.message === "string" ? data.message
      : typeof data.error === "string" ? data.error.replace(/_/g, " ") : null);
    if (status === 403) return `Refused (HTTP 403${said ? `: ${said}` : ""}). Reload the page if this goes on.`;
    if (status === 404) return `Not found${said ? ` (${said})` : ""}: it may not be one of your stores.`;
    if (status === 429) return "Too many requests: wait a moment and try again.";
    if (status >= 500) return `The server had a problem (HTTP ${status}). Try again in a moment.`;
    return `The request failed (HTTP ${status}${said ? `: ${said}` : ""}).`;
  };

  const query = (path, params) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== null && value !== undefined && value !== "") search.set(name, String(value));
    }
    const encoded = search.toString();
    return encoded ? `${path}?${encoded}` : path;
  };
  const conversationPath = (id, tail = "") => `conversations/${encodeURIComponent(id)}${tail ? `/${tail}` : ""}`;

  /* One call of the API; JSON in and out, the session cookie, the CSRF header on every POST. */
  async function api(method, path, body) {
    const init = { method, credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } };
    if (method !== "GET") {
      init.headers["Content-Type"] = "application/json";
      if (state.me && state.me.csrf) init.headers["X-Console-CSRF"] = state.me.csrf;
      init.body = JSON.stringify(body === undefined ? {} : body);
    }
    let reply;
    try {
      reply = await fetch(API + path, init);
    } catch (_) {
      throw new ApiError(0, null, "The server cannot be reached. Check the connection; the page keeps trying.");
    }
    let data = null;
    if (reply.status !== 204) {
      try { data = await reply.json(); } catch (_) { data = null; }
    }
    if (reply.status === 401 && path !== "login") sessionEnded();
    if (!reply.ok) {
      const header = Number(reply.headers.get("Retry-After"));
      const retryAfter = number(data && data.retry_after) ?? (isFinite(header) && header > 0 ? header : null);
      throw new ApiError(reply.status, data, describe(reply.status, data), retryAfter);
    }
    return data;
  }

  /* ---------------------------------------------------------------- state */

  const state = {
    me: null,            // {agent, stores, csrf, names, languages}
    session: 0,          // bumped at every sign-in and sign-out: late answers of an old session are dropped
    tab: "try",
    intents: null,       // a promise of the intent names
  };

  const alive = (session) => state.me !== null && session === state.session;

  const storeLanguage = (store) => (state.me && state.me.languages && state.me.languages[store]) || null;
  const storeName = (store) => {
    const names = state.me && state.me.names && state.me.names[store];
    if (!names) return store;
    return names[storeLanguage(store)] || names.fa || names.ru || store;
  };
  /* "tisa · تیسا": the id, then the name in the store's language, isolated for direction. */
  const storeLabel = (store) => {
    const name = storeName(store);
    return name && name !== store ? `${store} · \u2068${name}\u2069` : store;
  };

  const show = (node, message) => {
    node.textContent = message || "";
    node.hidden = !message;
  };

  /* ---------------------------------------------------------------- signing in and out */

  let loginWait = null;

  function showLogin(note) {
    $("boot").hidden = true;
    $("app").hidden = true;
    $("login").hidden = false;
    show($("login-note"), note);
    show($("login-error"), "");
    $("login-password").value = "";
    document.title = "Sign in · Support console";
    $(($("login-agent").value ? "login-password" : "login-agent")).focus();
  }

  async function submitLogin(event) {
    event.preventDefault();
    if (loginWait) return;
    const agent = $("login-agent").value.trim();
    const password = $("login-password").value;
    if (!agent || !password) {
      show($("login-error"), "Enter your agent name and your password.");
      $(agent ? "login-password" : "login-agent").focus();
      return;
    }
    const button = $("login-submit");
    button.disabled = true;
    show($("login-error"), "");
    try {
      const answer = await api("POST", "login", { agent, password });
      state.me = { ...answer };
      const me = await api("GET", "me");
      await signedIn(me);
    } catch (error) {
      state.me = null;
      if (error.status === 401) {
        show($("login-error"), "Wrong agent name or password.");
        $("login-password").select();
      } else if (error.status === 429) {
        waitBeforeLogin(Math.ceil(error.retryAfter || 60));
        return;
      } else {
        show($("login-error"), error.message);
      }
    } finally {
      if (!loginWait) button.disabled = false;
    }
  }

  /* Too many failed sign-ins: the button waits, and the message counts down. */
  function waitBeforeLogin(seconds) {
    const button = $("login-submit");
    let left = seconds;
    const tick = () => {
      if (left <= 0) {
        clearInterval(loginWait);
        loginWait = null;
        button.disabled = false;
        show($("login-error"), "You can try again now.");
        return;
      }
      show($("login-error"), `Too many sign-in attempts. Try again in ${left}\u00a0s.`);
      left -= 1;
    };
    button.disabled = true;
    clearInterval(loginWait);
    loginWait = setInterval(tick, 1000);
    tick();
  }

  async function signedIn(me) {
    if (!me || typeof me.agent !== "string") throw new ApiError(500, me, "The server's answer was not understood.");
    const csrf = me.csrf || (state.me && state.me.csrf);
    state.me = { ...me, csrf, stores: Array.isArray(me.stores) ? me.stores : [] };
    state.session += 1;
    state.intents = null;
    $("agent-name").textContent = me.agent;
    fillStoreSelects();
    $("boot").hidden = true;
    $("login").hidden = true;
    $("app").hidden = false;
    show($("app-error"), "");
    resetTry();
    closeLive();
    closeReadOnly();
    queue.nodes.clear();
    $("queue-list").replaceChildren();
    const wanted = window.location.hash.slice(1);
    selectTab(TABS.includes(wanted) ? wanted : "try", false);
    pollQueue(state.session);
    if (state.tab === "try") $("try-input").focus();
  }

  /* Stops everything of the session on this page (the server's session is already gone or ended). */
  function signedOut(note) {
    state.me = null;
    state.session += 1;
    clearTimeout(queue.timer);
    clearTimeout(live.timer);
    clearTimeout(conversations.timer);
    live.id = null;
    $("agent-name").textContent = "";
    $("try-log").replaceChildren();
    $("queue-list").replaceChildren();
    $("queue-transcript").replaceChildren();
    $("conv-list").replaceChildren();
    $("conv-transcript").replaceChildren();
    queue.nodes.clear();
    showLogin(note);
  }

  function sessionEnded() {
    if (state.me) signedOut("Your session has ended. Sign in again.");
  }

  async function logout() {
    const button = $("logout");
    button.disabled = true;
    try {
      await api("POST", "logout");
      signedOut("You have signed out.");
    } catch (error) {
      if (error.status !== 401) show($("app-error"), `Signing out failed: ${error.message}`);
    } finally {
      button.disabled = false;
    }
  }

  function fillStoreSelects() {
    const stores = state.me.stores;
    const option = (store) => el("option", { value: store }, storeLabel(store));
    const tryStore = $("try-store");
    const kept = tryStore.value;
    tryStore.replaceChildren(...stores.map(option));
    if (stores.includes(kept)) tryStore.value = kept;
    for (const id of ["queue-store", "conv-store", "fig-store"]) {
      const select = $(id);
      const before = select.value;
      select.replaceChildren(el("option", { value: "" }, "All my stores"), ...stores.map(option));
      if (stores.includes(before)) select.value = before;
    }
  }

  /* The intent names, asked once per session. */
  function intents() {
    if (!state.intents) {
      state.intents = api("GET", "intents").then(
        (answer) => (answer && Array.isArray(answer.intents) ? answer.intents.filter((n) => typeof n === "string")
          : []),
        (error) => { state.intents = null; throw error; });
    }
    return state.intents;
  }

  /* ---------------------------------------------------------------- tabs */

  function selectTab(name, focus = true) {
    state.tab = name;
    for (const tab of TABS) {
      const button = $(`tab-${tab}`);
      const selected = tab === name;
      button.setAttribute("aria-selected", String(selected));
      button.tabIndex = selected ? 0 : -1;
      $(`panel-${tab}`).hidden = !selected;
    }
    if (focus) $(`tab-${name}`).focus();
    if (window.location.hash !== `#${name}`) window.history.replaceState(null, "", `#${name}`);
    if (name === "queue" && live.id) refreshLive(state.session);
    if (name === "conversations") loadConversations();
    if (name === "figures") loadFigures();
  }

  function tabKeys(event) {
    const index = TABS.indexOf(state.tab);
    const moves = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: TABS.length - 1 - index };
    if (!(event.key in moves)) return;
    event.preventDefault();
    selectTab(TABS[(index + moves[event.key] + TABS.length) % TABS.length]);
  }

  /* Enter sends, Shift+Enter is a new line (as in the widget); not while composing (IME). */
  const sendOnEnter = (form) => (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      form.requestSubmit();
    }
  };

  /* ---------------------------------------------------------------- a. Try a reply */

  const trial = { conversation: null, turns: [], pending: false, generation: 0 };

  function resetTry() {
    trial.conversation = null;
    trial.turns = [];
    trial.pending = false;
    trial.generation += 1;
    $("try-log").replaceChildren();
    $("try-empty").hidden = false;
    $("try-conversation").textContent = "";
    $("try-status").textContent = "";
    show($("try-error"), "");
    $("try-send").disabled = false;
    $("story-name").value = "";
    $("story-result").replaceChildren();
    updateStoryForm();
    const language = storeLanguage($("try-store").value);
    $("try-log").dataset.language = language || "";
    $("try-log").dataset.dir = dirOf(language);
  }

  function updateStoryForm() {
    const ready = Boolean(trial.conversation) && !trial.pending;
    $("story-name").disabled = !ready;
    $("story-save").disabled = !ready;
  }

  function submitTry(event) {
    event.preventDefault();
    const input = $("try-input");
    const message = input.value.trim();
    if (!message || trial.pending) return;
    input.value = "";
    sendTry(message, message);
  }

  /* `message` goes to the assistant; `shown` is the customer's bubble (a button's title). */
  async function sendTry(message, shown) {
    if (trial.pending) return;
    const session = state.session;
    const generation = trial.generation;
    const store = $("try-store").value;
    const language = storeLanguage(store);
    const turn = tryTurn(shown, message, store, language);
    $("try-empty").hidden = true;
    $("try-log").append(turn.node);
    disableOldButtons();
    turn.node.scrollIntoView({ block: "end" });
    trial.pending = true;
    $("try-send").disabled = true;
    $("try-status").textContent = "The assistant is answering…";
    show($("try-error"), "");
    updateStoryForm();
    try {
      const answer = await api("POST", "try", { store, message, conversation: trial.conversation });
      if (!alive(session) || generation !== trial.generation) return;
      trial.conversation = typeof answer.conversation === "string" ? answer.conversation : trial.conversation;
      $("try-conversation").textContent = trial.conversation || "";
      fillTurn(turn, answer);
      turn.node.scrollIntoView({ block: "start" });  // a tall answer is read from its top
      $("try-status").textContent = `Answered (${(answer.replies || []).length} ${
        (answer.replies || []).length === 1 ? "reply" : "replies"}).`;
    } catch (error) {
      if (!alive(session) || generation !== trial.generation) return;
      turn.node.classList.add("try-turn--failed");
      turn.pending.replaceChildren("Not answered.");
      $("try-status").textContent = "";
      show($("try-error"), error.message);
    } finally {
      if (generation === trial.generation) {
        trial.pending = false;
        $("try-send").disabled = false;
        updateStoryForm();
      }
    }
  }

  /* One exchange: the customer's message and the replies, and beside them the understanding. */
  function tryTurn(shown, message, store, language) {
    const index = trial.turns.length;
    const chat = el("div", { className: "try-chat", dir: dirOf(language), lang: language || null },
      el("div", { className: "msg msg--customer", "data-author": "customer" },
        el("span", { className: "sr" }, "Customer: "),
        el("p", { className: "bubble try-message", dir: textDir(shown) }, shown)));
    const pending = el("p", { className: "typing muted", role: "status" }, "…");
    chat.append(pending);
    const understanding = el("aside", {
      className: "understanding", "aria-label": `What the assistant understood (message ${index + 1})` },
      el("p", { className: "muted small" }, "Waiting for the answer…"));
    const node = el("article", { className: "try-turn", "data-turn": String(index), "data-store": store,
      "aria-label": `Message ${index + 1}` }, chat, understanding);
    const turn = { node, chat, pending, understanding, message, shown, store, index };
    trial.turns.push(turn);
    return turn;
  }

  function fillTurn(turn, answer) {
    const understood = answer.understanding && typeof answer.understanding === "object" ? answer.understanding : {};
    turn.turn = Number.isInteger(answer.turn) ? answer.turn : turn.index;
    turn.node.dataset.turn = String(turn.turn);
    turn.intent = understood.intent && understood.intent.name;
    const language = typeof understood.language === "string" ? understood.language : null;
    if (language) turn.chat.querySelector(".bubble").setAttribute("lang", language);
    const replies = Array.isArray(answer.replies) ? answer.replies : [];
    turn.pending.replaceWith(...(replies.length ? replies.map((reply) => replyNode(reply, language))
      : [el("p", { className: "muted small no-reply" }, "(no reply)")]));
    turn.understanding.replaceChildren(...understandingNodes(understood, turn));
  }

  /* A reply as the customer sees it: the bubble, and its buttons, which send their payload. */
  function replyNode(reply, language) {
    const node = el("div", { className: "msg msg--bot try-reply", "data-author": "bot" },
      el("span", { className: "sr" }, "Assistant: "));
    const body = reply && typeof reply === "object" ? reply : { text: text(reply) };
    if (body.text) node.append(el("p", { className: "bubble", dir: textDir(body.text), lang: language },
      linkify(body.text)));
    if (typeof body.image === "string" && body.image) {
      const href = safeHref(body.image);
      node.append(el("p", { className: "bubble bubble--note small" }, "Image: ",
        href ? el("a", { href, target: "_blank", rel: "noopener noreferrer nofollow", dir: "ltr" }, body.image)
          : body.image));
    }
    const buttons = (Array.isArray(body.buttons) ? body.buttons : []).filter(
      (b) => b && typeof b.title === "string" && typeof b.payload === "string");
    if (buttons.length) {
      node.append(el("div", { className: "buttons", role: "group", "aria-label": "Buttons of this reply" },
        buttons.map((b) => el("button", {
          type: "button", className: "try-button", dir: textDir(b.title), title: b.payload, "data-payload": b.payload,
          onclick: () => sendTry(b.payload, b.title),
        }, b.title))));
    }
    return node;
  }

  /* Only the buttons of the last answer stay clickable, as in the widget. */
  function disableOldButtons() {
    for (const turn of trial.turns.slice(0, -1)) {
      for (const button of turn.node.querySelectorAll(".try-button")) button.disabled = true;
    }
  }

  const percent = (value) => (number(value) === null ? "" : value.toFixed(2));

  function bar(value) {
    const width = Math.max(0, Math.min(1, number(value) || 0)) * 100;
    return svg("svg", { className: "bar", viewBox: "0 0 100 10", preserveAspectRatio: "none", width: "100%",
      height: "10", "aria-hidden": "true", focusable: "false" },
    svg("rect", { className: "bar-track", x: 0, y: 0, width: 100, height: 10, rx: 2 }),
    svg("rect", { className: "bar-fill", x: 0, y: 0, width: width.toFixed(1), height: 10, rx: 2 }));
  }

  function section(title, className, ...content) {
    return el("section", { className: `u-section ${className}` }, el("h3", {}, title), ...content);
  }

  const none = () => el("p", { className: "muted small" }, "none");

  function understandingNodes(understood, turn) {
    const intent = understood.intent && typeof understood.intent === "object" ? understood.intent : {};
    const head = el("dl", { className: "u-head" },
      el("div", {}, el("dt", {}, "Language"), el("dd", { className: "language" }, text(understood.language) || "?")),
      el("div", {}, el("dt", {}, "Intent"), el("dd", {},
        el("code", { className: "intent" }, text(intent.name) || "?"), " ",
        el("span", { className: "confidence", title: "confidence" }, percent(intent.confidence)))),
      el("div", {}, el("dt", {}, "Policy"), el("dd", { className: "policy" }, text(understood.policy) || "?")));

    const ranking = (Array.isArray(understood.intent_ranking) ? understood.intent_ranking : []).slice(0, RANKING);
    const rankingList = ranking.length ? el("ol", { className: "ranking" }, ranking.map((entry) => el("li", {
      className: entry && entry.name === intent.name ? "ranking-item ranking-item--chosen" : "ranking-item" },
    el("code", { className: "ranking-name" }, text(entry && entry.name)),
    bar(entry && entry.confidence),
    el("span", { className: "ranking-value" }, percent(entry && entry.confidence))))) : none();

    const entities = Array.isArray(understood.entities) ? understood.entities : [];
    const entityList = entities.length ? el("ul", { className: "entities" }, entities.map((entity) => el("li", {},
      el("code", {}, text(entity && entity.entity)), " = ",
      el("bdi", { className: "entity-value", dir: textDir(valueText(entity && entity.value)) },
        valueText(entity && entity.value))))) : none();

    const slots = understood.slots && typeof understood.slots === "object" ? Object.entries(understood.slots) : [];
    const slotList = slots.length ? el("dl", { className: "slots" }, slots.map(([name, value]) => el("div", {},
      el("dt", {}, el("code", {}, name)), el("dd", { dir: textDir(valueText(value)) }, valueText(value))))) : none();

    const actions = Array.isArray(understood.actions) ? understood.actions : [];
    const actionList = actions.length ? el("ol", { className: "actions" }, actions.map((action) => {
      const item = action && typeof action === "object" ? action : { name: text(action) };
      return el("li", {}, el("code", { className: "action-name" }, text(item.name)),
        item.policy ? el("span", { className: "action-policy muted" }, ` ${item.policy}`) : null,
        number(item.confidence) !== null ? el("span", { className: "muted" }, ` ${percent(item.confidence)}`) : null);
    })) : none();

    const sources = Array.isArray(understood.sources) ? understood.sources : [];
    const sourceList = sources.length ? el("ul", { className: "sources" }, sources.map((source) => el("li", {
      className: "source" },
    el("span", { className: "source-unit" },
      el("code", {}, `${text(source && source.store)} · ${text(source && source.unit)}`)),
    el("blockquote", { className: "source-sentence", dir: textDir(source && source.sentence),
      lang: storeLanguage(source && source.store) },
      text(source && source.sentence))))) : el("p", { className: "muted small" }, "No store rule behind this reply.");

    return [
      head,
      section("Intent ranking", "u-ranking", rankingList),
      section("Entities", "u-entities", entityList),
      section("Slots", "u-slots", slotList),
      section("Actions", "u-actions", actionList),
      section("Sources", "u-sources", sourceList),
      correctionForm(turn),
    ];
  }

  const valueText = (value) => (typeof value === "string" ? value : JSON.stringify(value));

  /* "Keep it": the right intent for this customer message, saved as a training example. */
  function correctionForm(turn) {
    if (turn.message.startsWith("/")) {
      return el("p", { className: "correction muted small" },
        `A button (${turn.message}): nothing to keep as an example.`);
    }
    const id = `correction-${trial.generation}-${turn.index}`;
    const select = el("select", { id, className: "correction-intent", disabled: true },
      el("option", { value: turn.intent || "" }, turn.intent || "loading…"));
    const save = el("button", { type: "submit", className: "correction-save", disabled: true }, "Keep as example");
    const result = el("p", { className: "correction-result result small", role: "status" });
    const generation = trial.generation;
    const session = state.session;
    intents().then((names) => {
      if (!alive(session)) return;
      const all = names.includes(turn.intent) || !turn.intent ? names : [turn.intent, ...names];
      select.replaceChildren(...all.map((name) => el("option", { value: name }, name)));
      if (turn.intent) select.value = turn.intent;
      select.disabled = false;
      save.disabled = false;
    }, (error) => { if (alive(session)) result.textContent = `The intents could not be loaded: ${error.message}`; });
    const form = el("form", {
      className: "correction",
      onsubmit: async (event) => {
        event.preventDefault();
        if (generation !== trial.generation || !trial.conversation) return;
        save.disabled = true;
        result.textContent = "Saving…";
        try {
          const answer = await api("POST", "corrections",
            { conversation: trial.conversation, turn: turn.turn, intent: select.value });
          if (!alive(session)) return;
          result.replaceChildren("Kept as ", el("code", {}, text(answer && answer.intent) || select.value),
            " in ", el("code", { className: "correction-file" }, text(answer && answer.file)));
          form.classList.add("correction--saved");
        } catch (error) {
          if (alive(session)) result.textContent = `Not saved: ${error.message}`;
        } finally {
          save.disabled = false;
        }
      },
    },
    el("label", { for: id }, "Right intent"), select, save, result);
    return form;
  }

  async function saveStory(event) {
    event.preventDefault();
    if (!trial.conversation || trial.pending) return;
    const session = state.session;
    const nameInput = $("story-name");
    const name = nameInput.value.trim() ||
      `console try ${$("try-store").value} ${new Date().toISOString().slice(0, 16)}`;
    const result = $("story-result");
    $("story-save").disabled = true;
    result.textContent = "Saving…";
    try {
      const answer = await api("POST", "stories", { conversation: trial.conversation, name });
      if (!alive(session)) return;
      const story = answer && answer.story;  // the story's text, when the server gives it (not only its name)
      result.replaceChildren("Written to ", el("code", { id: "story-file" }, text(answer && answer.file)),
        typeof story === "string" && story.includes("\n") ? el("details", {}, el("summary", {}, "The story"),
          el("pre", { className: "story-text", dir: "auto" }, story)) : null);
    } catch (error) {
      if (alive(session)) result.textContent = `Not saved: ${error.message}`;
    } finally {
      updateStoryForm();
    }
  }

  /* ---------------------------------------------------------------- transcripts (queue and conversations) */

  const AUTHORS = { customer: "Customer", bot: "Assistant", agent: "Agent" };

  const messageKey = (message) =>
    [message.author, message.agent, message.at, message.text].map(text).join("|");

  function messageNode(message) {
    const author = AUTHORS[message.author] ? message.author : "bot";
    const who = author === "agent" ? (text(message.agent) || AUTHORS.agent) : AUTHORS[author];
    const mine = author === "agent" && state.me && message.agent === state.me.agent;
    return el("div", { className: `msg msg--${author}${mine ? " msg--mine" : ""}`, "data-author": author },
      el("span", { className: "msg-author" }, mine ? `${who} (you)` : who),
      el("p", { className: "bubble", dir: textDir(message.text) },
        author === "bot" ? linkify(message.text) : text(message.text)),
      timeNode(message.at, { className: "msg-time" }));
  }

  /* Adds what is new; redraws only when the history itself changed. Stays at the bottom if it was there.
     container.keysShown: the keys of the messages shown (null: nothing of this conversation shown yet). */
  function renderTranscript(container, messages) {
    const list = (Array.isArray(messages) ? messages : []).filter((m) => m && typeof m === "object");
    const keys = list.map(messageKey);
    const shown = Array.isArray(container.keysShown) ? container.keysShown : null;
    const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 40;
    const prefix = shown !== null && shown.length <= keys.length && shown.every((key, i) => key === keys[i]);
    if (prefix && shown.length === keys.length) return false;
    if (prefix && shown.length > 0) {
      container.append(...list.slice(shown.length).map(messageNode));
    } else {
      container.replaceChildren(...(list.length ? list.map(messageNode)
        : [el("p", { className: "empty muted" }, "No messages yet.")]));
    }
    container.keysShown = keys;
    if (atBottom || !prefix) container.scrollTop = container.scrollHeight;
    return true;
  }

  const conversationMeta = (c, fallback = {}) => {
    const store = c.store || fallback.store;
    const parts = [store ? `Store ${storeLabel(store)}` : null, CHANNELS[c.channel || fallback.channel] ||
      c.channel || fallback.channel, fallback.language ? `language ${fallback.language}` : null];
    return parts.filter(Boolean).join(" · ");
  };

  /* ---------------------------------------------------------------- b. Queue */

  const queue = { timer: null, token: 0, nodes: new Map(), items: [], announced: -1 };
  const live = { id: null, hint: {}, timer: null, token: 0, held: false };

  async function pollQueue(session) {
    clearTimeout(queue.timer);
    const token = ++queue.token;  // a newer poll (a store picked, a take) replaces this one
    if (!alive(session)) return;
    try {
      const items = await api("GET", query("queue", { store: $("queue-store").value }));
      if (!alive(session) || token !== queue.token) return;
      renderQueue(Array.isArray(items) ? items : []);
      show($("queue-error"), "");
      $("queue-updated").textContent = `Updated ${SHORT.format(new Date())}; checked every ${QUEUE_EVERY / 1000} s.`;
    } catch (error) {
      if (!alive(session) || token !== queue.token) return;
      show($("queue-error"), `The queue could not be read: ${error.message}`);
    }
    if (alive(session) && token === queue.token) queue.timer = setTimeout(() => pollQueue(session), QUEUE_EVERY);
  }

  function renderQueue(items) {
    const list = $("queue-list");
    const valid = items.filter((item) => item && typeof item.conversation === "string");
    const seen = new Set();
    const ordered = valid.map((item) => {
      seen.add(item.conversation);
      let entry = queue.nodes.get(item.conversation);
      if (!entry) {
        entry = queueEntry(item.conversation);
        queue.nodes.set(item.conversation, entry);
      }
      updateQueueEntry(entry, item);
      return entry.node;
    });
    for (const [id, entry] of queue.nodes) {
      if (!seen.has(id)) {
        entry.node.remove();
        queue.nodes.delete(id);
      }
    }
    // Moved only when the order changed: moving a node would take the keyboard focus away from it.
    const current = [...list.children];
    if (current.length !== ordered.length || current.some((node, i) => node !== ordered[i])) {
      ordered.forEach((node, i) => {
        if (list.children[i] !== node) list.insertBefore(node, list.children[i] || null);
      });
    }
    queue.items = valid;
    const waiting = valid.filter((item) => item.state !== "held").length;
    const badge = $("queue-count");
    badge.textContent = String(waiting);
    badge.hidden = waiting === 0;
    badge.setAttribute("aria-label", `${waiting} waiting`);
    $("queue-empty").hidden = valid.length > 0;
    document.title = waiting ? `(${waiting}) Support console` : "Support console";
    if (waiting !== queue.announced) {
      $("queue-announce").textContent = waiting
        ? `${waiting} ${waiting === 1 ? "customer is" : "customers are"} waiting for a person.` : "";
      queue.announced = waiting;
    }
  }

  function queueEntry(id) {
    const entry = {
      id,
      item: null,
      store: el("strong", { className: "queue-store" }),
      channel: el("span", { className: "queue-channel chip" }),
      language: el("span", { className: "queue-language chip" }),
      reason: el("span", { className: "queue-reason chip" }),
      since: el("span", { className: "queue-since" }),
      last: el("p", { className: "queue-last", dir: "auto" }),
      stateText: el("span", { className: "queue-state" }),
      note: el("p", { className: "queue-note error small", role: "status" }),
    };
    entry.take = el("button", { type: "button", className: "queue-take primary", onclick: () => take(id, entry) },
      "Take");
    entry.open = el("button", {
      type: "button", className: "queue-open", onclick: () => openLive(id, entry.item || {}) }, "Open");
    entry.node = el("li", { className: "queue-item", "data-conversation": id },
      el("div", { className: "queue-top" }, entry.store, entry.channel, entry.language, entry.reason, entry.since),
      entry.last,
      el("div", { className: "queue-bottom" },
        entry.stateText, el("span", { className: "grow" }), entry.open, entry.take),
      entry.note);
    return entry;
  }

  function updateQueueEntry(entry, item) {
    entry.item = item;
    entry.store.textContent = storeLabel(item.store);
    entry.channel.textContent = CHANNELS[item.channel] || text(item.channel) || "?";
    entry.language.textContent = text(item.language) || "?";
    entry.reason.textContent = REASONS[item.reason] || text(item.reason);
    entry.reason.hidden = !item.reason;
    entry.since.replaceChildren("since ", timeNode(item.since, { relative: true }) || "?");
    entry.last.textContent = text(item.last_message);
    entry.last.setAttribute("dir", textDir(item.last_message));
    entry.last.setAttribute("lang", text(item.language) || storeLanguage(item.store) || "");
    const held = item.state === "held";
    const mine = held && state.me && item.agent === state.me.agent;
    entry.stateText.textContent = !held ? "Waiting for a person"
      : mine ? "Held by you" : `Held by ${text(item.agent) || "another agent"}`;
    entry.node.dataset.state = held ? (mine ? "mine" : "held") : "queued";
    entry.take.hidden = held;
    entry.open.textContent = mine ? "Open" : "View";
    entry.node.classList.toggle("queue-item--open", live.id === item.conversation);
  }

  async function take(id, entry) {
    const session = state.session;
    const hint = (entry && entry.item) || live.hint || {};
    if (entry) { entry.take.disabled = true; entry.note.textContent = ""; }
    show($("agent-error"), "");
    try {
      await api("POST", conversationPath(id, "take"));
      if (!alive(session)) return;
      await openLive(id, hint);
      $("agent-text").focus();
    } catch (error) {
      if (!alive(session)) return;
      const message = error.status === 409
        ? `Taken by ${text(error.data && error.data.agent) || "another agent"}.`
        : `Not taken: ${error.message}`;
      if (entry) {
        entry.note.textContent = message;
        setTimeout(() => { if (entry.note.textContent === message) entry.note.textContent = ""; }, 15000);
      }
      if (live.id === id) show($("agent-error"), message);
    } finally {
      if (entry) entry.take.disabled = false;
      pollQueue(session);
    }
  }

  async function openLive(id, hint) {
    const changed = live.id !== id;
    live.id = id;
    live.hint = { ...hint };
    if (changed) {
      live.held = false;
      $("queue-transcript").replaceChildren(el("p", { className: "muted" }, "Loading…"));
      $("queue-transcript").keysShown = null;
      $("agent-text").value = "";
      show($("agent-error"), "");
    }
    const language = hint.language || storeLanguage(hint.store);
    $("queue-transcript").setAttribute("dir", dirOf(language));
    $("conversation-title").textContent = `Conversation ${shortId(id)}`;
    $("conversation-title").title = id;
    $("conversation-meta").textContent = conversationMeta({}, hint);
    $("conversation-view").hidden = false;
    for (const entry of queue.nodes.values()) entry.node.classList.toggle("queue-item--open", entry.id === id);
    await refreshLive(state.session);
  }

  function closeLive() {
    clearTimeout(live.timer);
    live.id = null;
    $("conversation-view").hidden = true;
    $("queue-transcript").replaceChildren();
    $("queue-transcript").keysShown = null;
    for (const entry of queue.nodes.values()) entry.node.classList.remove("queue-item--open");
  }

  /* The open conversation, read again every 2 s while the queue is shown. */
  async function refreshLive(session) {
    clearTimeout(live.timer);
    const id = live.id;
    const token = ++live.token;  // one reading at a time: a newer one replaces this one
    if (!id || !alive(session)) return;
    try {
      const answer = await api("GET", conversationPath(id));
      if (!alive(session) || live.id !== id || token !== live.token) return;
      const conversation = Array.isArray(answer) ? { messages: answer } : (answer || {});
      renderLive(conversation);
    } catch (error) {
      if (!alive(session) || live.id !== id || token !== live.token) return;
      show($("agent-error"), `The conversation could not be read: ${error.message}`);
      if (error.status === 404) {
        setComposer(false, false);
        return;
      }
    }
    if (alive(session) && live.id === id && token === live.token && state.tab === "queue") {
      live.timer = setTimeout(() => refreshLive(session), TRANSCRIPT_EVERY);
    }
  }

  function renderLive(conversation) {
    const hint = { ...live.hint, store: conversation.store || live.hint.store,
      channel: conversation.channel || live.hint.channel };
    live.hint = hint;
    $("conversation-meta").textContent = conversationMeta(conversation, hint);
    const handoff = conversation.handoff && typeof conversation.handoff === "object" ? conversation.handoff : null;
    const held = Boolean(handoff && handoff.state === "held");
    const mine = held && state.me && handoff.agent === state.me.agent;
    const status = !handoff ? "The assistant is answering this customer."
      : held ? (mine ? "You hold this conversation: the assistant is silent, your messages go to the customer."
        : `Held by ${text(handoff.agent) || "another agent"}.`)
        : handoff.state === "queued" ? "Waiting for a person: take it to answer."
          : "Handed back: the assistant is answering.";
    $("conversation-state").textContent = status;
    $("conversation-state").dataset.state = held ? (mine ? "mine" : "held") : text(handoff && handoff.state) || "none";
    setComposer(mine, !held);
    live.held = mine;
    renderTranscript($("queue-transcript"), conversation.messages);
  }

  function setComposer(mine, canTake) {
    const textBox = $("agent-text");
    textBox.disabled = !mine;
    textBox.placeholder = mine ? "Write to the customer… (Enter sends, Shift+Enter for a new line)"
      : "Take the conversation to write to the customer.";
    $("agent-send").disabled = !mine;
    $("release").disabled = !mine;
    $("conversation-take").hidden = mine || !canTake;
  }

  async function sendAgentMessage(event) {
    event.preventDefault();
    const id = live.id;
    const textBox = $("agent-text");
    const message = textBox.value.trim();
    if (!id || !message || !live.held) return;
    const session = state.session;
    $("agent-send").disabled = true;
    show($("agent-error"), "");
    try {
      await api("POST", conversationPath(id, "messages"), { text: message });
      if (!alive(session)) return;
      if (textBox.value.trim() === message) textBox.value = "";
      await refreshLive(session);
    } catch (error) {
      if (!alive(session)) return;
      const holder = error.data && typeof error.data.agent === "string" ? ` (taken by ${error.data.agent})` : "";
      show($("agent-error"), error.status === 409 ? `Not sent: you no longer hold this conversation${holder}.`
        : `Not sent: ${error.message}`);
      refreshLive(session);
    } finally {
      if (live.held) $("agent-send").disabled = false;
      textBox.focus();
    }
  }

  async function release() {
    const id = live.id;
    if (!id) return;
    const session = state.session;
    $("release").disabled = true;
    show($("agent-error"), "");
    try {
      await api("POST", conversationPath(id, "release"));
      if (!alive(session)) return;
      $("conversation-state").textContent = "Handed back to the assistant.";
      await refreshLive(session);
      pollQueue(session);
    } catch (error) {
      if (!alive(session)) return;
      show($("agent-error"), `Not handed back: ${error.message}`);
      $("release").disabled = !live.held;
    }
  }

  const shortId = (id) => (id.length > 24 ? `${id.slice(0, 18)}…${id.slice(-4)}` : id);

  /* ---------------------------------------------------------------- c. Conversations */

  const conversations = { timer: null, request: 0, openId: null };

  function scheduleConversations() {
    clearTimeout(conversations.timer);
    conversations.timer = setTimeout(loadConversations, SEARCH_DELAY);
  }

  async function loadConversations(event) {
    if (event) event.preventDefault();
    clearTimeout(conversations.timer);
    if (!state.me) return;
    const session = state.session;
    const request = ++conversations.request;
    $("conv-status").textContent = "Loading…";
    try {
      const list = await api("GET", query("conversations", {
        store: $("conv-store").value, q: $("conv-q").value.trim(), outcome: $("conv-outcome").value,
      }));
      if (!alive(session) || request !== conversations.request) return;
      renderConversations(Array.isArray(list) ? list : []);
      show($("conv-error"), "");
    } catch (error) {
      if (!alive(session) || request !== conversations.request) return;
      $("conv-status").textContent = "";
      show($("conv-error"), `The conversations could not be read: ${error.message}`);
    }
  }

  function renderConversations(list) {
    const rows = list.filter((c) => c && typeof c.conversation === "string").map((c) => el("tr", {
      className: `conv-row${c.conversation === conversations.openId ? " conv-row--open" : ""}`,
      "data-conversation": c.conversation },
    el("td", {}, el("button", { type: "button", className: "conv-open link", title: c.conversation,
      onclick: () => openReadOnly(c) }, shortId(c.conversation))),
    el("td", {}, storeLabel(c.store)),
    el("td", {}, CHANNELS[c.channel] || text(c.channel)),
    el("td", {}, timeNode(c.last_at || c.started, { relative: true })),
    el("td", { className: "conv-last" },
      el("bdi", { dir: textDir(c.last_message), lang: storeLanguage(c.store) }, text(c.last_message))),
    el("td", {}, el("span", { className: `outcome outcome--${text(c.outcome) || "unknown"}` },
      OUTCOMES[c.outcome] || text(c.outcome))),
    el("td", { className: "num" }, number(c.messages) ?? "")));
    $("conv-list").replaceChildren(...rows);
    $("conv-status").textContent = rows.length ? `${rows.length} conversation${rows.length === 1 ? "" : "s"}.`
      : "No conversation matches.";
  }

  async function openReadOnly(c) {
    const session = state.session;
    const id = c.conversation;
    conversations.openId = id;
    for (const row of $("conv-list").children) row.classList.toggle("conv-row--open", row.dataset.conversation === id);
    const transcript = $("conv-transcript");
    transcript.keysShown = null;
    transcript.replaceChildren(el("p", { className: "muted" }, "Loading…"));
    transcript.setAttribute("dir", dirOf(storeLanguage(c.store)));
    $("conv-title").textContent = `Conversation ${shortId(id)}`;
    $("conv-title").title = id;
    $("conv-meta").textContent = conversationMeta(c, c);
    $("conv-view").hidden = false;
    try {
      const answer = await api("GET", conversationPath(id));
      if (!alive(session) || conversations.openId !== id) return;
      const conversation = Array.isArray(answer) ? { messages: answer } : (answer || {});
      const handoff = conversation.handoff;
      const outcome = OUTCOMES[c.outcome] || text(c.outcome);
      $("conv-meta").textContent = [conversationMeta(conversation, c), outcome ? `outcome: ${outcome}` : null,
        handoff && handoff.state ? `handoff: ${handoff.state}${handoff.agent ? ` (${handoff.agent})` : ""}` : null]
        .filter(Boolean).join(" · ");
      renderTranscript(transcript, conversation.messages);
    } catch (error) {
      if (!alive(session) || conversations.openId !== id) return;
      transcript.replaceChildren(
        el("p", { className: "error" }, `The conversation could not be read: ${error.message}`));
    }
  }

  function closeReadOnly() {
    conversations.openId = null;
    $("conv-view").hidden = true;
    $("conv-transcript").replaceChildren();
    for (const row of $("conv-list").children) row.classList.remove("conv-row--open");
  }

  /* ---------------------------------------------------------------- d. Figures */

  let figuresRequest = 0;

  async function loadFigures() {
    if (!state.me) return;
    const session = state.session;
    const request = ++figuresRequest;
    const store = $("fig-store").value;
    const days = Number($("fig-days").value) || 7;
    try {
      const stats = await api("GET", query("stats", { store, days }));
      if (!alive(session) || request !== figuresRequest) return;
      renderFigures(stats || {}, store, days);
      show($("fig-error"), "");
    } catch (error) {
      if (!alive(session) || request !== figuresRequest) return;
      show($("fig-error"), `The figures could not be read: ${error.message}`);
    }
  }

  const rate = (value) => {
    const n = number(value);
    if (n === null) return "—";
    return `${(n > 1 ? n : n * 100).toFixed(1)} %`;  // a fraction; a value above 1 is already a percentage
  };

  function renderFigures(stats, store, days) {
    $("fig-caption").textContent = `${store ? storeLabel(store) : "All my stores"}, last ${days} days`;
    $("fig-conversations").textContent = String(number(stats.conversations) ?? "—");
    $("fig-handed-off").textContent = String(number(stats.handed_off) ?? "—");
    $("fig-fallbacks").textContent = String(number(stats.fallbacks) ?? "—");
    $("fig-deflection").textContent = rate(stats.deflection_rate);
    const top = Array.isArray(stats.top_intents) ? stats.top_intents : [];
    $("fig-intents").replaceChildren(...(top.length ? top.map((entry) => {
      const name = entry && typeof entry === "object" ? (entry.intent || entry.name) : entry;
      const count = entry && typeof entry === "object" ? number(entry.count) : null;
      return el("li", {}, el("code", {}, text(name)), count !== null ? ` ${count}` : null);
    }) : [el("li", { className: "muted" }, "none yet")]));
    $("fig-chart").replaceChildren(chart(perDay(stats.days, days)));
  }

  /* One entry per day of the period, the days without conversations included. */
  function perDay(list, days) {
    const counts = new Map();
    for (const entry of Array.isArray(list) ? list : []) {
      if (entry && typeof entry.day === "string") {
        counts.set(entry.day.slice(0, 10), { conversations: number(entry.conversations) || 0,
          handed_off: number(entry.handed_off) || 0 });
      }
    }
    const wanted = [];
    const today = new Date();
    for (let i = days - 1; i >= 0; i -= 1) {
      const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i));
      wanted.push(day.toISOString().slice(0, 10));
    }
    const all = [...new Set([...wanted, ...counts.keys()])].sort().slice(-days);
    return all.map((day) => ({ day, ...(counts.get(day) || { conversations: 0, handed_off: 0 }) }));
  }

  /* A bar chart drawn by the page: SVG attributes only, so the CSP needs no inline style. */
  function chart(days) {
    const width = 720, height = 260, left = 40, right = 24, top = 16, bottom = 34;
    const plotW = width - left - right, plotH = height - top - bottom;
    const max = Math.max(1, ...days.map((d) => d.conversations));
    const step = niceStep(max);
    const ceiling = Math.ceil(max / step) * step;
    const y = (value) => top + plotH - (value / ceiling) * plotH;
    const slot = plotW / days.length;
    const barW = Math.max(2, slot * 0.7);
    const total = days.reduce((sum, d) => sum + d.conversations, 0);
    const label = `Conversations per day, ${days[0].day} to ${days[days.length - 1].day}: ${total} in all.`;
    const root = svg("svg", { id: "fig-svg", className: "chart-svg", viewBox: `0 0 ${width} ${height}`, width: "100%",
      role: "img", "aria-labelledby": "fig-svg-title" }, svg("title", { id: "fig-svg-title" }, label));
    for (let value = 0; value <= ceiling; value += step) {
      root.append(svg("line", { className: "grid", x1: left, x2: width - right, y1: y(value), y2: y(value) }),
        svg("text", { className: "axis", x: left - 6, y: y(value) + 4, "text-anchor": "end" }, String(value)));
    }
    const every = Math.ceil(days.length / 10);
    days.forEach((d, i) => {
      const x = left + i * slot + (slot - barW) / 2;
      const tip = `${d.day}: ${d.conversations} conversation${d.conversations === 1 ? "" : "s"}, ` +
        `${d.handed_off} handed off`;
      root.append(svg("rect", {
        className: "bar-conv", "data-day": d.day, "data-value": d.conversations, x: x.toFixed(1),
        y: y(d.conversations).toFixed(1), width: barW.toFixed(1),
        height: (top + plotH - y(d.conversations)).toFixed(1),
      }, svg("title", {}, tip)));
      if (d.handed_off > 0) {
        const inner = barW * 0.45;
        root.append(svg("rect", { className: "bar-handoff", x: (x + (barW - inner) / 2).toFixed(1),
          y: y(d.handed_off).toFixed(1), width: inner.toFixed(1), height: (top + plotH - y(d.handed_off)).toFixed(1) },
        svg("title", {}, tip)));
      }
      if (d.conversations > 0 && days.length <= 10) {
        root.append(svg("text", { className: "bar-label", x: (x + barW / 2).toFixed(1),
          y: (y(d.conversations) - 4).toFixed(1), "text-anchor": "middle" }, String(d.conversations)));
      }
      if (i % every === 0 || i === days.length - 1) {
        root.append(svg("text", { className: "axis", x: (x + barW / 2).toFixed(1), y: height - bottom + 16,
          "text-anchor": "middle" }, d.day.slice(5)));
      }
    });
    root.append(svg("line", { className: "baseline", x1: left, x2: width - right, y1: top + plotH, y2: top + plotH }));
    return root;
  }

  const niceStep = (max) => {
    const rough = max / 4;
    const power = 10 ** Math.floor(Math.log10(rough));
    const scaled = rough / power;
    return Math.max(1, (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power);
  };

  /* ---------------------------------------------------------------- start */

  function wire() {
    $("login-form").addEventListener("submit", submitLogin);
    $("logout").addEventListener("click", logout);
    for (const tab of TABS) $(`tab-${tab}`).addEventListener("click", () => selectTab(tab, false));
    $("tabs").addEventListener("keydown", tabKeys);

    $("try-form").addEventListener("submit", submitTry);
    $("try-input").addEventListener("keydown", sendOnEnter($("try-form")));
    $("try-store").addEventListener("change", () => { resetTry(); $("try-input").focus(); });
    $("try-new").addEventListener("click", () => { resetTry(); $("try-input").focus(); });
    $("story-form").addEventListener("submit", saveStory);

    $("queue-store").addEventListener("change", () => pollQueue(state.session));
    $("agent-form").addEventListener("submit", sendAgentMessage);
    $("agent-text").addEventListener("keydown", sendOnEnter($("agent-form")));
    $("release").addEventListener("click", release);
    $("conversation-take").addEventListener("click", () => live.id && take(live.id, queue.nodes.get(live.id) || null));
    $("conversation-close").addEventListener("click", closeLive);

    $("conv-form").addEventListener("submit", loadConversations);
    $("conv-q").addEventListener("input", scheduleConversations);
    $("conv-store").addEventListener("change", () => loadConversations());
    $("conv-outcome").addEventListener("change", () => loadConversations());
    $("conv-close").addEventListener("click", closeReadOnly);

    $("fig-store").addEventListener("change", loadFigures);
    $("fig-days").addEventListener("change", loadFigures);
    $("fig-form").addEventListener("submit", (event) => { event.preventDefault(); loadFigures(); });

    window.addEventListener("hashchange", () => {
      const wanted = window.location.hash.slice(1);
      if (state.me && TABS.includes(wanted) && wanted !== state.tab) selectTab(wanted, false);
    });
  }

  async function start() {
    wire();
    try {
      await signedIn(await api("GET", "me"));
    } catch (error) {
      if (!state.me) showLogin(error.status === 401 ? "" : error.message);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();
