d = scm n=10 target=y features=[x, _u] { _u = normal 0 1; x = _u; y = x + _u }
print d.features  # expect: ["x", "_u"]
