d = scm n=10 target=y features=[x2] { x = normal 0 1 cols=3; y = x @ (randn 3) }
print d.features  # expect: ["x2"]
