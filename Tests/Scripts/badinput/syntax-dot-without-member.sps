# Bad input: syntax dot without member
# expect error: expected a member name after '.', found end of line

x = [1].
