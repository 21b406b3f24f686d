"""Matching: text normalization, the Ranker protocol, and the rankers.

Lexical, semantic and hybrid rankers share bot.matching.ranking; thresholds decide routes.
"""
