"""Citing: how every page can be cited, in Chicago, BibTeX, RIS and CSL-JSON, and what reference managers read."""
