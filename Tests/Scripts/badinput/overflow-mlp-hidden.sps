# Bad input: overflow mlp hidden
# expect error: hidden sizes must be integers between 1 and 65536, got 1000000000

m = mlp 3 [1e9] 1
