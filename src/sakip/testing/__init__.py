"""Testing helpers for plugin authors: hypothesis strategies, rule contracts, table-driven
cases. Needs the ``testing`` extra (``pip install 'sakip[testing]'``) for hypothesis."""
