def f a b=1 { a + b }
f 1 c=2  # expect error col 5: def f has no parameter 'c'
