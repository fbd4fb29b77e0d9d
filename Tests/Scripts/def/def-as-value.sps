def twice f x { f (f x) }
def inc x { x + 1 }
print (twice inc 5)  # expect: 7
