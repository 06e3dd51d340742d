"""The naive way to keep a preview and a problem list live: dump everything, validate everything.

What a straightforward editor does on each edit: ``yaml.safe_dump`` the whole document and run
jsonschema over the whole of it. The designer's numbers are only worth having if they beat this.
"""

from __future__ import annotations

from typing import Any

import jsonschema
import yaml


class NaiveEditor:
    """One document as plain data, re-exported and re-validated in full after each edit."""

    def __init__(self, data: dict[str, Any], catalog: Any) -> None:
        self.data = data
        schema = catalog.schema.raw
        cls = jsonschema.validators.validator_for(schema)
        self.validator = cls(schema)
        self.count = 0

    def edit(self) -> None:
        """Change one value, then re-export and re-validate everything."""
        self.count += 1
        steps = next(iter(self.data["sections"].values()))
        steps[0] = {"answer": {"max_duration": 60 + self.count}}
        yaml.safe_dump(self.data, sort_keys=False)
        for _error in self.validator.iter_errors(self.data):
            pass
