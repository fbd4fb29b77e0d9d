# Regression (issue 15): errors in a CRLF script name their own line and column
x = 1
# expect: 1
print x
y = x + q  # expect error col 9: unknown name 'q'
