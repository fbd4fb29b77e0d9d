# Growth: a list of n elements built in a record field and in a list element, `h.loss = append h.loss i` and
# `runs[0] = append runs[0] i` (a training history, a list of runs), n appends each. Linear since the ninth session
# (the field or element is appended to where it lies); it was quadratic (200,000 appends to a field took 13 s).
# Needs `n`: run.sh passes it with -e and reads the time that `time` prints.
h = {loss: [], step: 0}
runs = [[]]
time {
  for i in 0..<n { h.loss = append h.loss i }
  for i in 0..<n { runs[0] = append runs[0] i }
}
assert (len h.loss == n and len runs[0] == n) "wrong length"
assert (h.loss[n - 1] == n - 1 and runs[0][n - 1] == n - 1) "wrong last element"
