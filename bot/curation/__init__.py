"""Curation: accuracy on evaluation sets and the curator's report from the store."""
