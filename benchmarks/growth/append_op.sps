# Growth: a list of n elements built by `xs += [i]`. Linear since issue 15 (in place, as append). Needs `n`.
xs = []
time { for i in 0..<n { xs += [i] } }
assert (len xs == n) "wrong length"
