# Bad input: data csv empty file
# expect error: Tests/Scripts/badinput/fixtures/empty.csv: the file is empty (a header row is needed)

d = csv "Tests/Scripts/badinput/fixtures/empty.csv"
