"""Renderers of findings; pure.

- `formats`: `RENDERERS`, one small function per format (text, json, sarif, github, junit);
- `html`: `render_html`, the self-contained page of `xlate report --html`.
"""
