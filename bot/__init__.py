"""The platform-neutral core of selank-bot: knowledge base, matcher, router and replies.

Nothing here imports a chat platform; adapters translate events in and replies out.
"""
