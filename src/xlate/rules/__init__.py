"""Every rule of xlate, bound in one registry: G glossary, T English sources, C catalogues."""

from __future__ import annotations

from xlate.rules import glossary as _glossary
from xlate.rules import terms as _terms
from xlate.rules import translations as _translations
from xlate.rules.registry import Registry, Rule

REGISTRY = Registry((*_glossary.RULES, *_terms.RULES, *_translations.RULES))

__all__ = ["REGISTRY", "Registry", "Rule"]
