"""Linting English copy against the glossary; pure.

- `engine`: `lint`, matcher hits become findings (T1xx, T2xx, T3xx);
- `fix`: `plan` and `apply`, rewriting deprecated variants where the edit is unambiguous;
- `baseline`: recorded findings, so that CI fails only on new ones.
"""
