# Bad input: ols on collinear features names the column that is a combination of the others (issue 15)

d = csv "Tests/Scripts/badinput/fixtures/collinear-columns.csv"
# expect error: ols: the features are collinear: column 'x3' is a linear combination of the columns before it
b = ols d
