"""The demo's own study material and questions, written for this project."""
