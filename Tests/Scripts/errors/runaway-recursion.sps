def f n { f (n + 1) }  # expect error: too many nested calls
f 0
