"""xlate: one terminology glossary drives the translation of news articles."""

__version__ = "0.1.0"
