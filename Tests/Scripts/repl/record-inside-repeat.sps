t = repeat seeds=0..1 { record a=1 b="x" }
print t.n t.columns  # expect: 2 ["seed", "a", "b"]
