"""The review of a printed LKjIP: how its figures relate, the context checks are given, running them."""
