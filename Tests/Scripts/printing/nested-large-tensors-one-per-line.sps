# A list or record holding a large tensor prints one entry per line, the tensor's header after its key and its grid
# below it (indentation is checked by the unit tests; golden lines are compared without leading spaces).
print {big: zeros 2 12, small: ones 2}
# expect: {
# expect: big: 2×12 Tensor{Float32}:
# expect: 0  0  0  0  …  0  0  0  0
# expect: 0  0  0  0  …  0  0  0  0
# expect: small: tensor [1, 1]
# expect: }
print [[zeros 11], 5]
# expect: [
# expect: [
# expect: 11-element Tensor{Float32}:
# expect: 0  0  0  0  …  0  0  0  0
# expect: ]
# expect: 5
# expect: ]
