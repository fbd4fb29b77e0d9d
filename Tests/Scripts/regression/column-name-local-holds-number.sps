# A local variable in a column-name position must hold a string.
def jitter col { noise col std=30 }  # expect error col 24: argument 'column' of noise: 'col' is a variable of the enclosing def or block, so its value is the column name, but it holds number 3; a column name must be a string
jitter 3
