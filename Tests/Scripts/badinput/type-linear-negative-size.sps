# Bad input: type linear negative size
# expect error: inputs must be between 1 and 65536, got -1

m = linear -1 1
