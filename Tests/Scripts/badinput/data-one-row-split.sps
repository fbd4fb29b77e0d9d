# Bad input: data one row split

d = spurious n=1
# expect error: split: 0.5 of 1 rows leaves the second part empty
s = split d 0.5
