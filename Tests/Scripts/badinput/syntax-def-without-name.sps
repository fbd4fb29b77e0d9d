# Bad input: syntax def without name
# expect error: expected a command name after 'def', found '{'

def { print 1 }
