def f {
  x = (1 +)  # expect error: expected an expression, found ')'
  y = 2 2  # expect error: unexpected number 2 after a complete statement
}
print "x"
