"""sakip's own rules, registered as plugins through the public hooks."""
