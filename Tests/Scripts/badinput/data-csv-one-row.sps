# Bad input: data csv one row
# expect: 1 ["x1", "x2"]

d = csv "Tests/Scripts/badinput/fixtures/one-row.csv"
print d.n d.features
