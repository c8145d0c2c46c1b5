"""Render: documents to MkDocs pages (Markdown with Python-Markdown footnotes)."""

from __future__ import annotations

from marginalia.render.pages import RenderedPage, render_text, render_text_list, text_nav

__all__ = ["RenderedPage", "render_text", "render_text_list", "text_nav"]
