"""Fixtures the model tests share: the bundled catalog and a validator on it (built once)."""

import pytest

from designer.model.catalog import load_catalog
from designer.model.validation import Validator


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def validator(catalog):
    return Validator(catalog)
