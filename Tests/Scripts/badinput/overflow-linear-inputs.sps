# Bad input: overflow linear inputs
# expect error: inputs must be between 1 and 65536, got 1000000

m = linear 1e6 1
