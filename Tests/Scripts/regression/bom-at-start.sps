x = 40  # a UTF-8 byte order mark starts this file (issue 15: it was a syntax error)
# expect: 42
print (x + 2)
y = x + q  # expect error col 9: unknown name 'q'
