"""Writers of what agencies keep: their data folder in YAML."""
