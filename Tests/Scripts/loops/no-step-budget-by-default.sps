# A script's loops have no step budget unless a host sets one (the fuzzer does): a million iterations run.
# expect: 1000000
n = 0
for i in range 1000000 { n = n + 1 }
print n
