"""Bibliography: BibTeX entries, the alias table, citation resolution, Chicago formatting, drafting."""
