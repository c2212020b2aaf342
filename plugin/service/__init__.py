"""The service layer: what runs the pure core against a store, a queue and the helpdesk adapters."""
