xs = [1, 2,
  3
# expect error at end: expected ',' or ']' in the list, found end of line (unclosed '[' opened at 1:6)
