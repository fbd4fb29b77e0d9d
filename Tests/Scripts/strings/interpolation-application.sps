xs = [1, 2, 3]
print "sum={sum xs} len={len xs}"  # expect: sum=6 len=3
