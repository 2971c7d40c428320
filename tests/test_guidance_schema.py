"""The schema rejects malformed guidance loudly, naming where it is wrong."""

from pathlib import Path

import pytest
import yaml

from bot.guidance.loader import GuidanceError, load_areas


def _write(tmp_path: Path, name: str, data: dict) -> None:
    (tmp_path / name).write_text(yaml.safe_dump(data), encoding="utf-8")


def test_unknown_key_is_an_error_naming_the_file(tmp_path: Path) -> None:
    _write(tmp_path, "x.yml", {"schema_version": 1, "area": "x", "bogus": 1})
    with pytest.raises(GuidanceError) as err:
        load_areas(tmp_path)
    assert "x.yml" in str(err.value)
    assert "bogus" in str(err.value)


def test_invalid_yaml_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "y.yml").write_text("area: [unclosed", encoding="utf-8")
    with pytest.raises(GuidanceError, match="not valid YAML"):
        load_areas(tmp_path)
