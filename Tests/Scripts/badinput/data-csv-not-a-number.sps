# Bad input: data csv not a number
# expect error: Tests/Scripts/badinput/fixtures/not-a-number.csv:2: column 'x2' has 'two', which is not a number

d = csv "Tests/Scripts/badinput/fixtures/not-a-number.csv"
