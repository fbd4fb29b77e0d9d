# Bad input: escape sequences in CSV column names are shown escaped in errors and did-you-mean hints (issue 15)

d = csv "Tests/Scripts/badinput/fixtures/escape-in-header.csv"
# expect error: no feature named 'zz'; the features are a\e[31m, b\u{7}
d2 = select d ["zz"]
