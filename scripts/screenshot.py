"""Take the README's screenshot of outputs/graph.html in headless Chromium, network blocked.

.venv/bin/python scripts/screenshot.py     # writes outputs/graph.png (make screenshot)
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Route, sync_playwright

from kg.browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent


def main(
    page_path: Path = ROOT / "outputs" / "graph.html", out: Path = ROOT / "outputs" / "graph.png"
) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})

        def offline(route: Route) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                route.abort()

        page.route("**/*", offline)
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function("window.kgView && window.kgView.ready", timeout=30_000)
        page.evaluate("window.kgView.search('Norvale Systems')")
        page.wait_for_timeout(800)
        page.screenshot(path=str(out))
        browser.close()
    print(f"Wrote {out}")


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:3]))
