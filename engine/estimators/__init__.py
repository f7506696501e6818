"""Estimators of p(x) and of gradients, on models whose p(x) is known exactly (issue 4)."""
