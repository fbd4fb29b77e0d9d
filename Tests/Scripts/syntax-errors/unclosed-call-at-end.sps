x = max(1, 2
# expect error at end: expected ',' or ')' in the argument list, found end of line (unclosed '(' opened at 1:8)
