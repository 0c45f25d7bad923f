"""Khojaly Memorial Kiosk."""

__version__ = "0.1.0"
