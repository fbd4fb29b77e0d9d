a = spurious n=4
print (concat [a, a, a]).n  # expect: 12
