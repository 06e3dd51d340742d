"""Validation (placeholder until the validator lands): see designer/model/problems.py."""

from __future__ import annotations

from designer.model.catalog import Catalog
from designer.model.document import Document
from designer.model.problems import Problem


class Validator:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def validate(self, doc: Document) -> list[Problem]:
        return []
