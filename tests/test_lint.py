"""ruff over the package, tests, scripts, checks, the Sphinx extension and the chapters' code."""

import subprocess
import sys
from pathlib import Path

from pakafg.data import PROJECT_ROOT


def test_ruff_finds_nothing():
    ruff = Path(sys.executable).parent / "ruff"
    result = subprocess.run([str(ruff), "check", "--no-cache", "."], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:]
