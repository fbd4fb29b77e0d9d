# Bad input: shape model on wrong width

m = linear 3 1
# expect error: Linear(3 => 1) expects 3 input columns, got 5 (input shape [2, 5])
print (m (zeros 2 5))
