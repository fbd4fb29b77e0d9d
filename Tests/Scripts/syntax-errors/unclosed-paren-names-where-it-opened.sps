# An unclosed bracket at the end of input is named with where it opened (line:column), not only "end of input".
x = 1
y = (2 +
  3
# expect error at end: expected ')' to close the '(' at line 3, found end of line (unclosed '(' opened at 3:5)
