t = compare (linear 3 1) truth=[1, 2, 0]
plot scatter t x=param y=learned  # expect error: plot scatter: the column 'param' of the table holds text, not numbers
