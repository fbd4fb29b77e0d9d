# An error about one of several values a command collects points at that value.
t = zeros 2 "a" 3  # expect error col 13: shape sizes must be non-negative integers, got "a"
