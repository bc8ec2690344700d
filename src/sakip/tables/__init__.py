"""LKjIP tables: a plain table model, generic builders and renderers."""
