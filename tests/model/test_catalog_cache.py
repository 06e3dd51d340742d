"""The catalog read back from the disk cache is the catalog built from the schema; a damaged or
unwritable cache only costs a rebuild."""

from designer.model import catalog_cache
from designer.model.catalog import Catalog
from designer.model.schema import bundled_schema_text, load_schema
from designer.model.steps import MISSING


def _build():
    return Catalog(load_schema())


def _defaults_missing(catalog):
    return sum(1 for m in catalog.methods.values() for f in m.fields if f.default is MISSING)


def test_a_catalog_read_back_equals_the_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv("SWML_DESIGNER_CACHE", str(tmp_path))
    text = bundled_schema_text()
    built = catalog_cache.cached(text, _build, Catalog)
    (written,) = tmp_path.glob("catalog-*.pickle")
    read = catalog_cache.cached(text, lambda: (_ for _ in ()).throw(AssertionError("rebuilt")), Catalog)
    assert read is not built and read.methods == built.methods
    assert read.schema.method_defs == built.schema.method_defs and read.schema.raw == built.schema.raw
    assert _defaults_missing(read) == _defaults_missing(built) > 0  # "no default" stays that marker
    assert written.exists()


def test_a_damaged_cache_is_rebuilt_and_rewritten(tmp_path, monkeypatch):
    monkeypatch.setenv("SWML_DESIGNER_CACHE", str(tmp_path))
    text = bundled_schema_text()
    catalog_cache.cached(text, _build, Catalog)
    (path,) = tmp_path.glob("catalog-*.pickle")
    good = path.read_bytes()
    for damage in (b"", b"not a pickle", good[: len(good) // 2]):
        path.write_bytes(damage)
        assert catalog_cache.cached(text, _build, Catalog).methods == _build().methods
        assert path.read_bytes() == good


def test_another_schema_gets_another_entry_and_an_unwritable_folder_is_no_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SWML_DESIGNER_CACHE", str(tmp_path))
    catalog_cache.cached(bundled_schema_text(), _build, Catalog)
    catalog_cache.cached(bundled_schema_text() + " ", _build, Catalog)
    assert len(list(tmp_path.glob("catalog-*.pickle"))) == 2
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("SWML_DESIGNER_CACHE", str(blocker / "cache"))
    assert isinstance(catalog_cache.cached(bundled_schema_text(), _build, Catalog), Catalog)


def test_every_module_the_catalog_reads_its_words_from_is_in_the_key():
    """A designer whose panel hints or units changed must not read the old catalog back.

    ``panel_hints.py`` (labels and widgets of the fitted panels) and ``units.py`` were missing
    from the key: after an upgrade that only changed them, the panels kept the old labels until
    the cache folder was deleted by hand.
    """
    import ast
    from importlib import resources

    folder = resources.files("designer.model")

    def imported(name):
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "designer.model":
                yield from (alias.name + ".py" for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("designer.model."):
                yield node.module.rsplit(".", 1)[1] + ".py"

    reached, todo = set(), ["catalog.py"]
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            todo.extend(imported(name))
    data_types_only = {"document.py", "steps.py", "events.py"}  # the catalog's words are not there
    assert reached - data_types_only <= set(catalog_cache._SHAPING)
