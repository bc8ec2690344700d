"""Reading an agency's data files into a validated :class:`~sakip.model.agency_data.AgencyData`."""
