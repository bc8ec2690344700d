"""An agency's year in an Excel workbook: the published layout, reading it, writing it."""
