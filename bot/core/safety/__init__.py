"""Crisis triage, checked before anything else.

English patterns, a nine-language lexicon and a small classifier (triage_model.npz).
"""
