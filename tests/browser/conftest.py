"""The browser tests' fixtures: headless Chromium (Debian's `chromium`, driven by Playwright, never a browser
Playwright downloads), and `escalator demo --keep` running as a subprocess, its scenes played, its status page
address and logins read from what it prints.

Without Chromium or Playwright the tests are skipped with the reason; in CI (CI=true) they fail instead, since
`.ci/run` installs both. Screenshots go to test-artifacts/browser/ (or $ESCALATOR_TEST_ARTIFACTS).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = Path(os.environ.get("ESCALATOR_CHROMIUM", "/usr/bin/chromium"))
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("ESCALATOR_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "browser"
# The flags this machine's headless Chromium needs: no sandbox as root, no GPU, and no call home (the network is
# closed: without these it tries Google's hosts at every start).
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: .ci/run installs Chromium and Playwright; the browser tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed: pip install -e '.[test]'")
        raise AssertionError("unreachable") from None
    if not CHROMIUM.exists():
        _unavailable(f"no Chromium at {CHROMIUM}: apt-get install chromium chromium-driver")
    with sync_playwright() as playwright:
        # Playwright starts the browser on a fresh, temporary profile (its own --user-data-dir) and removes it after.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Demo:
    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    url: str = ""
    admin: str = ""
    viewer: str = ""
    folder: Path = Path()

    @property
    def output(self) -> str:
        return "".join(self.lines)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, chromium: Any) -> Iterator[Demo]:
    """`escalator demo --keep`, left running once its story is told."""
    scratch = tmp_path_factory.mktemp("demo")
    env = {**os.environ, "ESCALATOR_CONFIG": "", "TMPDIR": str(scratch), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "webhooks.cli", "demo", "--keep"], cwd=scratch, env=env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    running = Demo(process)
    assert process.stdout is not None
    stream = process.stdout
    threading.Thread(target=lambda: running.lines.extend(iter(stream.readline, "")), daemon=True).start()
    try:
        started = time.monotonic()
        while "Still running" not in running.output:
            if process.poll() is not None or time.monotonic() - started > 150:
                raise AssertionError(f"the demo did not get to 'Still running':\n{running.output[-4000:]}")
            time.sleep(0.25)
        time.sleep(0.2)
        address = re.search(r"Still running: open the status page at (http://127\.0\.0\.1:\d+/escalator/)",
                            running.output)
        logins = re.search(r"sign in as demo-admin / ([^\s,]+), or read-only as demo-viewer / ([^\s)]+)",
                           running.output)
        folder = re.search(r"data in (\S+)", running.output)
        assert address and logins and folder, running.output[-3000:]
        running.url, running.admin, running.viewer = address.group(1), logins.group(1), logins.group(2)
        running.folder = Path(folder.group(1))
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
