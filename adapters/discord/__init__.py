"""The Discord adapter: mentions, DMs, `/selank` and buttons, translated to and from the core."""
