# Regression (issue 15): "needs a list of numbers, got list" now names the element that is not a number

# expect error: plot hist needs a tensor or a list of numbers, but element 1 of the list is string "a"
plot hist [1, "a"]
