"""How kg runs Debian's Chromium headless and offline: for the screenshot, the layout bench and
the browser tests. Nothing here starts a browser; callers pass these to Playwright."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# headless, and none of the background requests a closed network would refuse
CHROMIUM_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)
