# Bad input: overflow spurious rows
# expect error: n=1000000000000000 rows is more than sps allows in memory (at most 100,000,000 rows)

d = spurious n=1e15
