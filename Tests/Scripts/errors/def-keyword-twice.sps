def f a { a }
f 1 a=2  # expect error: argument 'a' of def f given twice
