def f {
  print 1
# expect error: expected '}' to close the block opened at line 1
