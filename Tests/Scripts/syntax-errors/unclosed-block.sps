def f {
  print 1
# expect error at end: expected '}' to close the block opened at line 1
