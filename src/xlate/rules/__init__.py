"""Every rule of xlate, bound in one registry."""

from __future__ import annotations

from xlate.rules import glossary as _glossary
from xlate.rules.registry import Registry, Rule

REGISTRY = Registry(_glossary.RULES)

__all__ = ["REGISTRY", "Registry", "Rule"]
