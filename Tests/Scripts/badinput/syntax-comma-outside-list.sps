# Bad input: syntax comma outside list
# expect error: unexpected ',' after a complete statement; separate statements with a newline or ';'

x = 1, 2
