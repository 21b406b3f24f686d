"""The composition root: the command line and the runner that builds and starts the adapters."""
