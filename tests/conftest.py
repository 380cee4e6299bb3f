import shutil
from pathlib import Path

import pytest

from pakafg.data import DATA_DIR, PROJECT_ROOT


def pytest_configure(config):
    # A fresh machine builds matplotlib's font cache on first import and says so on stderr;
    # strict nbval compares stderr, so build the cache here, before any notebook runs.
    import matplotlib.font_manager  # noqa: F401


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A scratch copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT
