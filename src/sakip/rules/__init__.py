"""Pure calculation rules over the frozen domain records."""
