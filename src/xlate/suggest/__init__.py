"""Term discovery: what an English text names that the glossary lacks (pure).

- `discover`: names, titles, organisations, programmes, events and places, ranked, with the
  spellings that are variants of glossary entries;
- `lexicon`: the words that head titles and names, and CLDR's names of places and dates;
- `stubs`: proposals as `[[term]]` tables in the glossary's own format.
"""
