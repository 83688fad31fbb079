"""Configuration discovery, overrides and validation."""

from __future__ import annotations

import pytest

from xlate.config import build_config, load_config
from xlate.errors import ConfigError
from xlate.model import Severity


def test_walks_up_to_pyproject_with_tool_xlate(tmp_path, write):
    write("pyproject.toml", '[tool.xlate]\ntarget_locales = ["ko"]\nglossary = "terms"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    config = load_config(cwd=deep)
    assert config.root == tmp_path.resolve()
    assert config.target_locales == ("ko",)
    assert config.glossary == tmp_path.resolve() / "terms"


def test_pyproject_without_tool_xlate_is_skipped(tmp_path, write):
    write("xlate.toml", 'target_locales = ["fr"]\n')
    write("sub/pyproject.toml", '[project]\nname = "x"\n')
    config = load_config(cwd=tmp_path / "sub")
    assert config.target_locales == ("fr",) and config.root == tmp_path.resolve()


def test_xlate_toml_wins_over_pyproject_in_same_folder(tmp_path, write):
    write("pyproject.toml", '[tool.xlate]\ntarget_locales = ["ko"]\n')
    write("xlate.toml", 'target_locales = ["ja"]\n')
    assert load_config(cwd=tmp_path).target_locales == ("ja",)


def test_explicit_config_overrides_discovery(tmp_path, write):
    write("xlate.toml", 'target_locales = ["ja"]\n')
    other = write("conf/other.toml", 'target_locales = ["fr"]\ncatalogs = "po"\n')
    config = load_config(other, cwd=tmp_path)
    assert config.target_locales == ("fr",)
    assert config.catalogs == other.parent.resolve() / "po"


def test_no_config_uses_defaults_in_cwd(tmp_path):
    config = load_config(cwd=tmp_path)
    assert config.file is None and config.root == tmp_path.resolve()
    assert config.target_locales == ("ko", "ja", "fr") and config.fail_on is Severity.WARNING


def test_missing_explicit_config(tmp_path):
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(tmp_path / "nope.toml", cwd=tmp_path)


@pytest.mark.parametrize("raw,words", [
    ({"glosary": "x"}, "unknown configuration key 'glosary'"),
    ({"target_locales": ["ko", "xx"]}, "unknown locale 'xx'"),
    ({"target_locales": "ko"}, "'target_locales' must be a list of strings"),
    ({"fail_on": "fatal"}, "'fail_on' must be one of error, warning, info"),
    ({"severity": {"G205": "loud"}}, "'severity.G205' must be one of"),
    ({"severity": {"g9": "error"}}, "'severity' key: unknown rule code or prefix 'g9'"),
    ({"select": ["G-1"]}, "'select' entry: unknown rule code or prefix 'G-1'"),
    ({"select": ["T9"]}, "(nearest known: T1, T2, T3)"),
    ({"ignore": ["X101"]}, "'ignore' entry: unknown rule code or prefix 'X101' (nearest known: "
                           "C101, G101, T101)"),
    ({"select": ["deprecated-variant"]}, "that is the name of T101: use the code"),
    ({"glossary": 3}, "'glossary' must be a string"),
])
def test_bad_values_name_the_key(tmp_path, raw, words):
    with pytest.raises(ConfigError) as info:
        build_config(raw, root=tmp_path, file=tmp_path / "xlate.toml")
    assert words in str(info.value)
    assert str(info.value).startswith(str(tmp_path / "xlate.toml"))


def test_codes_are_case_insensitive_and_any_registered_prefix_is_valid(tmp_path):
    config = build_config({"select": ["t", "T1", "t10", "T101"], "ignore": ["c9"],
                           "severity": {"g2": "info"}}, root=tmp_path)
    assert config.select == ("T", "T1", "T10", "T101") and config.ignore == ("C9",)
    assert dict(config.severity) == {"G2": Severity.INFO}


def test_invalid_toml_config_names_line(tmp_path, write):
    path = write("xlate.toml", 'target_locales = ["ko"]\nfail_on = \n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.line == 2
