# Growth: reading a CSV of n columns (a header and 10 rows of numbers; run.sh writes it and passes `path` and `n`).
# Linear since issue 15; a 200,000-column header took 70 s (a quadratic duplicate-name check).
d = nil
time { d = csv path }
assert (len d.features == n - 1) "wrong number of features"
assert (d.n == 10) "wrong number of rows"
