# Bad input: divide tensor by zero
# expect: 3-element Tensor{Float32}:
# expect: Inf  -Inf   NaN

print ((tensor [1, -1, 0]) / 0)
