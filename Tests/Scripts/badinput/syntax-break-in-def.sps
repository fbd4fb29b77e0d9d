# Bad input: syntax break in def
# expect error: 'break' outside a loop

def f { break }
