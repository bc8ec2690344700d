"""The value model: every figure computed once, asked for by tables, review and analysis."""
