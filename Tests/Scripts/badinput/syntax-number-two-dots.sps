# Bad input: syntax number two dots
# expect error: expected a member name after '.', found number 3

x = 1.2.3
