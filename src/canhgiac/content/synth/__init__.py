"""Deterministic generator of labelled Vietnamese texts for the classes with no public data set.

``train_templates`` feeds training; ``eval_templates`` (different wording, vocabulary, brands and seed) builds the
evaluation set reported in the model card. ``generator`` renders templates and adds the surface noise people use.
"""
