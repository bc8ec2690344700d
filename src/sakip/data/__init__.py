"""Reading an agency's data files into a validated :class:`~sakip.dataset.AgencyData`."""
