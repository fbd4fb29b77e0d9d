# A list left open runs into the next line: the error there names the '[' that is still open.
a = [1, 2
b = 3  # expect error: expected ',' or ']' in the list, found 'b' (the '[' opened at 2:5 is still open)
