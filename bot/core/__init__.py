"""The core: replies, the routing rules, crisis triage, small talk and the responder.

It takes text and returns a frozen Reply; it imports matching and content, never ops.
"""
