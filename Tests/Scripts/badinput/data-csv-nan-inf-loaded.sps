# Bad input: data csv nan inf loaded
# expect: 3-element Tensor{Float32}:
# expect: 1  NaN    3 3-element Tensor{Float32}:
# expect: 2    1  Inf

d = csv "Tests/Scripts/badinput/fixtures/nan-inf.csv"
print d.x1 d.x2
