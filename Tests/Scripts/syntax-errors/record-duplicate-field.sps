r = {a: 1, a: 2}  # expect error: duplicate field 'a'
