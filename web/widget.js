/*
 * Chat widget on Rasa's REST channel. Vanilla JS, nothing external.
 *
 * Safety rules kept throughout this file:
 * - every piece of bot or user text goes into the page with textContent (never parsed as HTML), so it is
 *   shown as text and can't inject HTML or script;
 * - links built from data are checked: tel: keeps only digits and "+", mailto: needs a plain address,
 *   web links must be http(s);
 * - if the server can't be reached, or answers with nothing, the user is told so, with 999: never silence.
 */
(function () {
  "use strict";

  var TIMEOUT_MS = 90000;
  var UNREACHABLE =
    "I couldn't reach the assistant just now, so I can't answer. If a child is in immediate danger, call 999. " +
    "Otherwise please try again in a moment; if it keeps failing, contact your local children's social care " +
    "front door or your designated safeguarding lead.";
  var NO_REPLY =
    "The assistant didn't send a reply. If a child is in immediate danger, call 999. Please try again, or " +
    "contact your local children's social care front door or your designated safeguarding lead.";

  var chat, log, statusLine, form, input, sendButton, webhook;
  var senderId = newSenderId();
  var queue = Promise.resolve();
  var idCounter = 0;

  /** A random per-tab sender id: the only thing that ties the turns of one conversation together. */
  function newSenderId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return "web-" + Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function nextId(prefix) {
    idCounter += 1;
    return prefix + "-" + idCounter;
  }

  /** Create an element; `text` always goes in as textContent. */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function append(parent) {
    for (var i = 1; i < arguments.length; i++) {
      if (arguments[i]) { parent.appendChild(arguments[i]); }
    }
    return parent;
  }

  function isText(value) {
    return typeof value === "string" && value.trim() !== "";
  }

  function telHref(number) {
    var digits = String(number).replace(/[^0-9+]/g, "");
    return digits.length >= 3 ? "tel:" + digits : null;
  }

  function mailHref(address) {
    return /^[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+$/.test(address) ? "mailto:" + address : null;
  }

  function webHref(url) {
    try {
      var parsed = new URL(String(url), window.location.href);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(href, text, className) {
    var a = el("a", className, text);
    a.href = href;
    return a;
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function addMessage(who, text, extraClass) {
    var item = el("div", "msg msg-" + who + (extraClass ? " " + extraClass : ""));
    append(item, el("span", "who", who === "user" ? "You said:" : "Assistant:"), el("div", "bubble", text));
    log.appendChild(item);
    scrollToEnd();
    return item;
  }

  /** Scroll the log to `node`, then the page so that `node` is not hidden under the sticky 999 line. */
  function bringIntoView(node) {
    log.scrollTop += node.getBoundingClientRect().top - log.getBoundingClientRect().top;
    var bar = document.getElementById("danger-line");
    var clear = Math.max(0, bar ? bar.getBoundingClientRect().bottom : 0) + 8;
    var top = node.getBoundingClientRect().top;
    if (top < clear || top > window.innerHeight - 48) { window.scrollBy(0, top - clear); }
  }

  function setStatus(text) {
    statusLine.textContent = text;
  }

  function setBusy(busy) {
    chat.setAttribute("data-busy", busy ? "true" : "false");
    log.setAttribute("aria-busy", busy ? "true" : "false");
    setStatus(busy ? "The assistant is replying…" : "");
  }

  /** Quick replies belong to one question: once the conversation moves on, they are switched off. */
  function retireQuickReplies() {
    var buttons = log.querySelectorAll(".quick-replies button");
    for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = true; }
  }

  function addQuickReplies(buttons) {
    var group = el("div", "quick-replies");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Suggested answers");
    buttons.forEach(function (b) {
      if (!b || !isText(b.title)) { return; }
      var payload = isText(b.payload) ? b.payload : b.title;
      var button = el("button", null, b.title);
      button.type = "button";
      button.addEventListener("click", function () {
        send(payload, b.title);
        input.focus();
      });
      group.appendChild(button);
    });
    log.appendChild(group);
  }

  function addError(text, retry) {
    var item = addMessage("bot", text, "msg-error");
    item.setAttribute("role", "alert");
    if (retry) {
      var again = el("button", "primary", "Try again");
      again.type = "button";
      again.addEventListener("click", function () {
        again.disabled = true;
        retry();
      });
      item.appendChild(again);
    }
    setStatus("The assistant couldn't answer that message. If a child is in immediate danger, call 999.");
    scrollToEnd();
  }

  /* ---------- cards ----------
   * A card is plain data drawn by the server's card renderer (bot/render/cards.py: web_card): a heading of
   * lines, sections of paragraphs and lists, a disclosure with the details, footer lines and buttons. Text
   * is made of runs; a run may carry a link, which is checked here before use. This code knows nothing
   * about advice, so what the tests check on the server is what the person sees.
   */

  function cssClass(value) {
    return isText(value) ? value.replace(/[^a-z0-9 -]/gi, "").trim() : "";
  }

  function runHref(href) {
    if (!isText(href)) { return null; }
    if (href.indexOf("tel:") === 0) { return telHref(href.slice(4)); }
    if (href.indexOf("mailto:") === 0) { return mailHref(href.slice(7)); }
    return webHref(href);
  }

  function addRuns(parent, runs) {
    (Array.isArray(runs) ? runs : []).forEach(function (run) {
      if (!run || !isText(run.text)) { return; }
      var href = runHref(run.href);
      if (!href) {
        parent.appendChild(document.createTextNode(run.text));
        return;
      }
      var a = link(href, run.text, href.indexOf("tel:") === 0 ? "phone" : null);
      if (href.indexOf("http") === 0) { a.rel = "noopener noreferrer"; }
      parent.appendChild(a);
    });
    return parent;
  }

  function cardSection(data) {
    var box = el("section", cssClass(data && data["class"]) || null);
    if (!data) { return box; }
    if (isText(data.title)) { box.appendChild(el("h4", null, data.title)); }
    (data.paragraphs || []).forEach(function (runs) { box.appendChild(addRuns(el("p"), runs)); });
    if (data.items && data.items.length) {
      var list = el(data.ordered ? "ol" : "ul");
      data.items.forEach(function (runs) { list.appendChild(addRuns(el("li"), runs)); });
      box.appendChild(list);
    }
    return box;
  }

  /** Draw one card; returns its heading, which takes the focus so a screen reader starts there. */
  function addCard(c) {
    var card = el("article", "card " + cssClass(c["class"]));
    var headingId = nextId("card-heading");
    card.setAttribute("aria-labelledby", headingId);
    Object.keys(c.data || {}).forEach(function (key) {
      if (/^[a-z-]+$/.test(key)) { card.setAttribute("data-" + key, String(c.data[key])); }
    });
    var heading = el("h3", "card-heading");
    heading.id = headingId;
    heading.tabIndex = -1;
    (c.heading || []).forEach(function (runs, i) {
      heading.appendChild(addRuns(el("span", "headline-line headline-" + (i + 1)), runs));
    });
    card.appendChild(heading);
    (c.sections || []).forEach(function (data) { card.appendChild(cardSection(data)); });
    if (c.details && c.details.sections && c.details.sections.length) {
      var details = el("details", "card-details");
      details.appendChild(el("summary", null, isText(c.details.summary) ? c.details.summary : "More detail"));
      c.details.sections.forEach(function (data) { details.appendChild(cardSection(data)); });
      card.appendChild(details);
    }
    (c.footer || []).forEach(function (line) {
      card.appendChild(addRuns(el("p", cssClass(line && line["class"]) || null), line && line.runs));
    });
    if (c.buttons && c.buttons.length) {
      var actions = el("div", "card-actions");
      actions.setAttribute("role", "group");
      actions.setAttribute("aria-label", "What next");
      c.buttons.forEach(function (b) {
        if (!b || !isText(b.title) || !isText(b.payload)) { return; }
        var button = el("button", null, b.title);
        button.type = "button";
        button.setAttribute("data-payload", b.payload);
        button.addEventListener("click", function () { send(b.payload, b.title); });
        actions.appendChild(button);
      });
      card.appendChild(actions);
    }
    log.appendChild(card);
    return heading;
  }

  /* ---------- the written record ---------- */

  function addRecord(r) {
    var box = el("section", "record");
    var headingId = nextId("record-heading");
    box.setAttribute("aria-labelledby", headingId);
    var heading = el("h3", null, "Your written record");
    heading.id = headingId;
    box.appendChild(heading);
    var markdown = isText(r.markdown) ? r.markdown : "";
    box.appendChild(el("pre", "record-text", markdown));
    var href = isText(r.download_url) ? webHref(r.download_url) : null;
    var download;
    if (href) {
      download = link(href, "Download the record", "record-download");
    } else if (markdown) {
      download = link(URL.createObjectURL(new Blob([markdown], { type: "text/markdown" })),
        "Download the record", "record-download");
    }
    if (download) {
      download.setAttribute("download", "safeguarding-record.md");
      box.appendChild(el("p", null)).appendChild(download);
    }
    log.appendChild(box);
    scrollToEnd();
  }

  /* ---------- one reply from the server ---------- */

  function render(messages) {
    retireQuickReplies();
    var recordTexts = [];
    var cardHeading = null;
    messages.forEach(function (m) {
      if (m && m.custom && m.custom.type === "record" && isText(m.custom.markdown)) { recordTexts.push(m.custom.markdown); }
    });
    messages.forEach(function (m) {
      if (!m || typeof m !== "object") { return; }
      if (isText(m.text) && recordTexts.indexOf(m.text) === -1) {  // a record's text is shown in the record itself
        addMessage("bot", m.text);
      }
      if (Array.isArray(m.buttons) && m.buttons.length) { addQuickReplies(m.buttons); }
      if (m.custom && typeof m.custom === "object") {
        if (m.custom.type === "card") { cardHeading = cardHeading || addCard(m.custom); }
        else if (m.custom.type === "record") { addRecord(m.custom); }
      }
    });
    if (cardHeading) {
      // The advice is read from its heading (level, whom to call, the number), not from the end of the log.
      cardHeading.focus({ preventScroll: true });
      bringIntoView(cardHeading);
    } else {
      scrollToEnd();
    }
  }

  /**
   * POST one message. A refusal from the server (rate limit, bad request, part of the system down) carries
   * its own sentence for the person, with 999: it is shown as it is, never replaced by silence.
   */
  function post(message, messageId) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    return fetch(webhook, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      // input_channel "web": the server draws the advice as one card for the widget (channels/web.py)
      body: JSON.stringify({ sender: senderId, message: message, message_id: messageId, input_channel: "web" }),
      credentials: "same-origin",
      cache: "no-store",
      signal: controller.signal
    }).then(function (response) {
      return response.text().then(function (body) {
        var data = null;
        try { data = JSON.parse(body); } catch (e) { data = null; }
        if (response.ok && Array.isArray(data)) { return data; }
        var failure = new Error("the server answered " + response.status);
        if (Array.isArray(data)) { failure.texts = data.map(function (m) { return m && m.text; }).filter(isText); }
        else if (data && isText(data.message)) { failure.texts = [data.message]; }
        throw failure;
      });
    }).finally(function () { clearTimeout(timer); });
  }

  /** Send one message; messages are sent one after another so replies stay in order. */
  function send(message, shown, hidden, messageId) {
    // A retry reuses the message id, so the server can replay its first answer instead of answering twice.
    var id = messageId || newSenderId().replace("web-", "m-");
    if (!hidden) {
      retireQuickReplies();
      addMessage("user", shown || message);
    }
    var retry = function () { send(message, shown, true, id); };
    queue = queue.then(function () {
      setBusy(true);
      return post(message, id).then(function (messages) {
        setBusy(false);
        if (!messages.length) { addError(NO_REPLY, retry); }
        else { render(messages); }
      }).catch(function (failure) {
        setBusy(false);
        // Our channels' refusals always carry the 999 line; anything else (a proxy's error page) doesn't,
        // so it is replaced by our own message, which does.
        var texts = ((failure && failure.texts) || []).filter(function (t) { return t.indexOf("999") !== -1; });
        if (!texts.length) { texts = [UNREACHABLE]; }
        texts.forEach(function (text, i) { addError(text, i === texts.length - 1 ? retry : null); });
      }).then(function () {
        chat.setAttribute("data-replies", String(Number(chat.getAttribute("data-replies") || "0") + 1));
      });
    });
    return queue;
  }

  function start() {
    chat = document.getElementById("chat");
    log = document.getElementById("log");
    statusLine = document.getElementById("status");
    form = document.getElementById("composer");
    input = document.getElementById("chat-input");
    sendButton = document.getElementById("send");
    webhook = new URL(chat.getAttribute("data-webhook") || "/webhooks/rest/webhook", window.location.href).href;
    chat.setAttribute("data-replies", "0");

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text) {
        setStatus("Type a message first.");
        input.focus();
        return;
      }
      input.value = "";
      send(text);
      input.focus();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        sendButton.click();
      }
    });
    send("/greet", null, true);
    input.focus();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
