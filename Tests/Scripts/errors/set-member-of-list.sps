xs = [1]
xs.foo = 1  # expect error: cannot set member 'foo' of a list
