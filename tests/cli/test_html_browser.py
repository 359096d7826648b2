"""The HTML page of ``claims/`` and ``examples/``: pinned by a golden file, and opened in
a real browser (headless Chromium, Debian's ``chromium`` package, which ``.ci/run``
installs): no console message (a blocked load, a script error, a CSP violation) and a
screenshot in which the charts' colours are drawn.

Regenerate the golden (then read the diff!) with
``UPDATE_GOLDEN=1 pytest tests/cli/test_html_browser.py``; the screenshot in ``docs/``
with ``UPDATE_SCREENSHOT=1``.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden" / "verify.html.html"
SCREENSHOT = ROOT / "docs" / "html-report.png"
BASE_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8",
            "CLAIMCHECK_CACHE_DIR": os.environ.get("CLAIMCHECK_CACHE_DIR", "")}  # tests/conftest.py
BROWSERS = ("chromium", "chromium-browser", "chromium-headless-shell", "google-chrome")


def _page() -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", "verify", "claims/", "examples/", "--format", "html"],
        cwd=ROOT, capture_output=True, text=True, env=BASE_ENV,
    )


def test_golden_page() -> None:
    p = _page()
    assert p.returncode == 1, p.stderr  # examples/ holds a draft with a wrong percentage
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(p.stdout, encoding="utf-8")
    assert p.stdout == GOLDEN.read_text(encoding="utf-8")


def _browser() -> str | None:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium
    writes), unfiltered: enough to look for a colour without an imaging library."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if bpp == 3 else bytes(v for j, v in enumerate(line) if j % 4 != 3))
        prev = line
    return width, height, rows


def test_page_opens_in_chromium_with_no_console_message(tmp_path: Path) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip(
            "no headless Chromium on this machine (looked for " + ", ".join(BROWSERS) + "): .ci/run installs "
            "Debian's 'chromium' package with apt-get, which needs root and the Debian archive; install it "
            "(apt-get install chromium) to run this test"
        )
    page = tmp_path / "report.html"
    page.write_text(_page().stdout, encoding="utf-8")
    shot = tmp_path / "report.png"
    p = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--enable-logging=stderr", "--v=0", f"--user-data-dir={tmp_path / 'profile'}",
         "--window-size=1000,1400", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    console = [line for line in p.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], console
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1000, 1400)
    colours = {bytes(row[i:i + 3]) for row in rows for i in range(0, len(row), 3)}
    # The charts' fills: input bars, the accurate band, the approximate band.
    for name, rgb in (("bar", "4a6fa5"), ("accurate band", "9fd3ad"), ("approximate band", "f2dfb0")):
        assert bytes.fromhex(rgb) in colours, f"no {name} colour #{rgb} in the screenshot"
    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.write_bytes(shot.read_bytes())
