for i in 0..3 {
  if i > 1 {
    print i
  }
# expect error at end: expected '}' to close the block opened at line 1, found end of input (unclosed '{' opened at 1:15)
