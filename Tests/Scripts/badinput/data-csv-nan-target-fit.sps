# Bad input: data csv nan target fit
# expect error: cannot train: column 'y' has a non-finite value (nan) in row 1; drop or replace NaN and Inf first

seed 0
d = csv "Tests/Scripts/badinput/fixtures/nan-target.csv"
m = linear 1 1
fit m d epochs=3
