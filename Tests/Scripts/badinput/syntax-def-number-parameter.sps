# Bad input: syntax def number parameter
# expect error: expected a parameter name or '{' to start the body of def f, found number 1

def f 1 { print 1 }
