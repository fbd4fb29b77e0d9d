# Bad input: syntax control character
# expect error: unexpected character U+0001

x = 1
