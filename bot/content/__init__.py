"""Content: the knowledge base as values, its loader and the bundled data/.

The loader reports every problem with file, line and field; nothing here imports the rest of bot.
"""
