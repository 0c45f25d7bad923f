"""The staff room: PIN pad, staff panel, settings and usage charts (behind the hidden gesture)."""
