# Regression (issue 15): "must be a row number, got number" named the type asked for; now it names the value

d = spurious n=10
# expect error: a Dataset index must be a row number, a range or a column name, got number 1.5
print d[1.5]
