# In a list of column names, each local variable must hold one name (a string); join lists with + instead.
d = spurious n=10
def pick data extra { select data [x1, extra] }  # expect error col 40: argument 'columns' of select: 'extra' is a variable of the enclosing def or block, so its value is a column name, but it holds list ["x2", "x3"]; each name in the list must be a string
pick d ["x2", "x3"]
