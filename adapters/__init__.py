"""Platform glue: each adapter turns its platform's events into questions for the core."""
