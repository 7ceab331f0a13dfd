# zairyu-lint defines no custom functions.
