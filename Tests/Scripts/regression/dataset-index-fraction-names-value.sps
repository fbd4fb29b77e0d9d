# Regression (issue 15): "must be a row number, got number" named the type asked for; now it names the value

d = spurious n=10
# expect error: Dataset index must be an integer, a range, a list of integers or a mask, got number 1.5
print d[1.5]
