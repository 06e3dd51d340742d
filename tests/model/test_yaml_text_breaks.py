"""Fresh YAML output keeps strings that hold characters YAML treats as line breaks."""

import pytest
import yaml

from designer.model import yaml_text


@pytest.mark.parametrize("value", ["x\x85y", "a\u2028b", "a\u2029b", "c\rd", "two\nlines\x85"])
def test_line_break_characters_survive_a_dump(value):
    text = yaml_text.dump({"play": {"url": value}})
    assert yaml.safe_load(text) == {"play": {"url": value}}
