# Bad input: an env column of 9e18 is no environment tag (tags are whole numbers from 0 to 2^24 - 1); it was
# converted to a number that concat then wrapped around to a negative tag.

# expect error: Tests/Scripts/badinput/fixtures/env-huge.csv:3: the env column 'env' has '9e18'; environment tags are whole numbers from 0 to 16777215
d = csv "Tests/Scripts/badinput/fixtures/env-huge.csv" target=y env=env
