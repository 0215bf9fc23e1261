"""The website widget in a real browser: Debian's headless Chromium, driven by Playwright, against
the real Rasa and action servers on localhost, on the demo page each town's IT staff would see.

Screenshots and the accessibility report land in tests/artifacts/ (kept by CI, never committed).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests

from benchmarks.servers import API_TOKEN, Servers, free_port
from bot.kb.loader import towns
from tests.conftest import MODEL, ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.model, pytest.mark.browser]

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "build/node/node_modules/axe-core/axe.min.js"
ARTIFACTS = ROOT / "tests/artifacts"
# The flags this machine needs (no sandbox as root, and no calls home on a closed network).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LEAVE_PAGE = "<!doctype html><title>Search</title><p>An ordinary page.</p>"
TOWN_IDS = sorted(towns())


class TownSite:
    """A stand-in for a town's own website on another origin (http://localhost:PORT), whose page
    carries the one embed line pointing at the bot server (http://127.0.0.1:PORT)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.script_src = ""
        site = self

        class Page(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                lang = "es" if "lang=es" in self.path else "pt" if "lang=pt" in self.path else "en"
                body = (
                    f"<!doctype html><html lang='{lang}'><title>Town</title><h1>Police</h1>"
                    f'<script src="{site.script_src}" data-department="west-hartford" defer>'
                    "</script></html>"
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Page)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def allowed(self) -> str:
        return f"http://localhost:{self.port}"  # listed in west-hartford's widget.origins

    @property
    def other(self) -> str:
        return f"http://127.0.0.1:{self.port}"  # the same page, from an origin nobody listed


@pytest.fixture(scope="module")
def town_site() -> Iterator[TownSite]:
    site = TownSite()
    yield site
    site.server.shutdown()


@pytest.fixture(scope="module")
def servers(tmp_path_factory, town_site: TownSite) -> Iterator[Servers]:
    """The real servers, with West Hartford's knowledge file allowing the stand-in town site."""
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train`")
    tmp = tmp_path_factory.mktemp("widget-servers")
    knowledge = tmp / "knowledge"
    shutil.copytree(ROOT / "bot/knowledge", knowledge)
    weha = knowledge / "west-hartford.yml"
    weha.write_text(
        weha.read_text().replace(
            'color: "#1d4f91"\n', f'color: "#1d4f91"\n  origins: ["{town_site.allowed}"]\n'
        )
    )
    # a dated notice in force now, in Danbury's copy (the notice tests)
    today = dt.date.today()
    with (knowledge / "danbury.yml").open("a", encoding="utf-8") as danbury:
        danbury.write(
            "\nnotices:\n"
            f"  - id: {NOTICE_ID}\n"
            f'    text: "{NOTICE_TEXT}"\n'
            '    es: {text: "Emergencia por nieve: el garaje Patriot es gratis."}\n'
            '    pt: {text: "Emergência de neve: a garagem Patriot é grátis."}\n'
            f"    starts: {today - dt.timedelta(days=1)}T00:00:00\n"
            f"    ends: {today + dt.timedelta(days=2)}T00:00:00\n"
            "    topics: [overnight_parking]\n"
        )
    running = Servers(tmp, extra_env={"KNOWLEDGE_DIR": str(knowledge)})
    town_site.script_src = f"{running.base}/webhooks/webchat/widget.js"
    yield running
    running.close()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"no Chromium at {CHROMIUM}: `make test` installs it (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


class Widget:
    """One resident's tab on a town's demo page, and what they can see and do in the widget."""

    def __init__(self, browser, servers: Servers, town: str, **context) -> None:
        # Reduced motion: no smooth scrolling under the screenshots (checked in its own test).
        defaults = {"viewport": {"width": 1280, "height": 800}, "reduced_motion": "reduce"}
        self.context = browser.new_context(**{**defaults, **context})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.on("dialog", lambda dialog: self.errors.append(f"dialog: {dialog.message}"))
        self.town = towns()[town]
        self.demo = f"{servers.base}/webhooks/webchat/demo?department={town}"
        self.page.route(
            str(self.town.widget.leave_url) + "**",
            lambda route: route.fulfill(body=LEAVE_PAGE, content_type="text/html"),
        )
        self.page.goto(self.demo)
        self.launcher.wait_for()

    @property
    def launcher(self):
        return self.page.get_by_role("button", name=f"Ask {self.town.town} Police")

    @property
    def log(self):
        return self.page.get_by_role("log")

    @property
    def input(self):
        return self.page.get_by_label("Your question")

    def open(self) -> None:
        self.launcher.click()
        notice = self.page.get_by_role("button", name="OK, I understand")
        if notice.is_visible():
            notice.click()

    def ask(self, text: str) -> None:
        """Types a question, sends it with Enter, waits for the answer to arrive."""
        before = self.page.locator(".pa-bot").count()
        self.input.fill(text)
        self.input.press("Enter")
        self.page.locator(".pa-bot").nth(before).wait_for(timeout=30_000)

    def storage(self) -> dict[str, str]:
        return self.page.evaluate(
            "() => Object.fromEntries(Object.entries(sessionStorage)"
            ".filter(([k]) => k.startsWith('police-assistant:')))"
        )

    def focused(self) -> str:
        """What has the keyboard focus, looking inside the widget's shadow root."""
        return self.page.evaluate(
            """() => {
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) {
                el = el.shadowRoot.activeElement;
              }
              if (!el) return '';
              return (el.getAttribute('aria-label') || el.textContent || el.tagName).trim();
            }"""
        )

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def widgets(browser, servers: Servers) -> Iterator:
    opened: list[Widget] = []

    def open_widget(town: str = "west-hartford", **context) -> Widget:
        opened.append(Widget(browser, servers, town, **context))
        return opened[-1]

    yield open_widget
    for widget in opened:
        assert widget.errors == [], widget.errors
        widget.close()


NOTICE_ID = "snow-emergency"
NOTICE_TEXT = "Snow emergency: the Patriot Garage is free while it lasts."


def test_a_dated_notice_shows_at_the_top_and_before_the_answer(widgets) -> None:
    widget = widgets("danbury")
    widget.open()
    top = widget.page.locator(".pa-dated-item")
    assert top.inner_text() == NOTICE_TEXT and top.is_visible()
    widget.ask("is there overnight street parking in danbury?")
    replies = widget.page.locator(".pa-bot")
    assert NOTICE_TEXT in replies.nth(replies.count() - 2).inner_text()
    # West Hartford has no notice: nothing shows there
    other = widgets("west-hartford")
    other.open()
    assert other.page.locator(".pa-dated").is_hidden()


def test_a_dated_notice_comes_first_over_sms_and_rest_too(servers: Servers) -> None:
    """The same notice, from the same knowledge file, on the other channels: first, then the
    answer; and not on another topic."""
    import uuid

    number = "+1203555" + str(uuid.uuid4().int)[:4]
    text = servers.text("can i park on the street overnight", "+12035550100", number)
    assert text.startswith(NOTICE_TEXT)
    reply = servers.say("where can i park overnight in danbury", "danbury").json()
    assert reply[0]["text"] == NOTICE_TEXT and reply[0]["custom"]["notice"] == NOTICE_ID
    assert reply[1]["custom"]["topic"] == "overnight_parking"
    other = servers.say("how do I get a copy of a police report", "danbury").json()
    assert all(NOTICE_TEXT not in (m.get("text") or "") for m in other)


def test_follow_ups_and_open_now_in_the_widget(widgets) -> None:
    """A conversation in the resident's words: a follow-up about the last answer's unit, and
    whether an office is open now (whatever the hour the test runs)."""
    widget = widgets("west-hartford")
    widget.open()
    widget.ask("what does animal control do")
    widget.ask("and their hours?")
    hours = widget.page.locator(".pa-bot").last.inner_text()
    assert towns()["west-hartford"].units["animal_control"].name in hours
    widget.ask("is the parking office open now?")
    now = widget.page.locator(".pa-bot").last.inner_text()
    assert "It's open now, until" in now or "It's closed now" in now


def test_an_answer_for_another_town_says_so(widgets) -> None:
    """On Danbury's page, a question about West Hartford is answered for West Hartford, and the
    reply says whose answer it is."""
    widget = widgets("danbury")
    widget.open()
    widget.ask("where is the west hartford police station")
    last = widget.page.locator(".pa-bot").last
    assert "103 Raymond Road" in last.inner_text()
    note = last.locator(".pa-other-town")
    assert note.inner_text() == "This answer is for West Hartford; this page is Danbury's."


def test_phone_numbers_never_break_across_lines_on_a_phone(widgets) -> None:
    """375 CSS px: "203-797-" / "4614" cannot be dialled; each number is on one line."""
    widget = widgets("danbury", viewport={"width": 375, "height": 740})
    widget.open()
    widget.ask("how do I get a pistol permit")
    links = widget.page.locator('.pa-bot a[href^="tel:"]')
    assert links.count() >= 2
    for i in range(links.count()):
        lines = links.nth(i).evaluate("a => a.getClientRects().length")
        assert lines == 1, links.nth(i).inner_text()


def _in_view(widget: Widget, locator) -> bool:
    """The element's top is inside the visible part of the conversation log."""
    log, box = widget.log.bounding_box(), locator.bounding_box()
    return log["y"] <= box["y"] < log["y"] + log["height"]


# --- what a resident sees -------------------------------------------------------------------------
@pytest.mark.parametrize("town_id", TOWN_IDS)
def test_a_service_question_gets_the_towns_answer_and_its_source(widgets, town_id: str) -> None:
    widget = widgets(town_id)
    widget.open()
    widget.ask("How can I get a copy of a police report?")
    answer = widget.town.answers["police_report"]
    reply = widget.page.locator(".pa-bot").last
    assert answer.text[:60] in reply.inner_text()
    source = reply.locator(".pa-sources a").first
    first_url = widget.town.source_urls(answer.sources)[0]
    assert source.get_attribute("href") == first_url
    assert source.inner_text().startswith(first_url.split("/")[2].removeprefix("www."))
    assert _in_view(widget, reply.locator(".pa-text"))
    widget.screenshot(f"widget-{town_id}.png")


def test_the_first_open_shows_the_notice_once(widgets) -> None:
    widget = widgets()
    widget.launcher.click()
    notice = widget.page.get_by_role("note")
    assert "not for emergencies" in notice.inner_text()
    assert "public records" in notice.inner_text()
    widget.page.get_by_role("button", name="OK, I understand").click()
    assert not notice.is_visible()
    widget.page.reload()
    widget.launcher.wait_for()
    assert not widget.page.get_by_role("note").is_visible()


def test_an_emergency_shows_the_banner_with_911_first(widgets) -> None:
    widget = widgets()
    widget.open()
    widget.ask("someone is breaking into my house right now")
    banner = widget.page.locator(".pa-urgent").last
    assert banner.get_attribute("role") == "alert"
    assert banner.inner_text().startswith("Emergency: call 911 now")
    first_link = banner.locator("a").first
    assert first_link.get_attribute("href") == "tel:911"
    assert first_link.is_visible()
    assert _in_view(widget, first_link)  # scrolled to, not below the fold of the log
    widget.screenshot("widget-emergency.png")


@pytest.mark.parametrize(
    ("message", "lang", "title", "call"),
    [
        (
            "alguien se esta metiendo a mi casa ahorita",
            "es",
            "Emergencia: llame al 911",
            "Llamar al 911",
        ),
        (
            "tem um ladrao dentro da minha casa agora",
            "pt",
            "Emergência: ligue para o 911",
            "Ligar para o 911",
        ),
    ],
)
def test_an_emergency_in_spanish_or_portuguese_gets_its_banner_in_that_language(
    widgets, message: str, lang: str, title: str, call: str
) -> None:
    widget = widgets("danbury")
    widget.open()
    widget.ask(message)
    banner = widget.page.locator(".pa-urgent").last
    assert banner.get_attribute("lang") == lang  # screen readers pronounce it (WCAG 3.1.2)
    assert banner.inner_text().startswith(title)
    first_link = banner.locator("a").first
    assert first_link.get_attribute("href") == "tel:911" and first_link.inner_text() == call


def test_a_crisis_offers_988_to_call_and_to_text(widgets) -> None:
    widget = widgets("danbury")
    widget.open()
    widget.ask("I want to kill myself")
    links = widget.page.locator(".pa-urgent").last.locator("a.pa-call")
    assert [links.nth(i).get_attribute("href") for i in range(3)] == [
        "tel:988",
        "sms:988",
        "tel:911",
    ]


def test_the_emergency_line_is_always_above_the_input(widgets) -> None:
    widget = widgets("danbury")
    widget.open()
    line = widget.page.locator(".pa-emergency")
    assert line.inner_text().startswith("Emergency? Call 911")
    assert line.get_by_role("link", name="Call 911").get_attribute("href") == "tel:911"
    assert line.bounding_box()["y"] < widget.input.bounding_box()["y"]


def test_the_conversation_survives_a_reload_and_can_start_fresh(widgets) -> None:
    widget = widgets()
    widget.open()
    widget.ask("where is the police station?")
    sender = json.loads(next(iter(widget.storage().values())))["sender"]
    widget.page.goto(widget.demo)  # another page of the site, same tab
    widget.log.wait_for()  # it was open: it stays open
    assert "where is the police station?" in widget.log.inner_text()
    assert "103 Raymond Road" in widget.log.inner_text()
    widget.ask("and what are the lobby hours")
    assert json.loads(next(iter(widget.storage().values())))["sender"] == sender
    widget.page.get_by_role("button", name="New chat").click()
    assert "police station" not in widget.log.inner_text()
    assert json.loads(next(iter(widget.storage().values())))["sender"] != sender


def test_leave_quickly_clears_the_chat_and_leaves(widgets) -> None:
    widget = widgets()
    widget.open()
    widget.ask("my boyfriend hits me")
    assert widget.storage()
    widget.page.get_by_role("button", name="Leave quickly").click()
    widget.page.wait_for_url(str(widget.town.widget.leave_url))
    assert widget.page.title() == "Search"
    widget.page.go_back()  # the chat page was replaced in the history, not left behind
    assert "webchat/demo" not in widget.page.url
    widget.page.goto(widget.demo)
    widget.launcher.wait_for()
    assert widget.storage() == {}
    widget.launcher.click()
    assert "boyfriend" not in widget.log.inner_text()


def test_a_script_in_a_message_is_shown_as_text(widgets) -> None:
    widget = widgets()
    widget.open()
    attack = '<script>window.__owned = 1</script><img src=x onerror="window.__owned = 2">'
    widget.ask(attack)
    assert widget.page.locator(".pa-user").last.text_content() == f"You: {attack}"
    assert widget.page.evaluate("() => window.__owned") is None
    assert widget.page.locator("#police-assistant img").count() == 0
    widget.page.reload()  # restored from storage: still text
    widget.log.wait_for()
    assert widget.page.locator(".pa-user").last.text_content() == f"You: {attack}"
    assert widget.page.evaluate("() => window.__owned") is None


# --- ratings --------------------------------------------------------------------------------------
def _ratings(servers: Servers, widget: Widget) -> list[dict]:
    """The rating events stored in this tab's conversation, read back through Rasa's API."""
    sender = json.loads(next(iter(widget.storage().values())))["sender"]
    reply = requests.get(
        f"{servers.base}/conversations/web-{sender}/tracker",
        params={"token": API_TOKEN},
        timeout=30,
    )
    assert reply.status_code == 200, reply.text
    return [e for e in reply.json()["events"] if e["event"] == "slot" and e["name"] == "rating"]


def test_rating_a_real_answer_stores_it_and_says_thank_you(widgets, servers: Servers) -> None:
    widget = widgets()
    widget.open()
    widget.ask("How can I get a copy of a police report?")
    reply = widget.page.locator(".pa-bot").last
    group = reply.get_by_role("group", name="Was this answer helpful?")
    assert group.is_visible()
    up, down = group.get_by_role("button", name="Yes, helpful"), group.get_by_role("button")
    assert down.count() == 2 and up.is_visible()
    assert up.evaluate("el => el.tagName") == "BUTTON"
    widget.screenshot("widget-rating.png")
    up.click()
    thanks = reply.get_by_text("Thank you for telling us.")
    thanks.wait_for()
    assert reply.get_by_role("button").count() == 0  # the thanks replaced the buttons
    (event,) = _ratings(servers, widget)
    assert event["value"] == "up"
    assert event["metadata"]["topic"] == "police_report"
    assert event["metadata"]["department"] == "west-hartford"
    widget.screenshot("widget-rating-thanks.png")

    widget.page.reload()  # the choice is kept with the conversation in the tab
    widget.log.wait_for()
    restored = widget.page.locator(".pa-bot").last
    assert restored.get_by_text("Thank you for telling us.").is_visible()
    assert restored.get_by_role("group", name="Was this answer helpful?").count() == 0


def test_no_rating_under_an_urgent_reply(widgets) -> None:
    widget = widgets()
    widget.open()
    widget.ask("how do I get a police report? also someone is breaking in right now")
    widget.page.locator(".pa-urgent").last.wait_for()
    widget.page.wait_for_timeout(500)  # the routine answer, if any, arrives in the same reply
    assert widget.page.locator(".pa-urgent .pa-rate").count() == 0
    # not under the routine answer that may follow the banner in that turn either
    assert widget.page.locator(".pa-rate").count() == 0
    widget.ask("there's a fire in my kitchen")
    assert widget.page.locator(".pa-urgent").count() == 2
    assert widget.page.get_by_role("button", name="Yes, helpful").count() == 0
    widget.screenshot("widget-urgent-no-rating.png")


def test_rating_with_the_keyboard(widgets, servers: Servers) -> None:
    widget = widgets("danbury")
    widget.open()
    widget.ask("where do I pay a parking ticket")
    page = widget.page
    for _ in range(12):  # back from the input, through the emergency line, into the answer
        page.keyboard.press("Shift+Tab")
        if widget.focused() == "No, not helpful":
            break
    else:
        pytest.fail(f"Shift+Tab never reached the rating (last focus: {widget.focused()})")
    outline = page.locator(".pa-rate-button").last.evaluate(
        "el => getComputedStyle(el).outlineStyle"
    )
    assert outline != "none"  # focus is visible
    page.keyboard.press("Enter")
    page.locator(".pa-rate-thanks").wait_for()
    assert widget.focused() == "Thank you for telling us."  # the keyboard user keeps their place
    (event,) = _ratings(servers, widget)
    assert event["value"] == "down" and event["metadata"]["topic"] == "parking_ticket"


# --- the "how this assistant works" page ----------------------------------------------------------
def test_the_notice_links_to_the_about_page(widgets, servers: Servers) -> None:
    widget = widgets("danbury")
    widget.launcher.click()
    link = widget.page.get_by_role("note").get_by_role("link", name="How this assistant works")
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in link.get_attribute("rel").split()
    href = f"{servers.base}/webhooks/webchat/about?department=danbury&lang=en"
    assert link.get_attribute("href") == href
    widget.screenshot("widget-notice-about-link.png")
    with widget.context.expect_page() as opened:
        link.click()
    about = opened.value
    about.wait_for_load_state()
    assert about.url == href
    heading = "How this assistant works: Danbury Police Department"
    assert about.get_by_role("heading", level=1).inner_text() == heading
    about.close()


def test_the_about_link_follows_the_widgets_language(
    browser, servers: Servers, town_site: TownSite
) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(town_site.allowed + "/?lang=pt")
        page.get_by_role("button", name="Pergunte à Polícia de West Hartford").click()
        link = page.get_by_role("link", name="Como funciona este assistente")
        assert link.get_attribute("href").endswith("about?department=west-hartford&lang=pt")
    finally:
        context.close()


@pytest.mark.parametrize(
    ("town_id", "lang"), [("west-hartford", "en"), ("danbury", "es"), ("", "pt")]
)
def test_axe_on_the_about_page(browser, servers: Servers, town_id: str, lang: str) -> None:
    """In Chromium, with its CSP on (no script may run; axe is evaluated through DevTools)."""
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: `make test` installs it (make browser)")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        problems: list[str] = []
        failed: list[str] = []
        loading = "Failed to load resource"  # reported by URL below (the browser's favicon.ico)
        page.on(
            "console",
            lambda m: (
                problems.append(m.text)
                if m.type == "error" and not m.text.startswith(loading)
                else None
            ),
        )
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        query = f"department={town_id}&lang={lang}" if town_id else f"lang={lang}"
        page.goto(f"{servers.base}/webhooks/webchat/about?{query}")
        assert page.locator("html").get_attribute("lang") == lang
        styled = page.locator("h1").evaluate("el => getComputedStyle(el).fontSize")
        assert styled == "28.8px"  # its inline stylesheet applied: the CSP hash matches
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate(
            """async () => await axe.run(document, {
                 runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
        )
        name = f"about-{town_id or 'all'}-{lang}"
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(result["violations"], indent=1))
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        assert result["passes"], "axe checked nothing"
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == [], "\n".join(bad)
        assert problems == [], problems  # no CSP violation, no script error
        assert [url for url in failed if not url.endswith("/favicon.ico")] == []
    finally:
        context.close()


# --- keyboard, screen readers, small screens ------------------------------------------------------
def test_keyboard_only(widgets) -> None:
    widget = widgets()
    page = widget.page
    for _ in range(10):  # Tab through the page until the launcher has the focus
        page.keyboard.press("Tab")
        if widget.focused() == "?Ask West Hartford Police":
            break
    else:
        pytest.fail(f"Tab never reached the launcher (last focus: {widget.focused()})")
    outline = widget.launcher.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"  # focus is visible
    page.keyboard.press("Enter")
    assert widget.focused() == "OK, I understand"
    page.keyboard.press("Enter")
    assert widget.launcher.get_attribute("aria-expanded") == "true"
    page.keyboard.type("who do I call about a stray dog")
    page.keyboard.press("Enter")
    page.locator(".pa-bot").nth(1).wait_for(timeout=30_000)
    assert "nimal" in page.locator(".pa-bot").nth(1).inner_text()
    page.keyboard.press("Shift+Tab")  # back out of the input: the next focus stop is in the panel
    assert widget.focused() != ""
    page.keyboard.press("Escape")
    assert not widget.log.is_visible()
    assert widget.focused() == "?Ask West Hartford Police"  # focus back on the launcher


def test_replies_are_in_a_live_log(widgets) -> None:
    widget = widgets()
    widget.open()
    assert widget.log.get_attribute("aria-live") == "polite"
    widget.ask("hello")
    assert widget.log.locator(".pa-bot").count() >= 2  # the greeting and the reply, inside the log


@pytest.mark.parametrize(
    ("label", "viewport"),
    [("320px", {"width": 320, "height": 640}), ("zoom200", {"width": 640, "height": 400})],
)
def test_usable_at_320px_and_200_percent_zoom(widgets, label: str, viewport: dict) -> None:
    """320 CSS px is a small phone; a 1280x800 window at 200 % zoom is 640x400 CSS px."""
    widget = widgets("danbury", viewport=viewport)
    widget.open()
    widget.ask("where is the police station")
    page = widget.page
    for control in (widget.input, page.get_by_role("button", name="Send")):
        box = control.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], control
        assert box["y"] + box["height"] <= viewport["height"]
    for name in ("Leave quickly", "Close chat"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box and box["x"] + box["width"] <= viewport["width"]
    panel_width = page.locator("#pa-panel").evaluate("el => el.scrollWidth")
    assert panel_width <= viewport["width"]  # nothing to scroll sideways
    widget.screenshot(f"widget-danbury-{label}.png")


@pytest.mark.parametrize(
    ("preference", "scrolling"), [("no-preference", "smooth"), ("reduce", "auto")]
)
def test_reduced_motion_is_respected(widgets, preference: str, scrolling: str) -> None:
    widget = widgets(reduced_motion=preference)
    widget.open()
    assert widget.log.evaluate("el => getComputedStyle(el).scrollBehavior") == scrolling


# --- automated accessibility check ----------------------------------------------------------------
def _axe(widget: Widget) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA rules on the page, the widget's shadow root included."""
    return _axe_on(widget.page)


def _axe_on(page) -> list[dict]:
    """_axe on any page that shows the widget."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {
             runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    checked = {json.dumps(n["target"]) for rule in result["passes"] for n in rule["nodes"]}
    assert any("#police-assistant" in target for target in checked), "axe never saw the widget"
    return result["violations"]


@pytest.mark.parametrize("town_id", TOWN_IDS)
def test_axe_finds_no_serious_or_critical_violations(widgets, town_id: str) -> None:
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: `make test` installs it (make browser)")
    widget = widgets(town_id, bypass_csp=True)  # the demo page's CSP would refuse axe's script
    closed = _axe(widget)
    widget.launcher.click()
    notice = _axe(widget)  # the first-open notice
    widget.page.get_by_role("button", name="OK, I understand").click()
    widget.ask("how do I pay a parking ticket")
    widget.ask("there's a fire in my kitchen")
    conversation = _axe(widget)
    report = {"closed": closed, "notice": notice, "conversation": conversation}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{town_id}.json").write_text(json.dumps(report, indent=1))
    bad = [
        f"{state}: {v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for state, violations in report.items()
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], "\n".join(bad)


# --- on the town's own site -----------------------------------------------------------------------
def test_embedded_on_the_towns_own_site_with_the_one_line(
    browser, servers: Servers, town_site: TownSite
) -> None:
    """Another origin than the bot's: config and messages cross origins (CORS) and work."""
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.goto(town_site.allowed)
        page.get_by_role("button", name="Ask West Hartford Police").click()
        page.get_by_role("button", name="OK, I understand").click()
        page.get_by_label("Your question").fill("can I park on the street overnight")
        page.get_by_label("Your question").press("Enter")
        reply = page.locator(".pa-bot").nth(1)
        reply.wait_for(timeout=30_000)
        assert "overnight" in reply.inner_text().lower()
        assert errors == []
    finally:
        context.close()


def test_a_site_not_listed_cannot_use_it(browser, servers: Servers, town_site: TownSite) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda message: console.append(message.text))
        page.goto(town_site.other)
        page.wait_for_function("() => window.__policeAssistantLoaded === true")
        page.wait_for_timeout(1000)
        assert page.locator("#police-assistant").count() == 0
        assert any("Police assistant: not shown" in line for line in console), console
    finally:
        context.close()


# --- in the resident's language -------------------------------------------------------------------
@contextmanager
def _page_at(browser, url: str) -> Iterator[tuple[Any, list[str]]]:
    """A new browser context on `url`, with the page's script errors collected; axe-core must be
    installed (the tests that use this run it)."""
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: `make test` installs it (make browser)")
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.goto(url)
        yield page, errors
    finally:
        context.close()


def test_on_a_spanish_page_everything_is_in_spanish_and_marked_so(
    browser, servers: Servers, town_site: TownSite
) -> None:
    """The page's language is the widget's first guess: its own texts, the greeting, the answer
    and its source line in Spanish, with lang="es" for screen readers (WCAG 3.1.2); axe passes."""
    with _page_at(browser, town_site.allowed + "/?lang=es") as (page, errors):
        page.get_by_role("button", name="Pregunte a la Policía de West Hartford").click()
        assert "No es para emergencias" in page.get_by_role("note").inner_text()
        page.get_by_role("button", name="De acuerdo, entiendo").click()
        assert page.locator("#pa-panel").get_attribute("lang") == "es"
        assert page.locator(".pa-emergency").inner_text().startswith("¿Emergencia? Llame al 911")
        greeting = page.locator(".pa-bot").first
        assert greeting.get_attribute("lang") == "es" and "¡Hola!" in greeting.inner_text()
        page.get_by_label("Su pregunta").fill("donde queda la estacion de policia")
        page.get_by_label("Su pregunta").press("Enter")
        reply = page.locator(".pa-bot").nth(1)
        reply.wait_for(timeout=30_000)
        answer = towns()["west-hartford"].answers["station_location"]
        assert reply.get_attribute("lang") == "es"
        assert answer.in_language("text", "es")[:50] in reply.inner_text()
        assert reply.locator(".pa-sources").inner_text().startswith("Fuente")
        bad = [v["id"] for v in _axe_on(page) if v["impact"] in ("serious", "critical")]
        assert bad == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "widget-es.png"))
        assert errors == []


def test_on_a_portuguese_page_the_widget_speaks_portuguese_and_axe_passes(
    browser, servers: Servers, town_site: TownSite
) -> None:
    """The same in Portuguese, with the texts as bot/domain.yml has them: the launcher, the
    notice, the label, the answer and its source line; lang="pt" on the panel, on each reply and,
    once the reply says so, on the resident's own message; axe passes."""
    from bot.phrases import phrase

    with _page_at(browser, town_site.allowed + "/?lang=pt") as (page, errors):
        launcher = phrase("utter_widget_launcher", "pt", town="West Hartford")
        page.get_by_role("button", name=launcher).click()
        page.get_by_role("button", name=phrase("utter_widget_notice_ok", "pt")).click()
        assert page.locator("#pa-panel").get_attribute("lang") == "pt"
        label = phrase("utter_widget_input_label", "pt")
        page.get_by_label(label).fill("onde fica a delegacia de policia")
        page.get_by_label(label).press("Enter")
        reply = page.locator(".pa-bot").nth(1)
        reply.wait_for(timeout=30_000)
        answer = towns()["west-hartford"].answers["station_location"]
        assert reply.get_attribute("lang") == "pt"
        assert answer.in_language("text", "pt")[:50] in reply.inner_text()
        source = phrase("utter_widget_source", "pt").rstrip(":")
        assert reply.locator(".pa-sources").inner_text().startswith(source)
        assert page.locator(".pa-user").first.get_attribute("lang") == "pt"
        bad = [v["id"] for v in _axe_on(page) if v["impact"] in ("serious", "critical")]
        assert bad == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "widget-pt.png"))
        assert errors == []


def test_the_residents_own_message_takes_the_language_the_assistant_read_it_in(widgets) -> None:
    """On an English page, a message written in Spanish is marked lang="es" once the reply says
    so, with its spoken label ("Usted:") and the reply's "(opens in a new tab)" in Spanish: a
    screen reader pronounces each as written (WCAG 3.1.2)."""
    from bot.phrases import phrase

    widget = widgets("danbury")
    widget.open()
    widget.ask("necesito una copia del reporte de policia de un accidente")
    reply = widget.page.locator(".pa-bot").last
    assert reply.get_attribute("lang") == "es"
    mine = widget.page.locator(".pa-user").last
    assert mine.get_attribute("lang") == "es"
    assert mine.locator(".pa-sr").text_content().strip() == phrase("utter_widget_you", "es")
    new_tab = phrase("utter_widget_new_tab", "es")
    assert new_tab != phrase("utter_widget_new_tab", "en")
    spoken = reply.locator(".pa-sources a .pa-sr").first.text_content().strip()
    assert spoken == new_tab
    about = widget.page.locator(".pa-about .pa-sr").text_content().strip()
    assert about == new_tab


def test_the_widget_follows_the_language_the_resident_writes_in(widgets) -> None:
    """On an English page, a resident who writes in Portuguese gets the answer and, from then on,
    the widget's own texts in Portuguese; the choice survives a reload."""
    widget = widgets("danbury")
    widget.open()
    widget.ask("meu carro foi guinchado, como faço pra pegar de volta")
    reply = widget.page.locator(".pa-bot").last
    assert reply.get_attribute("lang") == "pt"
    answer = widget.town.answers["towed_vehicle"]
    assert answer.in_language("text", "pt")[:50] in reply.inner_text()
    assert widget.page.locator("#pa-panel").get_attribute("lang") == "pt"
    assert widget.page.get_by_label("Sua pergunta").is_visible()
    assert widget.page.get_by_role("button", name="Novo chat").is_visible()
    widget.page.reload()
    widget.page.get_by_role("button", name="Pergunte à Polícia de Danbury").wait_for()
