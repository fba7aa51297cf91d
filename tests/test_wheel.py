"""The wheel works outside the checkout: scripts/wheel_check.sh builds it, installs it into a
fresh venv in a temporary folder and there runs kg build, query, validate, viz and the API."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_works_outside_the_checkout() -> None:
    script = ROOT / "scripts" / "wheel_check.sh"
    env = {**os.environ, "PYTHON": sys.executable}
    result = subprocess.run(
        ["bash", str(script)], capture_output=True, text=True, timeout=900, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wheel check: kg-"), result.stdout
    assert "installed outside the checkout; kg build, query --list" in result.stdout
