"""Headless Chromium driven over the DevTools protocol: load a page, collect its console
errors, network requests and dialogs, evaluate expressions and take a screenshot.

Run as a script to screenshot a page: ``python tests/report/browser.py page.html out.png``.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websocket

CHROMIUM = "/usr/bin/chromium"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def available() -> bool:
    """Return whether Debian's chromium is installed."""
    return os.access(CHROMIUM, os.X_OK)


@dataclass
class PageLoad:
    """What a page did while it loaded."""

    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


class Browser:
    """One headless Chromium with a fresh profile, and one page of it."""

    def __init__(self, width: int = 1280, height: int = 900) -> None:
        self._profile = tempfile.mkdtemp(prefix="saring-chromium-")
        self._proc = subprocess.Popen(
            [
                CHROMIUM,
                *FLAGS,
                f"--user-data-dir={self._profile}",
                "--remote-debugging-port=0",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        url = self._devtools_url()
        self._ws = websocket.create_connection(url, timeout=30, suppress_origin=True)
        self.width = width
        self._ids = itertools.count(1)
        self._events: list[dict[str, Any]] = []
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self._session = self.send(
            "Target.attachToTarget", {"targetId": page["targetId"], "flatten": True}
        )["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session=True)
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session=True,
        )

    def _devtools_url(self) -> str:
        assert self._proc.stderr is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self._proc.stderr.readline()
            if not line and self._proc.poll() is not None:
                raise RuntimeError("chromium exited before it listened")
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            if found:
                return found.group(1)
        raise RuntimeError("chromium did not start its DevTools endpoint")

    def send(self, method: str, params: dict[str, Any] | None = None, session: bool = False) -> Any:
        """Send one command and return its result, keeping the events that arrive meanwhile."""
        message: dict[str, Any] = {"id": next(self._ids), "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self._session
        self._ws.send(json.dumps(message))
        while True:
            reply = json.loads(self._ws.recv())
            if reply.get("id") == message["id"]:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def _wait_for(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self._events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {method} within {timeout} s")
            event = json.loads(self._ws.recv())
            self._events.append(event)
            if event.get("method") == "Page.javascriptDialogOpening":
                # A dialog blocks the page: dismiss it (the caller sees that it opened).
                self.send("Page.handleJavaScriptDialog", {"accept": True}, session=True)

    def load(self, url: str) -> PageLoad:
        """Open a page, wait until it has loaded and settled; return what it did."""
        self._events.clear()
        self.send("Page.navigate", {"url": url}, session=True)
        self._wait_for("Page.loadEventFired")
        # A short settle for late events (console messages after load).
        self.evaluate("new Promise(r => setTimeout(r, 300))")
        result = PageLoad()
        for event in self._events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                result.console_errors.append(
                    " ".join(str(a.get("value", a.get("description"))) for a in params["args"])
                )
            elif method == "Runtime.exceptionThrown":
                result.console_errors.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                result.console_errors.append(params["entry"]["text"])
            elif method == "Network.requestWillBeSent":
                result.requests.append(params["request"]["url"])
            elif method == "Page.javascriptDialogOpening":
                result.dialogs.append(params.get("message", ""))
        return result

    def evaluate(self, expression: str) -> Any:
        """Return the value of a JavaScript expression in the page (awaiting a promise)."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=True,
        )
        return result.get("result", {}).get("value")

    def screenshot(
        self, path: Path, full_page: bool = True, clip: dict[str, float] | None = None
    ) -> None:
        """Save a PNG of the page (the whole page, or a clip)."""
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full_page}
        if clip is not None:
            params["clip"] = {**clip, "scale": 1}
        elif full_page:
            metrics = self.send("Page.getLayoutMetrics", session=True)["cssContentSize"]
            params["clip"] = {
                "x": 0,
                "y": 0,
                "width": max(metrics["width"], self.width),
                "height": metrics["height"],
                "scale": 1,
            }
        data = self.send("Page.captureScreenshot", params, session=True)["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self._ws.close()
        finally:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def png_size(path: Path) -> tuple[int, int]:
    """Return the width and height a PNG file declares."""
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


if __name__ == "__main__":
    # python tests/report/browser.py PAGE OUT.png [HEIGHT [ELEMENT_ID]]: the whole page, or
    # HEIGHT pixels from the top of the page or of an element.
    page, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    height = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    with Browser() as browser:
        loaded = browser.load(page.as_uri())
        print("console errors:", loaded.console_errors, "requests:", loaded.requests)
        if height:
            top = 0.0
            if len(sys.argv) > 4:
                top = browser.evaluate(
                    f"document.getElementById({json.dumps(sys.argv[4])})"
                    ".getBoundingClientRect().top + window.scrollY"
                )
            browser.screenshot(out, clip={"x": 0, "y": top, "width": 1280, "height": height})
        else:
            browser.screenshot(out)
    print(out, png_size(out))
