"""The SAKIP domain: frozen records validated at construction."""
