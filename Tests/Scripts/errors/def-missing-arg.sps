def f a b { a }
f 1  # expect error: def f is missing argument 'b'
