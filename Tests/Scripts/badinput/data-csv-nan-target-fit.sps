# Bad input: data csv nan target fit

seed 0
d = csv "Tests/Scripts/badinput/fixtures/nan-target.csv"
m = linear 1 1
# expect error: cannot train: column 'y' has a non-finite value (nan) in row 1; drop or replace NaN and Inf first
fit m d epochs=3
