"""The platform-neutral side of selank-bot, in layers (see ARCHITECTURE.md).

`content` (the knowledge base) < `matching` (rankers) < `core` (replies, routing, triage)
< `ops` (the service, settings, store, metrics) < `curation` (evaluation, report). A module
imports only from its own layer or lower ones; nothing here imports a chat platform.
"""
