# Bad input: data csv ragged
# expect error: Tests/Scripts/badinput/fixtures/ragged.csv:3: expected 3 fields, got 2

d = csv "Tests/Scripts/badinput/fixtures/ragged.csv"
