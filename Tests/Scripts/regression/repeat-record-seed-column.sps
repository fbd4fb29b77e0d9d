# Wrong answer, fixed: recording a name repeat already uses for a column (the seed, a grid setting) was dropped
# without a word. Now an error that says to pick another name.

# expect error: repeat: the run with seed 0 recorded seed=5, but 'seed' is already a column (the run's seed); record it under another name
t = repeat seeds=0..1 { record seed=5 }
