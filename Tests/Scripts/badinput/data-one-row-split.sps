# Bad input: data one row split
# expect error: split: 0.5 of 1 rows leaves the second part empty

d = spurious n=1
s = split d 0.5
