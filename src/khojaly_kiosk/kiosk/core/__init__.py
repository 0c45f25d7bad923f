"""The kiosk's Qt-free core: state file, PIN, usage counters, opening hours, inbox, logs."""
