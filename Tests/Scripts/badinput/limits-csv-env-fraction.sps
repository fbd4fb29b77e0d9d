# Bad input: an env column holding 0.5 (once truncated to environment 0) is an error naming the file, line and value.

# expect error: Tests/Scripts/badinput/fixtures/env-fraction.csv:3: the env column 'env' has '0.5'; environment tags are whole numbers from 0 to 16777215
d = csv "Tests/Scripts/badinput/fixtures/env-fraction.csv" target=y env=env
