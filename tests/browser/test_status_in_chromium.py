"""The status pages in a real browser, against the live service over HTTP with the demo's scenes played
(`escalator demo --keep`): the demo prints the pages' address and they show its tickets; the ticket that crossed
80 % of its SLA is at risk and its countdown goes down, in the viewer's time zone; the Decisions page shows the
legal threat's reasons; a read-only viewer cannot retry a dead letter and an admin can; a page without sign-in
redirects to it. Each page's screenshot is saved as a test artefact."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.models import DeadLetterRow

pytestmark = pytest.mark.browser
DEMO_SUBJECTS = ("Production down: dashboards not loading", "Charged twice for November",
                 "Invoice export still broken", "Cannot add a second admin", "Reports export times out",
                 "Synchronisation du calendrier", "Data import mapping question", "How do I change my password?")


def sign_in(page: Any, url: str, name: str, password: str) -> None:
    page.goto(url)
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    page.click("#login button[type=submit]")
    page.wait_for_selector("#viewer")
    in_the_browsers_zone(page)


def in_the_browsers_zone(page: Any, seconds: float = 15.0) -> None:
    """Wait until the page shows times in the browser's own zone. A browser in another zone than the
    organization's makes status.js set the zone cookie and reload the page once; a `goto` issued while that reload
    is under way is aborted (net::ERR_ABORTED), so each test starts from the page after it."""
    from playwright.sync_api import Error as PlaywrightError  # imported where used, as the conftest does

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if page.evaluate("document.readyState === 'complete' && "
                             "document.body.dataset.tz === Intl.DateTimeFormat().resolvedOptions().timeZone"):
                return
        except PlaywrightError:  # the page is being replaced by the reload: ask the new one
            pass
        page.wait_for_timeout(100)
    raise AssertionError(f"the page never showed the browser's zone: {page.url}")


@pytest.fixture
def viewer(chromium: Any, demo: Any) -> Iterator[Any]:
    context = chromium.new_context(timezone_id="America/New_York", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    sign_in(page, demo.url, "demo-viewer", demo.viewer)
    yield page
    context.close()


@pytest.fixture
def admin(chromium: Any, demo: Any) -> Iterator[Any]:
    context = chromium.new_context(timezone_id="Europe/Paris", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    sign_in(page, demo.url, "demo-admin", demo.admin)
    yield page
    context.close()


def test_the_demo_prints_the_status_page_and_it_shows_the_demos_tickets(demo: Any, viewer: Any,
                                                                       artifacts: Path) -> None:
    assert re.search(r"Status page: http://127\.0\.0\.1:\d+/escalator/ \(sign in as demo-admin", demo.output)
    viewer.goto(demo.url)
    viewer.wait_for_selector("#at-risk tr.ticket")
    table = viewer.inner_text("#at-risk")
    for subject in DEMO_SUBJECTS:
        assert subject in table, subject
    assert "8 open tickets" in viewer.inner_text("h1")
    viewer.screenshot(path=str(artifacts / "at-risk.png"), full_page=True)


def test_the_ticket_past_80_percent_is_at_risk_and_its_countdown_goes_down(demo: Any, viewer: Any,
                                                                           artifacts: Path) -> None:
    viewer.goto(demo.url)
    assert "times in America/New_York" in viewer.inner_text("header")  # the browser's zone, set by the script
    row = viewer.locator("tr.ticket", has_text="Reports export times out")
    first_response = row.locator("li.clock[data-kind=first_response]")
    assert re.search(r"\b(8\d|9\d)%", first_response.inner_text())  # past 80 % of its one hour
    assert "warning" in (first_response.get_attribute("class") or "")
    assert re.search(r"due \w{3} \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} EST", first_response.inner_text())
    assert "2 · Technical/Specialist" in row.inner_text()  # escalated by auto_escalate_sla at 80 %
    countdown = first_response.locator(".countdown")
    before, shown_before = int(countdown.get_attribute("data-left-ms") or 0), countdown.inner_text()
    time.sleep(2.5)
    after, shown_after = int(countdown.get_attribute("data-left-ms") or 0), countdown.inner_text()
    assert 0 < after < before and 2000 <= before - after <= 4000, (before, after)
    assert shown_before != shown_after and shown_after.endswith("left")
    viewer.screenshot(path=str(artifacts / "at-risk-countdown.png"), full_page=True)
    row.locator("a", has_text="#").first.click()
    viewer.wait_for_selector("#timeline")
    kinds = set(viewer.locator("#timeline li.entry").evaluate_all("items => items.map(i => i.dataset.kind)"))
    assert {"event", "decision", "escalation", "alert"} <= kinds
    viewer.screenshot(path=str(artifacts / "ticket.png"), full_page=True)


def test_the_decisions_page_shows_the_legal_threats_reasons(demo: Any, viewer: Any, artifacts: Path) -> None:
    viewer.goto(demo.url + "decisions")
    viewer.select_option("#decision-filters select[name=rule]", "legal_threat")
    viewer.click("#decision-filters button[type=submit]")
    viewer.wait_for_url(re.compile(r"rule=legal_threat"))
    decisions = viewer.locator("#decisions article.decision")
    assert decisions.count() == 1
    text = decisions.first.inner_text()
    assert "Escalated Tier 1 → 4 by rule:legal_threat" in text
    assert "legal_keywords" in text and 'Legal threat language: "my lawyer will", "legal action"' in text
    assert "matter" in text and "ESCALATION TO TIER 4 (Management/Executive)" in text  # figures, the note
    assert re.search(r"support_manager\s.*\ssent after 1 attempt", text)  # the alert and its delivery
    assert "Charged twice for November" not in viewer.url  # filters only in the address
    viewer.screenshot(path=str(artifacts / "decisions-legal-threat.png"), full_page=True)


def test_a_viewer_cannot_retry_a_dead_letter_and_an_admin_can(demo: Any, viewer: Any, admin: Any,
                                                              artifacts: Path) -> None:
    store = Store(f"sqlite:///{demo.folder / 'escalator.db'}")
    try:
        with store.session() as session:
            letter = repo.add_dead_letter(session, "send_notifications", [], "TransientError: the SMTP relay "
                                          "timed out", 4, datetime.now(UTC))
            letter_id = letter.id
        viewer.goto(demo.url + "operations")
        row = viewer.locator(f"tr.dead-letter[data-id='{letter_id}']")
        assert "the SMTP relay timed out" in row.inner_text()
        assert row.locator("button.retry").count() == 0 and "need the admin role" in viewer.inner_text("main")
        csrf = viewer.locator("header input[name=csrf_token]").get_attribute("value")
        forged = viewer.request.post(f"{demo.url}operations/dead-letters/{letter_id}/retry",
                                     form={"csrf_token": csrf or ""}, max_redirects=0)
        assert forged.status == 403  # a valid session and token, but not an admin
        with store.session() as session:
            assert repo.get_dead_letter(session, letter_id).retried_at is None  # type: ignore[union-attr]
        viewer.screenshot(path=str(artifacts / "operations-viewer.png"), full_page=True)

        admin.goto(demo.url + "operations")
        assert "times in Europe/Paris" in admin.inner_text("header")
        admin.locator(f"tr.dead-letter[data-id='{letter_id}'] button.retry").click()
        admin.wait_for_selector(".message")
        assert f"Dead letter #{letter_id} queued again." in admin.inner_text(".message")
        with store.session() as session:
            row_after = session.scalar(select(DeadLetterRow).where(DeadLetterRow.id == letter_id))
            assert row_after is not None and row_after.retried_at is not None
        assert "sweep" in admin.inner_text("#job-runs")  # the last sweep, with what it did
        admin.screenshot(path=str(artifacts / "operations-admin.png"), full_page=True)
    finally:
        store.dispose()


def test_a_page_without_sign_in_redirects_to_it(chromium: Any, demo: Any, artifacts: Path) -> None:
    context = chromium.new_context()
    page = context.new_page()
    try:
        page.goto(demo.url + "decisions?rule=legal_threat")
        assert re.search(r"/escalator/login\?next=", page.url)
        assert page.locator("#login").is_visible()
        page.screenshot(path=str(artifacts / "sign-in.png"), full_page=True)
        page.fill("input[name=name]", "demo-viewer")
        page.fill("input[name=password]", "not the password")
        page.click("#login button[type=submit]")
        assert "Wrong name and password" in page.inner_text("main")
        assert not [c for c in context.cookies() if c["name"] == "escalator_status"]
        page.fill("input[name=name]", "demo-viewer")
        page.fill("input[name=password]", demo.viewer)
        page.click("#login button[type=submit]")
        page.wait_for_url(re.compile(r"/escalator/decisions\?rule=legal_threat$"))  # back where it was going
        [cookie] = [c for c in context.cookies() if c["name"] == "escalator_status"]
        assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Lax"
    finally:
        context.close()


def test_the_reports_page_shows_its_charts(demo: Any, viewer: Any, artifacts: Path) -> None:
    viewer.goto(demo.url + "reports")
    viewer.click("text=this week")
    viewer.wait_for_url(re.compile(r"week=\d{4}-W\d{2}"))
    viewer.wait_for_function("() => { const img = document.querySelector('img.chart');"
                             " return img && img.complete && img.naturalWidth > 0; }", timeout=15000)
    assert "Tickets escalated" in viewer.inner_text("#weekly")
    assert viewer.locator("#averages svg.bars").count() == 1
    viewer.screenshot(path=str(artifacts / "reports.png"), full_page=True)
