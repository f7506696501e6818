"""Expectation–maximisation: two means on a surface, the three coins, general mixtures."""
