# Bad input: shape negative size
# expect error: shape sizes must be non-negative integers, got -1

t = zeros -1
