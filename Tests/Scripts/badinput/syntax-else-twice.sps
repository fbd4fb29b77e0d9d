# Bad input: syntax else twice
# expect error: unexpected 'else' after a complete statement; separate statements with a newline or ';'

if true { print 1 } else { print 2 } else { print 3 }
