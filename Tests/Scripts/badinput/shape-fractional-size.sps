# Bad input: shape fractional size
# expect error: shape sizes must be non-negative integers, got 2.5

t = zeros 2.5
