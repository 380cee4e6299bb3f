"""Shared helpers for the Pakistan–Afghanistan report.

* :mod:`pakafg.data`: load the validated dataset (``load_dataset``).
* :mod:`pakafg.validate`: the Table Schema checks behind it.
* :mod:`pakafg.charts`: the house chart style and chart-data downloads.
* :mod:`pakafg.tables`: tables that typeset in HTML and PDF.
* :mod:`pakafg.fmt`: number and date formatting; :mod:`pakafg.glue`: numbers into prose.
"""

from . import fmt
from .data import DATA_DIR, PROJECT_ROOT, Dataset, load_dataset
from .validate import DataValidationError

__all__ = ["fmt", "DATA_DIR", "PROJECT_ROOT", "Dataset", "load_dataset", "DataValidationError"]
