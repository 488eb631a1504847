"""The core app's figures: the letters registers' counts and the partner-reported figures."""

from canhgiac.core import letter_figures, reported_figures

FIGURES = [*letter_figures.FIGURES, *reported_figures.FIGURES]
