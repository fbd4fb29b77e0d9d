# A local variable given for a parameter that takes several column names must hold a string or a list of strings.
d = spurious n=10
def pick data cols { select data cols }  # expect error col 34: argument 'columns' of select: 'cols' is a variable of the enclosing def or block, so its value gives the column names, but it holds list [1, 2]; column names must be a string or a list of strings
pick d [1, 2]
