import shutil
from pathlib import Path

import pytest

from pakafg.data import DATA_DIR, PROJECT_ROOT


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A scratch copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT
