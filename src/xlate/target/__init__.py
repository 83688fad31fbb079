"""The target languages: finding renderings in translations, and CLDR's view of each locale.

- `match`: renderings in Korean (particles, spacing), Japanese and French (elision, inflection);
  pure;
- `locales`: validation, language names, month and day as each language writes them (babel).
"""
