"""Operations around the core: the service adapters call, settings, logs, metrics, store.

Health, live reload, the write-behind writer and its spool live here too.
"""
