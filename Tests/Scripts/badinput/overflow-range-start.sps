# Bad input: overflow range start
# expect error: argument 'start' of range must be an integer, got number 1e+18

x = range 1e18
