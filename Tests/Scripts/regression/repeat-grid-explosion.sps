# Fuzz/limits regression: overflow repeat grid
# expect error: repeat would run more than 100000 times; at most 100000 runs are allowed

t = repeat seeds=0..99 a=(range 1000) b=(range 1000) { record x=1 }
