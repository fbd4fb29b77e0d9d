def make start { def next { start = start + 1; start }; return next }
n = make 10
n()
print (n())  # expect: 12
