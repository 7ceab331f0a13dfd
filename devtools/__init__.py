"""Developer tools (not part of the installed product): generators for the false-positive sweep."""
