# Bad input: concat offsets each set's environment tags past the previous set's; tags that would pass the
# largest (2^24 - 1) are an error, never wrapped around.

d = csv "Tests/Scripts/badinput/fixtures/env-largest.csv" target=y env=env
e = concat [d]
print "tags up to 16777215 are kept"
# expect: tags up to 16777215 are kept
# expect error: concat: set 2 has tags up to 16777215, which after the 16777216 environments before it would pass the largest tag, 16777215
e = concat [d, d]
