# Regression (issue 15): "must be integers, got number" named the type asked for; now it names the value

t = tensor [1, 2, 3]
# expect error: tensor index must be an integer, a range, a list of integers or a mask, got number 1.5
print t[1.5]
