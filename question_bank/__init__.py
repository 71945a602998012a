"""Question-bank domain logic: plain Python, no Django."""
