def f a b=1 { a }
print f  # expect: <def f a b=…>
