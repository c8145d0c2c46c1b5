"""Render: annotated texts to finished HTML pages, and the glossary's and bibliography's pages."""

from __future__ import annotations

from marginalia.render.pages import NavItem, RenderedPage, render_text

__all__ = ["NavItem", "RenderedPage", "render_text"]
