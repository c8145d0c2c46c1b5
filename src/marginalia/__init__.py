"""marginalia."""
