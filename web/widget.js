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
  var ROUTE_LABELS = {
    "999": "Emergency: call 999",
    mash: "MASH (Multi-Agency Safeguarding Hub)",
    cads: "Children's Advice and Duty Service (CADS)",
    partnership_support: "Partnership Support",
    early_help: "Early help",
    universal: "Universal services",
    public: "Member of the public: contact children's social care",
    national_fallback: "Outside the areas we cover: national fallback"
  };
  var CARD_ACTIONS = [
    ["Show the written record", "/show_record"],
    ["Rehearse the call", "/rehearse_call"],
    ["Start again", "/start_again"]
  ];
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

  /* ---------- the advice card ---------- */

  function headline(a) {
    var service = (a.contact && a.contact.service) || "the front door";
    if (a.immediate_danger) { return "Call 999 now: the child is in immediate danger."; }
    if (a.level === null || a.level === undefined) { return "We don't hold guidance for that area."; }
    if (a.s47) { return "Level 4 (" + a.level_name + "): this needs a referral to " + service + " today."; }
    return "Level " + a.level + " (" + a.level_name + "): " + service + ".";
  }

  function section(title, className) {
    var box = el("section", className);
    box.appendChild(el("h4", null, title));
    return box;
  }

  function textList(tag, items, className) {
    var list = el(tag, className);
    (items || []).forEach(function (item) {
      if (isText(item)) { list.appendChild(el("li", null, item)); }
    });
    return list;
  }

  function uniquePhones(contact) {
    var seen = {};
    var phones = [];
    (contact.phones || []).concat(contact.phone ? [contact.phone] : []).forEach(function (p) {
      if (isText(p) && !seen[p]) { seen[p] = true; phones.push(p); }
    });
    return phones;
  }

  function contactBlock(contact, title, className) {
    var box = section(title, className);
    box.appendChild(el("p", "service", contact.service));
    var phones = uniquePhones(contact);
    if (phones.length) {
      var line = el("p", "phones", "Phone: ");
      phones.forEach(function (number, i) {
        var href = telHref(number);
        if (i > 0) { line.appendChild(document.createTextNode(" or ")); }
        line.appendChild(href ? link(href, number, "phone") : el("span", "phone", number));
      });
      box.appendChild(line);
    }
    if (isText(contact.hours)) { box.appendChild(el("p", "hours", "Hours: " + contact.hours)); }
    if (isText(contact.out_of_hours)) { box.appendChild(el("p", "out-of-hours", "Out of hours: " + contact.out_of_hours)); }
    if (isText(contact.email)) {
      var mail = mailHref(contact.email);
      var p = el("p", "email", "Email: ");
      p.appendChild(mail ? link(mail, contact.email) : el("span", null, contact.email));
      box.appendChild(p);
    }
    if (isText(contact.web)) {
      var href = webHref(contact.web);
      if (href) {
        var w = el("p", "web", "Online: ");
        var a = link(href, contact.web);
        a.rel = "noopener noreferrer";
        w.appendChild(a);
        box.appendChild(w);
      }
    }
    if (isText(contact.contact_missing)) { box.appendChild(el("p", "contact-missing", contact.contact_missing)); }
    if (isText(contact.how)) {
      var how = el("details", "how");
      append(how, el("summary", null, "How to contact them"), el("p", null, contact.how));
      box.appendChild(how);
    }
    return box;
  }

  function citationText(c) {
    return c ? c.title + ", " + c.section : "";
  }

  function indicatorsBlock(indicators) {
    var box = section("What you told me matches (from the guidance)", "advice-indicators");
    if (!indicators || !indicators.length) {
      box.appendChild(el("p", null, "No specific indicator from the guidance was matched."));
      return box;
    }
    var list = el("ul");
    indicators.forEach(function (ind) {
      var item = el("li", "indicator");
      var level = "level " + ind.level + (ind.s47 ? ", section 47 red flag" : "");
      append(item,
        el("span", "indicator-text", ind.text + " (" + level + ")"),
        isText(ind.matched) ? el("span", "you-said", " You said: \u201c" + ind.matched + "\u201d.") : null,
        ind.source ? el("span", "source", " Source: " + citationText(ind.source) + ".") : null);
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function consentBlock(consent) {
    var box = section("Consent", "advice-consent");
    if (!consent) { return box; }
    var facts = el("dl");
    append(facts,
      el("dt", null, "Consent needed to share?"), el("dd", "consent-needed", consent.needed ? "Yes" : "No"),
      el("dt", null, "Tell the parents or carers?"), el("dd", "consent-tell", consent.tell_parents ? "Yes" : "No"));
    box.appendChild(facts);
    box.appendChild(el("p", "consent-advice", consent.advice));
    if (consent.record && consent.record.length) {
      box.appendChild(el("p", "record-heading", "What to record:"));
      box.appendChild(textList("ul", consent.record, "consent-record"));
    }
    if (consent.source) { box.appendChild(el("p", "citation", "Source: " + citationText(consent.source) + ".")); }
    return box;
  }

  function addAdviceCard(a) {
    var card = el("article", "advice-card");
    var headingId = nextId("advice-heading");
    card.setAttribute("aria-labelledby", headingId);
    card.setAttribute("data-level", a.level === null || a.level === undefined ? "none" : String(a.level));
    card.setAttribute("data-route", String(a.route));
    if (a.level === 4) { card.classList.add("level-4"); }
    if (a.immediate_danger) { card.classList.add("danger"); }

    var heading = el("h3", null, headline(a));
    heading.id = headingId;
    card.appendChild(heading);

    if (a.immediate_danger || a.route === "999") {
      var call = el("p", "call-999", "Call ");
      append(call, link("tel:999", "999", "phone"), document.createTextNode(" now."));
      card.appendChild(call);
    }

    var facts = el("dl", "advice-facts");
    var levelText = a.level === null || a.level === undefined
      ? "No level: we don't hold guidance for that area"
      : "Level " + a.level + (a.level_name ? ": " + a.level_name : "");
    var routeText = (ROUTE_LABELS[a.route] || String(a.route)) + (a.s47 ? " (section 47 child protection)" : "");
    append(facts,
      el("dt", null, "Level of need"), el("dd", "advice-level", levelText),
      el("dt", null, "Route"), el("dd", "advice-route", routeText));
    if (isText(a.area_name)) { append(facts, el("dt", null, "Area"), el("dd", "advice-area", a.area_name)); }
    card.appendChild(facts);

    if (a.contact) { card.appendChild(contactBlock(a.contact, "Who to contact", "advice-contact")); }
    if (a.door && a.contact && a.door.service !== a.contact.service) {
      card.appendChild(contactBlock(a.door, "Then the front door", "advice-door"));
    }

    var next = section("What to do next", "advice-then");
    next.appendChild(textList("ol", a.then));
    card.appendChild(next);

    card.appendChild(consentBlock(a.consent));
    card.appendChild(indicatorsBlock(a.indicators));

    if (a.rationale && a.rationale.length) {
      var why = el("details", "advice-why");
      why.appendChild(el("summary", null, "Why this advice"));
      a.rationale.forEach(function (r) { why.appendChild(el("p", null, r)); });
      card.appendChild(why);
    }
    if (a.notes && a.notes.length) {
      var notes = section("Notes", "advice-notes");
      notes.appendChild(textList("ul", a.notes));
      card.appendChild(notes);
    }
    if (isText(a.escalation)) {
      var esc = el("details", "advice-escalation");
      append(esc, el("summary", null, "If you disagree with the decision"), el("p", null, a.escalation));
      card.appendChild(esc);
    }
    if (a.citations && a.citations.length) {
      var sources = section("Sources", "advice-sources");
      sources.appendChild(textList("ul", a.citations.map(citationText), "citations"));
      card.appendChild(sources);
    }
    card.appendChild(el("p", "disclaimer", a.disclaimer));
    if (isText(a.guidance_version)) { card.appendChild(el("p", "citation", "Guidance version " + a.guidance_version)); }

    var actions = el("div", "card-actions");
    actions.setAttribute("role", "group");
    actions.setAttribute("aria-label", "What next");
    CARD_ACTIONS.forEach(function (pair) {
      var button = el("button", null, pair[0]);
      button.type = "button";
      button.setAttribute("data-payload", pair[1]);
      button.addEventListener("click", function () { send(pair[1], pair[0]); });
      actions.appendChild(button);
    });
    card.appendChild(actions);

    log.appendChild(card);
    scrollToEnd();
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
    var advice = null;
    var recordTexts = [];
    messages.forEach(function (m) {
      if (m && m.custom && m.custom.type === "advice") { advice = m.custom; }
      if (m && m.custom && m.custom.type === "record" && isText(m.custom.markdown)) { recordTexts.push(m.custom.markdown); }
    });
    // The plain-text advice duplicates the card; keep it, folded away, for copying.
    var marker = advice && isText(advice.guidance_version) ? "Guidance version " + advice.guidance_version : null;
    messages.forEach(function (m) {
      if (!m || typeof m !== "object") { return; }
      if (isText(m.text) && recordTexts.indexOf(m.text) === -1) {  // a record's text is shown in the record itself
        if (marker && m.text.indexOf(marker) !== -1) {
          var folded = el("details", "plain-advice");
          append(folded, el("summary", null, "The advice as plain text"), el("div", "bubble", m.text));
          var item = el("div", "msg msg-bot");
          item.appendChild(folded);
          log.appendChild(item);
        } else {
          addMessage("bot", m.text);
        }
      }
      if (Array.isArray(m.buttons) && m.buttons.length) { addQuickReplies(m.buttons); }
      if (m.custom && typeof m.custom === "object") {
        if (m.custom.type === "advice") { addAdviceCard(m.custom); }
        else if (m.custom.type === "record") { addRecord(m.custom); }
      }
    });
    scrollToEnd();
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
      body: JSON.stringify({ sender: senderId, message: message, message_id: messageId }),
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
