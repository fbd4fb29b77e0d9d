r = {a: 1,
  b: 2
# expect error at end: expected ',' or '}' in the record, found end of input (unclosed '{' opened at 1:5)
