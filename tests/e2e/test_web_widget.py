"""The web chat widget in a real browser (Debian's chromium, headless) against the real servers.

It opens the page the Rasa server serves, answers whatever the assistant asks (keyboard only) until
the advice card appears, checks the card against the guidance, clicks card buttons, checks that
injected HTML is shown as text and that the page's CSP is enforced, and saves screenshots to
``artifacts/browser/`` (CI keeps that folder as an artifact).

Issue 13.7: the advice appears once, as the card the server drew (``bot.render.cards.web_card``), with
the number as a ``tel:`` link and the focus on the card's heading, on a desktop and in a 390-pixel-wide
phone viewport (screenshots in ``build/screenshots/``).

`make browser` installs chromium and chromedriver. Selenium is given both paths, so selenium-manager
never runs and nothing is downloaded.
"""

from __future__ import annotations

import re
import shutil
import tarfile
import tempfile
import urllib.request
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Iterator, List, Tuple

import pytest
import yaml
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from bot.features.conversation import is_control_message
from bot.guidance.loader import load_areas
from bot.render.cards import tel_link
from bot.runtime.servers import ROOT
from tests.e2e.conftest import MODEL
from tests.e2e.driver import answer_for, which_question

pytestmark = pytest.mark.e2e

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = ROOT / "artifacts" / "browser"
SCREENSHOTS = ROOT / "build" / "screenshots"
PHONE_WIDTH = 390
REPLY_TIMEOUT = 120

# Fictional: a level-4 physical-abuse disclosure in Northamptonshire, which goes to the MASH.
CASE = {"area": "Northampton", "age": "8", "role": "professional",
        "worried": "He told me his dad hit him with a belt last night and he has marks on his back",
        "working_well": "his nan picks him up from school", "needs": "he needs to be safe at home",
        "scale": 2, "consent": "not_asked", "consent_risky": True}
INJECTION = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold?</b>'


def _model_intents() -> List[str]:
    """The intents the model under test was trained with (its own copy of the domain)."""
    with tarfile.open(MODEL) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("domain_provider/domain.yml"))
        domain = yaml.safe_load(archive.extractfile(member).read())
    return [i if isinstance(i, str) else next(iter(i)) for i in domain.get("intents", [])]


def _mash_phone() -> str:
    """The number the card must link to, straight from guidance/ (never typed into the test)."""
    route = next(r for r in load_areas()["northamptonshire"].routes if r.kind == "mash")
    return route.phones[0].number


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail("chromium or chromedriver missing: run `make browser` (Debian's chromium and chromium-driver)")
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _screenshot(driver: WebDriver, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    assert driver.save_screenshot(str(path)), f"screenshot {path} not saved"
    return path


def _full_page_screenshot(driver: WebDriver, name: str) -> Path:
    """The whole conversation in one image: the log unclipped and the window as tall as the page."""
    size = driver.get_window_size()
    driver.execute_script("document.getElementById('log').style.maxHeight = 'none';")
    height = driver.execute_script("return document.documentElement.scrollHeight;")
    driver.set_window_size(size["width"], min(int(height) + 150, 12000))
    try:
        return _screenshot(driver, name)
    finally:
        driver.execute_script("document.getElementById('log').style.maxHeight = '';")
        driver.set_window_size(size["width"], size["height"])


def _screenshot_to(driver: WebDriver, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(path)), f"screenshot {path} not saved"
    return path


def _saved(path: Path) -> None:
    assert path.is_file() and path.stat().st_size > 0, f"screenshot {path} missing or empty"


SEED_LINE = re.compile(r"seed lines?", re.I)


def _check_advice_once(driver: WebDriver, card: WebElement, turn: List[str]) -> None:
    """Issue 13.7: one card, no text copy of the advice, the number a tel: link, the focus on the heading."""
    assert len(driver.find_elements(By.CSS_SELECTOR, "#log .card")) == 1, "the advice is shown once"
    heading = card.find_element(By.TAG_NAME, "h3")
    lines = [line for line in heading.text.splitlines() if line.strip()]
    assert 1 <= len(lines) <= 3, lines
    for bubble in turn:
        assert lines[0] not in bubble and "Guidance version" not in bubble and "What to do:" not in bubble, \
            f"the advice also arrived as text: {bubble[:200]}"
    assert not driver.find_elements(By.CSS_SELECTOR, "#log details.plain-advice")
    tel = heading.find_elements(By.CSS_SELECTOR, "a[href^='tel:']")
    assert tel and tel[0].is_displayed(), "the number in the headline is a tel: link"
    assert driver.switch_to.active_element == heading, "the focus moves to the card's heading"
    assert not SEED_LINE.search(card.get_attribute("textContent"))


class Widget:
    """The page, driven the way a keyboard user would."""

    def __init__(self, driver: WebDriver) -> None:
        self.driver = driver

    @property
    def chat(self) -> WebElement:
        return self.driver.find_element(By.ID, "chat")

    def replies(self) -> int:
        return int(self.chat.get_attribute("data-replies") or 0)

    def wait_for_reply(self, after: int) -> None:
        WebDriverWait(self.driver, REPLY_TIMEOUT).until(
            lambda d: self.replies() > after and self.chat.get_attribute("data-busy") == "false",
            "the widget showed no reply")

    def bot_texts(self) -> List[str]:
        bubbles = self.driver.find_elements(By.CSS_SELECTOR, "#log .msg-bot .bubble")
        return [b.get_attribute("textContent") for b in bubbles]

    def errors(self) -> List[str]:
        return [e.get_attribute("textContent") for e in self.driver.find_elements(By.CSS_SELECTOR, "#log .msg-error")]

    def act(self, action: Callable[[], None]) -> List[str]:
        """Do something that sends a message; return the bot texts it produced."""
        before, seen = self.replies(), len(self.bot_texts())
        action()
        self.wait_for_reply(before)
        assert not self.errors(), f"the widget reported an error: {self.errors()}"
        return self.bot_texts()[seen:]

    def type(self, text: str) -> List[str]:
        box = self.driver.find_element(By.ID, "chat-input")
        return self.act(lambda: box.send_keys(text, Keys.ENTER))

    def press(self, button: WebElement) -> List[str]:
        """Keyboard activation: focus the button and press Enter."""
        return self.act(lambda: button.send_keys(Keys.ENTER))

    def quick_reply(self, title: str) -> WebElement | None:
        for button in self.driver.find_elements(By.CSS_SELECTOR, "#log .quick-replies button:enabled"):
            if button.text.strip().lower() == title.lower():
                return button
        return None


def _converse_to_card(widget: Widget, texts: List[str], max_turns: int = 30) -> Tuple[WebElement, List[str]]:
    """Answer the questions until the card appears; the card and the bubbles of the turn that brought it."""
    asked: dict = {}
    for _ in range(max_turns):
        cards = widget.driver.find_elements(By.CSS_SELECTOR, "#log .advice-card")
        if cards:
            return cards[-1], texts
        slot = which_question([{"text": t} for t in texts])
        assert slot, f"no question recognised in {texts[-3:]}"
        asked[slot] = asked.get(slot, 0) + 1
        assert asked[slot] <= 3, f"stuck on {slot}: {texts[-3:]}"
        answer = answer_for(slot, CASE)
        if is_control_message(answer, "help_request"):
            answer = "not sure"
        button = widget.quick_reply("No") if slot == "triage_danger_now" else None
        texts = widget.press(button) if button else widget.type(answer)
    raise AssertionError(f"no advice card after {max_turns} turns; last: {texts[-3:]}")


def test_full_conversation_in_the_browser_renders_the_advice_card(assistant, browser: WebDriver) -> None:
    page = f"{assistant.url}/webhooks/web/"
    with urllib.request.urlopen(page, timeout=30) as response:
        csp = response.headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers.get("X-Content-Type-Options") == "nosniff"

    browser.get(page)
    widget = Widget(browser)
    widget.wait_for_reply(0)  # the greeting, sent when the page opens
    danger_line = browser.find_element(By.ID, "danger-line")
    assert danger_line.is_displayed() and "If a child is in immediate danger, call 999" in danger_line.text
    assert browser.switch_to.active_element.get_attribute("id") == "chat-input", "focus starts in the message box"
    assert widget.quick_reply("No") is not None, "the danger question offers keyboard-operable buttons"

    card, turn = _converse_to_card(widget, widget.bot_texts())
    _check_advice_once(browser, card, turn)
    _saved(_screenshot_to(browser, SCREENSHOTS / "advice-card-desktop.png"))
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", card)
    in_view = "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;"
    assert browser.execute_script(in_view, danger_line), "the 999 line must stay on screen"
    _screenshot(browser, "advice-card.png")
    _full_page_screenshot(browser, "conversation-full.png")

    # The card, checked against the guidance.
    assert card.get_attribute("data-level") == "4" and card.get_attribute("data-route") == "mash"
    heading = card.find_element(By.TAG_NAME, "h3")
    assert "Level 4" in heading.text and "MASH" in heading.text
    phones = [a.get_attribute("href") for a in heading.find_elements(By.CSS_SELECTOR, "a.phone")]
    assert tel_link(_mash_phone()) in phones, phones
    steps = card.find_elements(By.CSS_SELECTOR, ".advice-then li")
    assert 0 < len(steps) <= 3 and all(s.get_attribute("textContent").strip() for s in steps)
    assert "consent" in card.find_element(By.CSS_SELECTOR, ".advice-consent").text.lower()
    assert card.find_element(By.CSS_SELECTOR, ".advice-why p").text.strip()
    # The details wait behind the disclosure: closed, then opened from the keyboard.
    details = card.find_element(By.CSS_SELECTOR, "details.card-details")
    assert details.get_attribute("open") is None
    details.find_element(By.TAG_NAME, "summary").send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: details.get_attribute("open") is not None)
    indicators = card.find_elements(By.CSS_SELECTOR, ".detail-what-you-told-me-matches li")
    assert indicators, "no cited indicators in the card's details"
    assert all("Source:" in i.get_attribute("textContent") and "level" in i.get_attribute("textContent")
               for i in indicators)
    assert "Source:" in card.find_element(By.CSS_SELECTOR, ".card-source").text
    assert "designated safeguarding lead" in card.find_element(By.CSS_SELECTOR, ".disclaimer").text
    titles = [b.text for b in card.find_elements(By.CSS_SELECTOR, ".card-actions button")]
    assert titles == ["Show the written record", "Rehearse the call", "Start again"]
    assert danger_line.is_displayed()

    # The written record is tested whenever the model under test knows the show_record intent (the record
    # feature is built separately); once it does, the record must render with a download link.
    if "show_record" in _model_intents():
        widget.press(card.find_element(By.CSS_SELECTOR, "button[data-payload='/show_record']"))
        WebDriverWait(browser, REPLY_TIMEOUT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#log .record"))
        record = browser.find_elements(By.CSS_SELECTOR, "#log .record")[-1]
        assert record.find_element(By.CSS_SELECTOR, "pre").get_attribute("textContent").strip()
        assert record.find_element(By.CSS_SELECTOR, "a.record-download").get_attribute("href")
        _screenshot(browser, "written-record.png")

    # "Start again" (keyboard) starts a new assessment with the danger question.
    texts = widget.press(card.find_element(By.CSS_SELECTOR, "button[data-payload='/start_again']"))
    assert which_question([{"text": t} for t in texts]) == "triage_danger_now", texts

    # Injected HTML in a user message is shown as text, never parsed or run.
    widget.type(INJECTION)
    mine = browser.find_elements(By.CSS_SELECTOR, "#log .msg-user .bubble")
    assert any(m.get_attribute("textContent") == INJECTION for m in mine)
    assert not browser.find_elements(By.CSS_SELECTOR, "#log img, #log script, #log b")
    assert browser.execute_script("return window.__pwned === undefined")

    # The CSP is enforced by the browser: an inline script added to the page does not run.
    ran = browser.execute_script(
        "var s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
        "document.body.appendChild(s); return window.__inline === 1;")
    assert ran is False
    _screenshot(browser, "after-start-again.png")


def test_a_phone_sees_the_advice_once_as_a_card(assistant, browser: WebDriver) -> None:
    """The same conversation in a 390-pixel-wide viewport: one card, nothing to scroll sideways."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": PHONE_WIDTH, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        browser.get(f"{assistant.url}/webhooks/web/")
        assert browser.execute_script("return window.innerWidth") == PHONE_WIDTH
        widget = Widget(browser)
        widget.wait_for_reply(0)
        card, turn = _converse_to_card(widget, widget.bot_texts())
        _check_advice_once(browser, card, turn)
        heading = card.find_element(By.TAG_NAME, "h3")
        visible = ("var r = arguments[0].getBoundingClientRect(); if (r.top < 0 || r.top >= window.innerHeight) "
                   "return false; var hit = document.elementFromPoint(r.left + 4, r.top + 4);"
                   "return !!hit && arguments[0].contains(hit);")
        assert browser.execute_script(visible, heading), "the heading is on screen, not under the 999 line"
        tel = heading.find_element(By.CSS_SELECTOR, "a[href^='tel:']")
        assert tel.get_attribute("href") == tel_link(_mash_phone())
        assert browser.execute_script("return document.documentElement.scrollWidth") <= PHONE_WIDTH, \
            "the card fits the phone's width"
        _saved(_screenshot_to(browser, SCREENSHOTS / f"advice-card-{PHONE_WIDTH}px.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


class CannedRest(InputChannel):
    """Stands in for Rasa's REST channel with fixed replies, so every rendering path is checked exactly."""

    def __init__(self, replies: Dict[str, List[Tuple[int, Any]]]) -> None:
        self.replies = replies  # message -> the (status, body) answers to give, in turn
        self.received: List[Dict[str, Any]] = []

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        canned = Blueprint(f"canned_rest_{id(self)}")

        @canned.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            self.received.append(request.json)
            answers = self.replies.get(request.json.get("message")) or [(200, [{"text": "OK."}])]
            status, body = answers.pop(0) if len(answers) > 1 else answers[0]
            return response.json(body, status=status)

        return canned


def test_card_record_and_hostile_bot_text_render_safely(browser: WebDriver) -> None:
    """The engine's real advice payload (with hostile strings planted in it) and a record, from a fake REST."""
    from bot.engine.assess import assess
    from bot.engine.case import Case
    from bot.render.cards import web_card
    from bot.render.reply import build_reply
    from channels.web import WebChatInput
    from tests.channels.test_web_channel import Server

    advice = assess(Case.parse_obj({k: v for k, v in CASE.items() if k != "role"}))
    payload = advice.to_payload()
    payload["indicators"][0]["matched"] = INJECTION
    payload["contact"]["web"] = "javascript:window.__pwned=5"
    hostile = advice.parse_obj(payload)
    card_data = web_card(hostile)  # what our REST channel sends the widget (channels/web.py)
    card_data["heading"][0].append({"text": " click", "href": "javascript:window.__pwned=7"})
    record_md = "# Safeguarding record\n\n- Level 4 <script>window.__pwned=6</script>\n"
    download = "/webhooks/record/download?sender=web-x&token=fictional"
    too_fast = "You're sending messages too fast. Wait a moment. If a child is in immediate danger, call 999."
    rest = CannedRest({
        "/greet": [(200, [{"text": "Hello <script>window.__pwned=3</script>. First: is the child in danger?",
                           "buttons": [{"title": "<img src=x onerror=window.__pwned=4>", "payload": "go"}]}])],
        "go": [(200, [{"custom": card_data}, {"text": "What would you like to do next?"}])],
        "/show_record": [(200, [{"text": record_md},
                                {"custom": {"type": "record", "markdown": record_md, "download_url": download}}])],
        "again": [(429, {"error": "rate_limited", "message": too_fast, "retry_after": 1}),
                  (404, {"message": "Requested URL not found"}), (200, [{"text": "Answered once."}])],
    })
    server = Server(WebChatInput(), rest).start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        browser.get(base + "/webhooks/web/")
        widget = Widget(browser)
        widget.wait_for_reply(0)
        assert "Hello <script>window.__pwned=3</script>." in widget.bot_texts()[0]
        widget.press(widget.quick_reply("<img src=x onerror=window.__pwned=4>"))

        card = browser.find_element(By.CSS_SELECTOR, "#log .advice-card")
        heading = card.find_element(By.TAG_NAME, "h3")
        assert heading.text.splitlines()[1:] == list(build_reply(hostile).headline[1:])
        assert heading.text.splitlines()[0] == build_reply(hostile).headline[0] + " click"
        assert tel_link(_mash_phone()) in [a.get_attribute("href") for a in heading.find_elements(By.CSS_SELECTOR, "a")]
        assert browser.switch_to.active_element == heading
        matches = card.find_element(By.CSS_SELECTOR, ".detail-what-you-told-me-matches")
        assert INJECTION in matches.get_attribute("textContent")
        assert len(browser.find_elements(By.CSS_SELECTOR, "#log .card")) == 1

        widget.press(card.find_element(By.CSS_SELECTOR, "button[data-payload='/show_record']"))
        record = browser.find_element(By.CSS_SELECTOR, "#log .record")
        assert record.find_element(By.TAG_NAME, "pre").get_attribute("textContent") == record_md
        assert record_md not in widget.bot_texts(), "the record's text is shown once, in the record"
        link = record.find_element(By.CSS_SELECTOR, "a.record-download")
        assert link.get_attribute("href") == base + download and link.get_attribute("download")
        _screenshot(browser, "canned-record.png")
        _full_page_screenshot(browser, "canned-full.png")

        assert not browser.find_elements(By.CSS_SELECTOR, "#log img, #log script, #log b, #log a[href^='javascript']")
        assert browser.execute_script("return window.__pwned === undefined")

        # A refusal shows the server's own sentence (it has the 999 line); an error without 999 (a proxy's
        # 404, say) is replaced by ours; "Try again" resends with the same message_id.
        box = browser.find_element(By.ID, "chat-input")
        before = widget.replies()
        box.send_keys("again", Keys.ENTER)
        widget.wait_for_reply(before)
        assert widget.bot_texts()[-1] == too_fast
        for expected in ("couldn't reach the assistant", "Answered once."):
            before = widget.replies()
            browser.find_elements(By.CSS_SELECTOR, "#log .msg-error button:enabled")[-1].send_keys(Keys.ENTER)
            widget.wait_for_reply(before)
            assert expected in widget.bot_texts()[-1]
    finally:
        server.stop()
    senders = {m["sender"] for m in rest.received}
    assert len(senders) == 1 and re.fullmatch(r"web-[0-9a-f]{32}", senders.pop()), "one random id per tab"
    assert [m["message"] for m in rest.received] == ["/greet", "go", "/show_record", "again", "again", "again"]
    assert {m.get("input_channel") for m in rest.received} == {"web"}, "the widget asks for its own rendering"
    retries = [m["message_id"] for m in rest.received if m["message"] == "again"]
    assert len(set(retries)) == 1 and retries[0], "a retry carries the same message_id"
    assert len({m["message_id"] for m in rest.received}) == 4, "each new message has its own message_id"


def test_server_unreachable_gives_a_clear_message_not_silence(browser: WebDriver) -> None:
    """Only the page's channel runs (no REST channel), then the server stops: both failures are shown."""
    from channels.web import WebChatInput
    from tests.channels.test_web_channel import Server

    server = Server(WebChatInput()).start()
    try:
        browser.get(f"http://127.0.0.1:{server.port}/webhooks/web/")
        widget = Widget(browser)
        widget.wait_for_reply(0)  # the greeting gets a 404: there is no REST channel here
        assert any("couldn't reach the assistant" in e and "999" in e for e in widget.errors())
    finally:
        server.stop()
    before = widget.replies()
    browser.find_element(By.ID, "chat-input").send_keys("hello", Keys.ENTER)
    widget.wait_for_reply(before)
    errors = widget.errors()
    assert len(errors) == 2 and "call 999" in errors[-1]
    alert = browser.find_elements(By.CSS_SELECTOR, "#log .msg-error[role='alert'] button")
    assert alert and alert[-1].text == "Try again"
    _screenshot(browser, "server-unreachable.png")
