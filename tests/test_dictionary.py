import json

from pakafg.data import DATA_DIR
from pakafg.dictionary import BEGIN, END, dictionary_markdown


def test_data_readme_dictionary_matches_datapackage():
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    start, end = readme.index(BEGIN), readme.index(END) + len(END) + 1
    assert readme[start:end] == dictionary_markdown(descriptor), (
        "data/README.md is out of date with datapackage.json: run `make dictionary`"
    )


def test_every_field_is_described():
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert resource.get("title") and resource.get("description"), resource["name"]
        for field in resource["schema"]["fields"]:
            assert field.get("description"), f"{resource['name']}.{field['name']} has no description"
