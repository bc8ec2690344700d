"""Readers of what agencies write: their data folders and report transcriptions in YAML."""
