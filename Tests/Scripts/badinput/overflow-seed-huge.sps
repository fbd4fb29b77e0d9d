# Bad input: overflow seed huge
# expect error: argument 'n' of seed must be an integer, got number 1e+300

seed 1e300
