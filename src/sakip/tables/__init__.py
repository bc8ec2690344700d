"""LKjIP tables: generic builders that lay out cells asked of the value model, and renderers."""
