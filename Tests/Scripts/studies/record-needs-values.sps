t = repeat seeds=0..1 { record x=[1, 2] }  # expect error: repeat: every run failed; the first: run with seed 0 failed: record: x must be a number or a string, got list

# expect: repeat: run with seed 0 failed: record: x must be a number or a string, got list
# expect: repeat: run with seed 1 failed: record: x must be a number or a string, got list
