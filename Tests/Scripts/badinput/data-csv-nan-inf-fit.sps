# Bad input: data csv nan inf fit

seed 0
d = csv "Tests/Scripts/badinput/fixtures/nan-inf.csv"
m = linear 2 1
# expect error: cannot train: column 'x1' has a non-finite value (nan) in row 2; drop or replace NaN and Inf first
fit m d epochs=3
