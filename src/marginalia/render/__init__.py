"""Render: documents to MkDocs pages (Markdown with Python-Markdown footnotes)."""

from __future__ import annotations

from marginalia.render.pages import NavItem, RenderedPage, render_text, render_text_list

__all__ = ["NavItem", "RenderedPage", "render_text", "render_text_list"]
