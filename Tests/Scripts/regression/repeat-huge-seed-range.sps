# Fuzz/limits regression: overflow repeat seeds
# expect error: repeat would run 1000000000000000 times; at most 100000 runs are allowed

t = repeat seeds=(range 1000000000000000) { record a=1 }
