"""Glossary: entries and their schema, disambiguation rules, the mention matcher, the curator report."""
