# Bad input: an env column holding nan (once converted to -9.22e18) is an error naming the file, line and value.

# expect error: Tests/Scripts/badinput/fixtures/env-nan.csv:3: the env column 'env' has 'nan'; environment tags are whole numbers from 0 to 16777215
d = csv "Tests/Scripts/badinput/fixtures/env-nan.csv" target=y env=env
