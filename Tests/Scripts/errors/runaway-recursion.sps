def f n { f (n + 1) }
f 0  # expect error: too many nested calls
