# Bad input: ols on a dataset with a constant column names that column (issue 15)

d = csv "Tests/Scripts/badinput/fixtures/constant-column.csv"
# expect error: ols: column 'x2' is constant, so its weight and the intercept are not unique; drop the column
b = ols d
