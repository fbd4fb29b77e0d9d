# Growth: a list of n elements built by `xs = append xs i`, the documented way. Linear since issue 15 (the list
# is appended to in place); it was quadratic (100,000 appends took 26 s). Needs `n`: run.sh passes it with -e and
# reads the time that `time` prints.
xs = []
time { for i in 0..<n { xs = append xs i } }
assert (len xs == n) "wrong length"
assert (xs[n - 1] == n - 1) "wrong last element"
