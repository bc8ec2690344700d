"""Review a published LKjIP from its file: find its tables, infer what each figure states,
and run the same checks as a transcribed review.

The pipeline reads top down: :mod:`.formats` turn a file into blocks (lines of text and grids
of cells); :mod:`.assemble` finds the tables among them (captions, headings over two rows,
tables that continue after a page break); :mod:`.number_forms` reads each column's numbers;
:mod:`.columns` and :mod:`.rows` infer what columns and rows hold; :mod:`.entities` matches
the same objective, indicator or program across tables by its label (:mod:`.labels`);
:mod:`.links` finds the node that funds an objective or reports its indicator;
:mod:`.indicator_rules` the formula and aggregation the figures follow; :mod:`.data` the
agency data the report itself gives; :mod:`.inference` puts these together into the printed
report with its subjects; :mod:`.review` runs the checks.
"""
