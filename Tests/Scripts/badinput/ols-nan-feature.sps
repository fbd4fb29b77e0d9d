# Bad input: ols on a dataset with NaN and Inf values names the column, not collinearity (issue 15)

d = csv "Tests/Scripts/badinput/fixtures/nan-inf.csv"
# expect error col 5: ols: column 'x1' has a non-finite value (nan) in row 2; drop or replace NaN and Inf first
b = ols d
