"""The plugin system: what plugins register, the registry, loading plugins and calling their code."""
