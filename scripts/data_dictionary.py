"""Rewrite the generated data dictionary inside data/README.md from data/datapackage.json."""

import json
from pathlib import Path

from pakafg.dictionary import dictionary_markdown, replace_generated_section

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    readme = ROOT / "data" / "README.md"
    readme.write_text(replace_generated_section(readme.read_text(encoding="utf-8"), dictionary_markdown(descriptor)),
                      encoding="utf-8")
    print(f"updated {readme.relative_to(ROOT)}")
